import type { Cursor } from './cursor.js';
import { deriveName, isValidName } from './names.js';
import { parsePath } from './path.js';
import { readSelector, type ExplicitSelector } from './selector.js';
import type { SecretRequest } from './types.js';

/** Every parsed request has a name; `undefined` in SecretRequest is for other producers. */
export type ParsedRequest = SecretRequest & { readonly name: string };

/**
 * Parses one entry starting at a word character or `|`, and leaves the
 * cursor at the `;` or end of line that ends it.
 */
export function parseEntry(cur: Cursor): ParsedRequest {
  const start = cur.pos;
  if (cur.char === '|') cur.fail('missing PATH before `|`; write PATH [SELECTOR] [| NAME]');
  const pathColumn = cur.column;
  const rawPath = cur.readPlain();
  const parsed = parsePath(cur, rawPath, pathColumn);
  const { path, folder, version } = parsed;
  cur.skipSpaces();

  const selectorColumn = cur.column;
  // `folder/ **`: every secret in the folder and all its sub-folders (vault-action #591).
  const recursive = folder && cur.text.startsWith('**', cur.pos) && cur.wordChar(cur.pos + 2) === undefined;
  if (recursive) {
    if (parsed.depth !== undefined) cur.fail(`\`${rawPath}\` has both ?depth and \`**\`; keep one`, selectorColumn);
    cur.pos += 2;
  }
  const selector = recursive || cur.wordChar() === undefined ? undefined : readSelector(cur);
  if (folder && selector?.kind === 'key') {
    cur.fail(
      `\`${rawPath}\` is a folder (it ends with '/'), which takes '*' or no selector, not a key; ` +
        `remove the trailing '/' to read one secret`,
      selectorColumn,
    );
  }
  rejectExtraWord(cur, 'the selector', 'quote a key that contains spaces (e.g. "my key"), or ');

  const name = readName(cur, folder || selector?.kind === 'all' ? 'prefix' : 'NAME');
  return {
    line: cur.line,
    text: cur.text.slice(start, cur.pos).trimEnd(),
    path,
    folder,
    // Omitted for the usual one level, so a plain folder request reads as before.
    ...(recursive
      ? { depth: Infinity }
      : parsed.depth !== undefined && parsed.depth > 1
        ? { depth: parsed.depth }
        : {}),
    version,
    ...resolve(cur, rawPath, folder, selector, name, selectorColumn),
  };
}

const MORE_THAN_ONE_PIPE = 'more than one `|`; write PATH [SELECTOR] [| NAME], quoting a key that contains `|`';

function readName(cur: Cursor, noun: 'NAME' | 'prefix'): string | undefined {
  if (cur.char !== '|') return undefined;
  const pipeColumn = cur.column;
  cur.pos++;
  if (cur.skipSpaces() === '|') cur.fail(MORE_THAN_ONE_PIPE);
  const nameColumn = cur.column;
  const name = cur.readPlain();
  if (name === '') cur.fail(`\`|\` has nothing after it; write a ${noun} after it or remove it`, pipeColumn);
  if (!isValidName(name)) {
    cur.fail(
      `invalid ${noun} \`${name}\`; use letters, digits and _, not starting with a digit, e.g. ${suggestName(name)}`,
      nameColumn,
    );
  }
  if (cur.skipSpaces() === '|') cur.fail(MORE_THAN_ONE_PIPE);
  rejectExtraWord(cur, `the ${noun}`, '');
  return name;
}

function rejectExtraWord(cur: Cursor, after: string, hint: string): void {
  cur.skipSpaces();
  const column = cur.column;
  const word = cur.readPlain();
  if (word === '') return;
  const fix = word.startsWith('#')
    ? 'a comment must start its line or follow `;`'
    : `${hint}end the entry with \`;\` or a new line`;
  cur.fail(`unexpected \`${word}\` after ${after}; ${fix}`, column);
}

function resolve(
  cur: Cursor,
  rawPath: string,
  folder: boolean,
  selector: ExplicitSelector | undefined,
  name: string | undefined,
  selectorColumn: number,
): Pick<ParsedRequest, 'selector' | 'name'> {
  if (folder || selector?.kind === 'all') return { selector: { kind: 'all' }, name: name ?? '' };
  if (selector === undefined) {
    if (name === undefined) {
      cur.fail(
        `\`${rawPath}\` has neither a selector nor a NAME; add a key (\`${rawPath} password\`), ` +
          `\`*\` for every key, or \`| NAME\` for the whole secret as one JSON document`,
        selectorColumn,
      );
    }
    return { selector: { kind: 'whole' }, name };
  }
  const derived = name ?? deriveName(selector.segments);
  if (derived === '') {
    cur.fail(
      'cannot make a NAME from this selector (it has no letter or digit A-Z, 0-9); add `| NAME`',
      selectorColumn,
    );
  }
  return { selector, name: derived };
}

function suggestName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/gu, '_');
  if (!/[A-Za-z0-9]/.test(cleaned)) return 'MY_SECRET';
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}
