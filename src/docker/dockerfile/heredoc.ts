import { splitCommand, splitFlags } from './command.js';
import { lex } from './shell.js';

export interface Heredoc {
  /** The line that ends the body. */
  readonly name: string;
  /** `<<-`: leading tabs are stripped from the body and from the closing line. */
  readonly chomp: boolean;
}

const TAKES_HEREDOCS = new Set(['ADD', 'COPY', 'RUN']);
const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;
// What Go's json.Decoder accepts as the first value: an array of strings (trailing text ignored).
const JSON_STRING = String.raw`"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"`;
const JSON_FORM = new RegExp(
  String.raw`^\[[ \t\n\r]*(?:${JSON_STRING}[ \t\n\r]*(?:,[ \t\n\r]*${JSON_STRING}[ \t\n\r]*)*)?\]`,
);

/**
 * The heredocs an instruction opens, in order, as BuildKit finds them: only ADD,
 * COPY and RUN (also under ONBUILD) in shell form, and only words that are a whole
 * `<<NAME`, `<<-NAME`, `<<"NAME"` or `<<'NAME'` (with an optional fd: `3<<EOF`).
 * `line` is the whole instruction, keyword included, continuation lines joined.
 */
export function heredocsOf(keyword: string, args: string, line: string): Heredoc[] {
  const inner = keyword === 'ONBUILD' ? splitCommand(args) : { keyword, args };
  if (!TAKES_HEREDOCS.has(inner.keyword) || !line.includes('<<')) return [];
  if (JSON_FORM.test(splitFlags(inner.args).rest)) return [];
  // BuildKit lexes heredoc words with `\` as the escape, whatever `# escape=` says.
  return (lex(line, '\\', true)?.words ?? []).flatMap((word) => {
    const match = HEREDOC_WORD.exec(word);
    const names = match?.[3] ? lex(match[3], '\\', false)?.words : undefined;
    const name = names?.length === 1 ? names[0] : undefined;
    return name === undefined ? [] : [{ name, chomp: match?.[2] === '-' }];
  });
}
