// Forms that common tools print by default and that no whole-value mask matches,
// because they wrap lines or quote: `base64` (coreutils, 76 columns), `openssl base64`
// (64), `xxd -p` (60 hex digits) and bash's `printf %q`. Pure.
//
// Covered cheaply: each full line of the wrapped forms (the runner masks line by line,
// so a line is the unit that can match), the last line with and without the newline
// `echo "$V" | base64` adds, and printf %q of the whole value. Not covered: wraps at
// other widths or offsets (a value in the middle of a larger encoded file), `base64 -w0`
// of value plus other text beyond the existing alignments, %q in a non-UTF-8 locale,
// and values over TOOL_FORMS_MAX_BYTES (their count of lines would grow with the size).
import { MIN_DERIVED_LENGTH, type MaskForm } from './forms.js';

/**
 * Above this (a PEM key is 1.7-3.3 KB), wrapped forms are not derived: each line is one
 * more mask the runner checks every log line against.
 */
export const TOOL_FORMS_MAX_BYTES = 4 * 1024;

const WRAPS: readonly { readonly kind: 'base64' | 'hex'; readonly width: number }[] = [
  { kind: 'base64', width: 76 }, // coreutils base64
  { kind: 'base64', width: 64 }, // openssl base64, PEM bodies
  { kind: 'hex', width: 60 }, // xxd -p
];

export function toolForms(value: string): MaskForm[] {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length === 0 || bytes.length > TOOL_FORMS_MAX_BYTES) return [];
  const out = new Map<string, MaskForm>();
  const add = (kind: MaskForm['kind'], text: string): void => {
    if (text.length >= MIN_DERIVED_LENGTH && text !== value) out.set(text, { kind, text });
  };
  for (const withNewline of [false, true]) {
    const encoded = withNewline ? Buffer.concat([bytes, Buffer.from('\n')]) : bytes;
    for (const { kind, width } of WRAPS) {
      const text = encoded.toString(kind === 'base64' ? 'base64' : 'hex');
      // one line only: the existing whole-value encodings already match it
      if (text.length <= width) continue;
      for (let i = 0; i < text.length; i += width) add(kind, text.slice(i, i + width));
    }
  }
  add('shell-escape', printfQ(value));
  return [...out.values()];
}

/** bash's `printf %q` in a UTF-8 locale. */
export function printfQ(value: string): string {
  if (value === '') return "''";
  // eslint-disable-next-line no-control-regex -- control characters switch bash to $'...'
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    const inner = Array.from(value)
      .map((c) => {
        const named: Record<string, string> = {
          '\n': '\\n',
          '\t': '\\t',
          '\r': '\\r',
          '\u0007': '\\a',
          '\b': '\\b',
          '\u001b': '\\E',
          '\f': '\\f',
          '\v': '\\v',
          '\\': '\\\\',
          "'": "\\'",
        };
        const code = c.codePointAt(0) ?? 0;
        return named[c] ?? (code < 0x20 || code === 0x7f ? `\\${code.toString(8).padStart(3, '0')}` : c);
      })
      .join('');
    return `$'${inner}'`;
  }
  return value.replace(/[ \t'"\\|&;()<>!{}*[\]?^$`,]/g, '\\$&').replace(/^[~#]/, '\\$&');
}
