import { inert } from '../output.js';
import { actSafeMasks, underAct } from './act.js';
import { toolForms } from './tool-forms.js';
import {
  basicAuthForms,
  formsOf,
  encodingsOf,
  LARGE_VALUE_CHARS,
  MIN_SECRET_LENGTH,
  recordedForms,
  shortParts,
  type MaskForm,
} from './forms.js';

// eslint-disable-next-line no-control-regex -- the control characters inert() escapes
const NEEDS_INERT_FORM = /##\[|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A form registered for a secret, remembered for redaction and for the leak guard. */
export interface RegisteredForm extends MaskForm {
  readonly name: string;
}

/**
 * Registers every form of every value with the runner (through the injected `register`,
 * `core.setSecret` in the action) the moment the value exists, and redacts text that
 * is about to be shown anyway (error messages from libraries) as a second line of defence.
 */
export class MaskRegistry {
  readonly #register: (texts: readonly string[]) => void;
  readonly #forms = new Map<string, RegisteredForm>();
  #persist: ((forms: readonly RegisteredForm[]) => void) | undefined;
  /** forms() sorted, kept until the next registration: find() runs once per Dockerfile instruction. */
  #sorted: RegisteredForm[] | undefined;

  /**
   * `register` hands one text to the runner (core.setSecret); `registerMany`, when given,
   * hands a value's forms over at once (src/mask/emit.ts: one write for all of them).
   */
  constructor(register: (text: string) => void, registerMany?: (texts: readonly string[]) => void) {
    this.#register = registerMany ?? ((texts) => texts.forEach((t) => register(t)));
  }

  /**
   * Registers a secret value and all its forms. Says whether the value is shorter than
   * MIN_SECRET_LENGTH and how many of its lines or JSON leaves were too short to mask
   * on their own, for a warning.
   */
  addSecret(name: string, value: string): { short: boolean; shortParts: number } {
    const large = value.length > LARGE_VALUE_CHARS;
    this.#addAll(name, large ? formsOf(value) : [...formsOf(value), ...toolForms(value)], large);
    return { short: value.trim().length < MIN_SECRET_LENGTH, shortParts: shortParts(value).length };
  }

  /** A credential the action handles itself (token, secret id, lease id): value and encodings. */
  addHandle(name: string, value: string): void {
    if (value.trim() === '') return;
    this.#addAll(name, [{ kind: 'value', text: value }, ...encodingsOf(value)]);
  }

  /** base64("user:password"), as docker and HTTP basic auth write it. */
  addBasicAuth(name: string, user: string, password: string): void {
    this.#addAll(name, basicAuthForms(user, password));
  }

  /**
   * Hands every form registered so far, and the new forms of each later value in one
   * batch, to `persist`: the post step's leak guard needs them, and post is another
   * process. A large value's forms are handed over bounded (recordedForms): they would
   * otherwise fill memory-backed storage with several copies of the value.
   */
  persistTo(persist: (forms: readonly RegisteredForm[]) => void): void {
    this.#persist = persist;
    if (this.#forms.size > 0) persist([...this.#forms.values()]);
  }

  /** Every form registered so far, longest first (so redaction prefers whole matches). */
  forms(): RegisteredForm[] {
    this.#sorted ??= [...this.#forms.values()].sort((a, b) => b.text.length - a.text.length);
    return this.#sorted;
  }

  /**
   * The first registered form found in `text`, longest first. Forms shorter than
   * MIN_SECRET_LENGTH are not looked for: they match ordinary text by chance.
   */
  find(text: string): RegisteredForm | undefined {
    return this.forms().find((f) => f.text.length >= MIN_SECRET_LENGTH && text.includes(f.text));
  }

  /** Replaces every registered form in `text` with `***`. */
  redact(text: string): string {
    let out = text;
    for (const form of this.forms()) if (out.includes(form.text)) out = out.split(form.text).join('***');
    return out;
  }

  /** `large`: the forms of a large value, handed to `persist` bounded (recordedForms). */
  #addAll(name: string, given: readonly MaskForm[], large = false): void {
    // A value inside untrusted text is printed made inert (src/output.ts): that spelling
    // must be masked too when it differs in more than CR/LF (the runner masks each line
    // of a value, which covers a line break printed as `\n`).
    const forms = given.flatMap((f) => (NEEDS_INERT_FORM.test(f.text) ? [f, { ...f, text: inert(f.text) }] : [f]));
    const added: RegisteredForm[] = [];
    for (const form of forms) {
      if (this.#forms.has(form.text)) continue;
      const registered = { ...form, name };
      this.#forms.set(form.text, registered);
      this.#sorted = undefined;
      added.push(registered);
    }
    if (added.length === 0) return;
    const texts = added.map((f) => f.text);
    this.#register(underAct() ? actSafeMasks(texts) : texts);
    this.#persist?.(large ? recordedForms(added) : added);
  }
}
