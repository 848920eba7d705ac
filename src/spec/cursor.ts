import { SpecError } from './types.js';

// Any whitespace separates words, except the control characters among it
// (\v, \f, \r), which are rejected like every other control character.
const SPACE = /^[^\S\n\v\f\r]$/;
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL = /^[\u0000-\u001f\u007f-\u009f]$/;

/** A position on one line of the spec; entries never span lines. */
export class Cursor {
  readonly text: string;
  readonly line: number;
  pos = 0;

  constructor(text: string, line: number) {
    this.text = text;
    this.line = line;
  }

  get char(): string | undefined {
    return this.text[this.pos];
  }

  get column(): number {
    return this.pos + 1;
  }

  /** The character at `pos` if it belongs to a word: not a space, `;`, `|` or the end. */
  wordChar(pos = this.pos): string | undefined {
    const c = this.text[pos];
    return c === undefined || SPACE.test(c) || c === ';' || c === '|' ? undefined : c;
  }

  fail(message: string, column = this.column): never {
    throw new SpecError(this.line, message, column);
  }

  /** Moves past spaces and returns the character it stopped at. */
  skipSpaces(): string | undefined {
    while (this.char !== undefined && SPACE.test(this.char)) this.pos++;
    return this.char;
  }

  /** Every character that ends up in a request passes through here. */
  accept(c: string): string {
    if (CONTROL.test(c)) {
      const code = c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      this.fail(`control character U+${code} at column ${this.column}; remove it`);
    }
    this.pos++;
    return c;
  }

  /** PATH and NAME never need quoting, so they end at the first space, `;` or `|`. */
  readPlain(): string {
    const start = this.pos;
    for (let c = this.wordChar(); c !== undefined; c = this.wordChar()) this.accept(c);
    return this.text.slice(start, this.pos);
  }
}
