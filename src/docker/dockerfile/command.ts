import { isSpace, trimSpace } from './space.js';

const TOKEN_SPACE = /[\t\v\f\r ]+/;

/** BuildKit's splitCommand: the keyword (upper-cased here) and the trimmed rest, flags included. */
export function splitCommand(line: string): { keyword: string; args: string } {
  const trimmed = trimSpace(line);
  const match = TOKEN_SPACE.exec(trimmed);
  if (!match) return { keyword: trimmed.toUpperCase(), args: '' };
  return {
    keyword: trimmed.slice(0, match.index).toUpperCase(),
    args: trimSpace(trimmed.slice(match.index + match[0].length)),
  };
}

/**
 * BuildKit's extractBuilderFlags: the `--name=value` words at the start of an
 * instruction's arguments, unquoted, and the rest. A flag without `=` takes the
 * next word as its value (`--mount type=secret,id=a`), but, as in BuildKit, only
 * until some flag has been written with `=`. The escape character here is always
 * `\`, whatever `# escape=` says. A word `--` ends the flags.
 */
export function splitFlags(line: string): { flags: string[]; rest: string } {
  const flags: string[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let word = '';
  let quote = '';
  let blankOk = false;
  let parsingFlagArg = false;
  let needFlagArg = true;
  for (let pos = 0; pos <= line.length; pos++) {
    let ch = line[pos] ?? '';
    if (phase === 'spaces') {
      if (pos === line.length) break;
      if (isSpace(ch)) continue;
      if (!parsingFlagArg && !line.startsWith('--', pos)) return { flags, rest: line.slice(pos) };
      phase = 'word';
    }
    if (pos === line.length) {
      if (word !== '--' && (blankOk || word !== '')) flags.push(word);
      break;
    }
    if (phase === 'word') {
      if (isSpace(ch)) {
        phase = 'spaces';
        if (parsingFlagArg) {
          flags.push(`${flags.pop() ?? ''}=${word}`);
          parsingFlagArg = false;
          needFlagArg = true;
        } else {
          if (word === '--') return { flags, rest: line.slice(pos) };
          if (blankOk || word !== '') {
            parsingFlagArg = needFlagArg;
            flags.push(word);
          }
        }
        word = '';
        blankOk = false;
        continue;
      }
      if (ch === '=') needFlagArg = false;
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOk = true;
        phase = 'quote';
        continue;
      }
      if (ch === '\\') {
        if (pos + 1 === line.length) continue;
        ch = line[++pos] ?? '';
      }
      word += ch;
      continue;
    }
    if (ch === quote) {
      phase = 'word';
      continue;
    }
    if (ch === '\\') {
      if (pos + 1 === line.length) {
        phase = 'word';
        continue;
      }
      ch = line[++pos] ?? '';
    }
    word += ch;
  }
  return { flags, rest: '' };
}

/** The values of every `--name=value` flag, as BuildKit's BFlags reads them (up to a bare `--`). */
export function flagValues(flags: readonly string[], name: string): string[] {
  const values: string[] = [];
  for (const flag of flags) {
    if (flag === '--') break;
    const eq = flag.indexOf('=');
    if (eq >= 0 && flag.slice(2, eq) === name) values.push(flag.slice(eq + 1));
  }
  return values;
}
