// The forms a secret can take on its way to a log or a file. Pure: text in, forms out.
//
// The runner masks a registered value, its lines and a few encodings, but its base64
// forms keep their `=` padding (so they miss a value in the middle of a longer base64
// run), it knows nothing of JSON leaves, hex or base64url, and act masks the raw string
// only. So every form a value can take is registered here explicitly.

/** What a form is, for reports ("API_KEY as base64"). */
export type FormKind =
  | 'value'
  | 'line'
  | 'json-leaf'
  | 'base64'
  | 'base64url'
  | 'hex'
  | 'base64-base64'
  | 'url'
  | 'json-escape'
  | 'shell-escape'
  | 'basic-auth';

export interface MaskForm {
  readonly kind: FormKind;
  readonly text: string;
}

/**
 * Derived forms shorter than this are not registered: a 4-character base64 or hex
 * fragment matches unrelated text everywhere and would garble logs without protecting
 * anything. The value itself, its lines and its JSON leaves are always registered.
 */
export const MIN_DERIVED_LENGTH = 8;

/**
 * A value shorter than this is masked with a warning (masking it garbles logs, and it is
 * easy to guess); lines and JSON leaves shorter than this are not masked on their own.
 */
export const MIN_SECRET_LENGTH = 6;

/**
 * The plain parts of a value: itself, each trimmed line, each JSON leaf (and its lines).
 * Lines and leaves shorter than MIN_SECRET_LENGTH are left out (see `shortParts`): a
 * JSON config's `"port": 5432` or `"name": "app"` would blank those words in every log,
 * while the whole value stays masked.
 */
export function plainParts(value: string): MaskForm[] {
  return dedupe([
    { kind: 'value', text: value },
    ...innerParts(value).filter((p) => p.text.length >= MIN_SECRET_LENGTH),
  ]);
}

/** The lines and leaves of a value too short to be masked on their own. */
export function shortParts(value: string): MaskForm[] {
  return dedupe(innerParts(value).filter((p) => p.text.length < MIN_SECRET_LENGTH && p.text !== value));
}

function innerParts(value: string): MaskForm[] {
  const parts: MaskForm[] = [];
  const addLines = (text: string): void => {
    for (const line of text.split(/\r\n|\r|\n/)) {
      const trimmed = line.trim();
      if (trimmed !== text) parts.push({ kind: 'line', text: trimmed });
    }
  };
  addLines(value);
  for (const leaf of jsonLeaves(value)) {
    parts.push({ kind: 'json-leaf', text: leaf });
    addLines(leaf);
  }
  return parts;
}

/**
 * Past this many characters a value is a file (a keystore, a bundle, a dump), not a
 * password: it is masked by its plain parts only (itself, its lines, its JSON leaves),
 * which is what the runner needs to hide it and each of its lines. Every encoding of
 * every part would print about ten times the value as ::add-mask:: lines (a 5 MB value
 * printed 53 MB and took the step half a minute), and a copy that long in an encoding
 * is far less likely than a line of it.
 */
export const LARGE_VALUE_CHARS = 64 * 1024;

/** Every form of a value: its plain parts and each part's encodings (plain parts only for a large value). */
export function formsOf(value: string): MaskForm[] {
  if (value.length > LARGE_VALUE_CHARS) return plainParts(value);
  const forms: MaskForm[] = [];
  for (const part of plainParts(value)) {
    forms.push(part);
    forms.push(...encodingsOf(part.text));
  }
  return dedupe(forms);
}

/** How much of a large value's forms the leak guard keeps: each form's head, up to a budget for the value. */
export const RECORDED_FORM_CHARS = 4096;
export const RECORDED_CHARS_PER_VALUE = 512 * 1024;

/**
 * The forms of one large value as the leak guard records them, bounded: a form longer
 * than RECORDED_FORM_CHARS is kept as its head (any copy of the form contains it, and
 * that many characters of a secret do not occur by chance), and once
 * RECORDED_CHARS_PER_VALUE are kept the rest are left out (a whole copy is still found
 * by its first forms; a copy of only a later line is not).
 */
export function recordedForms<F extends MaskForm>(forms: readonly F[]): F[] {
  const out: F[] = [];
  let budget = RECORDED_CHARS_PER_VALUE;
  for (const form of forms) {
    if (budget <= 0) break;
    const text = form.text.length > RECORDED_FORM_CHARS ? head(form.text, RECORDED_FORM_CHARS) : form.text;
    budget -= text.length;
    out.push(text === form.text ? form : { ...form, text });
  }
  return out;
}

/** The first `n` characters, never ending in half of a surrogate pair. */
function head(text: string, n: number): string {
  const last = text.charCodeAt(n - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? n - 1 : n);
}

