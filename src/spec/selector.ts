import type { Cursor } from './cursor.js';
import type { Selector } from './types.js';

export type ExplicitSelector = Exclude<Selector, { kind: 'whole' } | { kind: 'compat' }>;

/** Reads a SELECTOR word at the cursor, which must be at a word character. */
export function readSelector(cur: Cursor): ExplicitSelector {
  if (cur.char === '*' && cur.wordChar(cur.pos + 1) === undefined) {
    cur.pos++;
    return { kind: 'all' };
  }
  if (cur.char === '#') {
    // `kv/app #note` would otherwise silently read a key named `#note`.
    cur.fail(
      "a selector cannot start with '#', which looks like a comment; comments start their line or follow `;`, " +
        'and a key starting with # must be quoted, e.g. "#key"',
    );
  }
  const segments: string[] = [];
  for (;;) {
    segments.push(cur.char === '"' ? readQuoted(cur) : readBare(cur));
    if (cur.char !== '.') return { kind: 'key', segments };
    cur.pos++;
  }
}

function readBare(cur: Cursor): string {
  const start = cur.pos;
  for (let c = cur.wordChar(); c !== undefined && c !== '.'; c = cur.wordChar()) {
    if (c === '"') {
      cur.fail(
        'a quote must wrap a whole selector segment; write e.g. config."a.b".c, with \\" for a quote inside the key',
      );
    }
    if (c === '*') {
      // Refused rather than taken literally: `db_*` looks like a glob, which is not supported.
      cur.fail(`'*' (every key) must be the whole selector; to select a key containing '*', quote it, e.g. "a*b"`);
    }
    cur.accept(c);
  }
  if (cur.pos === start) {
    cur.fail(`empty selector segment; remove the extra '.', or quote a key that contains dots, e.g. "tls.crt"`);
  }
  return cur.text.slice(start, cur.pos);
}

function readQuoted(cur: Cursor): string {
  const open = cur.column;
  const unterminated: () => never = () =>
    cur.fail('unterminated quote in the selector; end the key with " (write \\" for a quote inside it)', open);
  cur.pos++;
  let key = '';
  for (let c = cur.char; c !== '"'; c = cur.char) {
    if (c === undefined) unterminated();
    if (c === '\\') {
      const escaped = cur.text[cur.pos + 1];
      if (escaped === undefined) unterminated();
      if (escaped !== '"' && escaped !== '\\') {
        cur.fail('in a quoted key a backslash must be followed by " or \\; write \\\\ for a backslash itself');
      }
      cur.pos += 2;
      key += escaped;
    } else {
      key += cur.accept(c);
    }
  }
  cur.pos++;
  if (cur.wordChar() !== undefined && cur.char !== '.') {
    cur.fail(`text right after a closing quote; put the whole key inside the quotes, or separate segments with '.'`);
  }
  if (key === '') cur.fail('empty quoted key ""; write the key between the quotes', open);
  return key;
}
