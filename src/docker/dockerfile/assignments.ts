import { lex } from './shell.js';

export interface Assignment {
  readonly key: string;
  /** Quotes and escapes resolved, `$VARS` as written; undefined for `ARG NAME`. */
  readonly value: string | undefined;
}

/** `ARG NAME`, `ARG NAME=default`, `ARG A=1 B="x y"`: one word per name, split at its first `=`. */
export function argAssignments(args: string, escape: string): Assignment[] {
  return rawWords(args, escape).map((word) => assignment(word, escape));
}

const LEGACY_SEPARATOR = /[\t\v\f\r ]+/;

/**
 * `ENV K=V K2="v 2"`, or the legacy `ENV K the rest is the value` when the first
 * word has no `=` (BuildKit's parseNameVal). Words without `=` in the first form
 * are a BuildKit error and are skipped here.
 */
export function envAssignments(args: string, escape: string): Assignment[] {
  const words = rawWords(args, escape);
  if (words[0]?.includes('=') === false) {
    const gap = LEGACY_SEPARATOR.exec(args);
    if (!gap) return [{ key: unquote(args, escape), value: undefined }];
    return [
      { key: unquote(args.slice(0, gap.index), escape), value: unquote(args.slice(gap.index + gap[0].length), escape) },
    ];
  }
  return words.filter((word) => word.includes('=')).map((word) => assignment(word, escape));
}

/** Words split at unquoted spaces, quotes kept: `A="x y"` is one word. */
function rawWords(args: string, escape: string): string[] {
  return lex(args, escape, true)?.words ?? [];
}

function assignment(word: string, escape: string): Assignment {
  const eq = word.indexOf('=');
  if (eq < 0) return { key: unquote(word, escape), value: undefined };
  return { key: unquote(word.slice(0, eq), escape), value: unquote(word.slice(eq + 1), escape) };
}

// BuildKit expands keys and values with its shell lexer at build time.
function unquote(text: string, escape: string): string {
  return lex(text, escape, false)?.text ?? text;
}