/**
 * The Authorization header value and docker's `auths.<host>.auth`: base64("user:password").
 * The password's own base64 alignments already cover its middle; this covers the whole.
 */
export function basicAuthForms(user: string, password: string): MaskForm[] {
  const bytes = Buffer.from(`${user}:${password}`, 'utf8');
  const padded = bytes.toString('base64');
  return dedupe([
    { kind: 'basic-auth', text: padded },
    ...base64Alignments(bytes, 'base64').map((text) => ({ kind: 'basic-auth' as const, text })),
  ]).filter((f) => f.text.length >= MIN_DERIVED_LENGTH);
}

/** Encodings of one plain part, each at least MIN_DERIVED_LENGTH long and unlike the part. */
export function encodingsOf(text: string): MaskForm[] {
  if (text.trim() === '') return [];
  const bytes = Buffer.from(text, 'utf8');
  const out: MaskForm[] = [];
  for (const b of base64Alignments(bytes, 'base64')) out.push({ kind: 'base64', text: b });
  for (const b of base64Alignments(bytes, 'base64url')) out.push({ kind: 'base64url', text: b });
  const hex = bytes.toString('hex');
  out.push({ kind: 'hex', text: hex }, { kind: 'hex', text: hex.toUpperCase() });
  out.push(...layeredForms(bytes));
  const uri = encodeURIComponent(text);
  out.push(
    { kind: 'url', text: uri },
    { kind: 'url', text: uri.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) },
    { kind: 'url', text: uri.replace(/%20/g, '+') },
  );
  const json = JSON.stringify(text).slice(1, -1);
  out.push(
    { kind: 'json-escape', text: json },
    {
      kind: 'json-escape',
      text: json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    },
  );
  if (text.includes("'")) out.push({ kind: 'shell-escape', text: text.replace(/'/g, `'\\''`) });
  return dedupe(out).filter((f) => f.text !== text && f.text.length >= MIN_DERIVED_LENGTH);
}

/**
 * Two encodings on top of each other, inside a larger blob (`base64 -w0 | base64 -w0` of
 * the runner's memory is how the tj-actions/changed-files and reviewdog/action-setup
 * payloads printed secrets past masking). Each inner alignment is text that sits at any
 * offset of the inner encoding, so the outer encoding takes all three of its own
 * alignments: 9 forms, each about 16/9 of the value's length. Measured and left out:
 * base64 of hex and hex of base64 (6 more forms a value, no known leak used them) cost
 * the leak guard more than the rest together (its bench: 3,605 forms for 50 secrets
 * instead of 2,900, past the hit cap, and about twice the time on one large file).
 * Not covered either: compression (gzip+base64 changes with every byte around the
 * value: nothing to match).
 */
function layeredForms(bytes: Uint8Array): MaskForm[] {
  const out: MaskForm[] = [];
  for (const inner of base64Alignments(bytes, 'base64'))
    for (const outer of base64Alignments(Buffer.from(inner, 'latin1'), 'base64'))
      out.push({ kind: 'base64-base64', text: outer });
  return out;
}

/**
 * The base64 text that `bytes` turn into wherever they sit in a longer stream: at each
 * of the three byte alignments, only the characters fully determined by these bytes
 * (no padding, no characters that mix in a neighbour's bits). Each result is therefore
 * a substring of the encoding of any buffer that contains `bytes` at that alignment.
 */
export function base64Alignments(bytes: Uint8Array, alphabet: 'base64' | 'base64url'): string[] {
  const out: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const bitStart = offset * 8;
    const bitEnd = bitStart + bytes.length * 8;
    const first = Math.ceil(bitStart / 6);
    const last = Math.floor(bitEnd / 6); // exclusive
    if (last <= first) continue;
    const framed = Buffer.concat([Buffer.alloc(offset), bytes, Buffer.alloc(2)]);
    out.push(framed.toString(alphabet).slice(first, last));
  }
  return [...new Set(out)];
}

/** String and number leaves of a JSON object or array; nothing for other text. */
export function jsonLeaves(value: string): string[] {
  const trimmed = value.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(trimmed);
  } catch {
    return [];
  }
  const leaves: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      if (node.trim() !== '') leaves.push(node);
    } else if (typeof node === 'number') {
      leaves.push(String(node));
    } else if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node !== null && typeof node === 'object') {
      Object.values(node).forEach(walk);
    }
  };
  walk(doc);
  return leaves;
}

function dedupe(forms: MaskForm[]): MaskForm[] {
  const seen = new Set<string>();
  return forms.filter((f) => {
    if (f.text.trim() === '' || seen.has(f.text)) return false;
    seen.add(f.text);
    return true;
  });
}
