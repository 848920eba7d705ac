// What act (nektos/act, v0.2.87 `pkg/runner/command.go`) can register. It reads
// `::add-mask::DATA` with the pattern `^::([^ ]+)( (.+))?::(.*)`, so a DATA holding `::`
// is swallowed into the command's name: act then prints the whole line, value and all, as
// an unknown command, and masks nothing. It also undoes `%25`, `%0D` and `%0A` in a
// Go map's random order, so a DATA holding a literal `%0A` or `%0D` may register other
// text. Under act, such a text goes to it as its pieces around those sequences instead
// (each of at least MIN_SECRET_LENGTH characters, leading colons dropped), which act
// then masks exactly; the text itself stays in the registry for redaction and the leak guard.
import { MIN_SECRET_LENGTH } from './forms.js';

const UNSAFE = /:{2,}|%0[AD]/;

/** The texts to hand act for `texts`: safe ones as they are, unsafe ones by their pieces. */
export function actSafeMasks(texts: readonly string[]): string[] {
  return texts.flatMap((text) =>
    UNSAFE.test(text)
      ? text
          .split(new RegExp(UNSAFE.source, 'g'))
          .map((piece) => piece.replace(/^:+/, ''))
          .filter((piece) => piece.trim().length >= MIN_SECRET_LENGTH)
      : [text],
  );
}

/** Whether act gets `text` only as its pieces (a warning says so, naming the secret). */
export const actSplits = (text: string): boolean => UNSAFE.test(text);

/** act sets ACT=true in every step's environment. */
export const underAct = (): boolean => process.env['ACT'] === 'true';
