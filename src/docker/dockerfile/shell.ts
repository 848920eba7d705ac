import { isSpace } from './space.js';

export interface Lexed {
  /** The whole input with quotes and escapes resolved (shell.Lex.ProcessWord). */
  readonly text: string;
  /** The input split at unquoted spaces (shell.Lex.ProcessWords). */
  readonly words: string[];
}

/**
 * BuildKit's shell lexer without variable expansion (`$X` stays as written). With
 * `raw`, quotes and escapes are kept in the words, as when BuildKit looks for
 * heredoc words. Inside double quotes the escape character escapes only `"`, `$`
 * and itself. Undefined for an unterminated quote, which BuildKit rejects.
 */
export function lex(input: string, escape: string, raw: boolean): Lexed | undefined {
  let text = '';
  const words: string[] = [];
  let word = '';
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] ?? '';
    if (ch === "'" || ch === '"') {
      const quoted = ch === "'" ? singleQuoted(input, i) : doubleQuoted(input, i, escape);
      if (quoted === undefined) return undefined;
      text += quoted.value;
      word += raw ? input.slice(i, quoted.end + 1) : quoted.value;
      i = quoted.end;
    } else if (ch === escape) {
      const next = input[++i];
      if (next === undefined) break;
      text += next;
      word += raw ? ch + next : next;
    } else if (isSpace(ch)) {
      text += ch;
      if (word !== '') words.push(word);
      word = '';
    } else {
      text += ch;
      word += ch;
    }
  }
  if (word !== '') words.push(word);
  return { text, words };
}

function singleQuoted(input: string, start: number): { value: string; end: number } | undefined {
  const end = input.indexOf("'", start + 1);
  return end < 0 ? undefined : { value: input.slice(start + 1, end), end };
}

function doubleQuoted(input: string, start: number, escape: string): { value: string; end: number } | undefined {
  let value = '';
  for (let i = start + 1; i < input.length; i++) {
    const ch = input[i] ?? '';
    if (ch === '"') return { value, end: i };
    const next = input[i + 1];
    if (ch === escape && (next === '"' || next === '$' || next === escape)) {
      value += next;
      i++;
    } else {
      value += ch;
    }
  }
  return undefined;
}
