// hashicorp/vault-action's `secrets` grammar (its src/action.js parseSecretsInput), used in
// compatibility mode: `PATH SELECTOR [| NAME]` entries separated by `;` (and, as a
// superset, new lines; a selector never holds whitespace, so no valid entry spans
// lines). SELECTOR is `*`, `**` or a JSONata expression; quotes are removed from it
// before use, as vault-action does. Loaded only in compatibility mode (it pulls jsonata).
import jsonata from 'jsonata';
import { Cursor } from '../spec/cursor.js';
import { parsePath } from '../spec/path.js';
import { assertUniqueNames, SpecError, type SecretRequest } from '../spec/index.js';
import { normalizeKey, WILDCARDS } from './names.js';

/** Names given with `|` become file names too: letters, digits, `_` and `-` only. */
const GIVEN_NAME = /^[\p{L}\p{N}_-]+$/u;

export function parseCompatSpec(text: string): SecretRequest[] {
  const requests: SecretRequest[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = index + 1;
    for (const part of raw.split(';')) {
      const entry = part.trim();
      if (entry === '' || entry.startsWith('#')) continue;
      requests.push(parseEntry(entry, line));
    }
  }
  assertUniqueNames(
    requests
      .filter((r) => r.selector.kind !== 'compat' || !WILDCARDS.has(r.selector.selector))
      .map((r) => ({ name: r.name ?? '', line: r.line, what: r.text })),
  );
  return requests;
}

function parseEntry(entry: string, line: number): SecretRequest {
  const fail = (message: string): never => {
    throw new SpecError(line, `${message} Entry: \`${entry}\`.`);
  };
  const pipe = entry.lastIndexOf('|');
  const given = pipe < 0 ? undefined : entry.slice(pipe + 1).trim();
  if (given === '') fail('`|` has nothing after it; write a name after it or remove it.');
  if (given !== undefined && !GIVEN_NAME.test(given))
    fail(`invalid name \`${given}\`; use letters, digits, _ and - (it also names a file).`);
  const words = (pipe < 0 ? entry : entry.slice(0, pipe)).split(/\s+/).filter((w) => w !== '');
  const [rawPath, quoted] = words;
  if (words.length !== 2 || rawPath === undefined || quoted === undefined)
    return fail('write a path and a key (or selector): PATH KEY [| NAME].');

  const cur = new Cursor(rawPath, line);
  for (const c of rawPath) cur.accept(c); // refuses control characters, as our own grammar does
  const { path, folder, version } = parsePath(cur, rawPath, 1);
  if (folder) fail('a path ending in `/` is a folder, which vault-action cannot read; remove the trailing `/`.');

  const selector = quoted.replace(/"/g, '');
  if (!WILDCARDS.has(selector)) {
    let ast: jsonata.ExprNode;
    try {
      ast = jsonata(quoted).ast();
    } catch (err) {
      const why = (err as { message?: unknown }).message;
      return fail(`selector \`${quoted}\` is not valid JSONata (${typeof why === 'string' ? why : 'syntax error'}).`);
    }
    // jsonata's types omit 'path', which its parser gives a plain key like `password` or `a.b`.
    const plain = ((ast.type as string) === 'path' && ast.steps?.[0]?.stages === undefined) || ast.type === 'string';
    if (!plain && given === undefined) fail('a JSONata selector needs a name: add `| NAME`.');
  }
  const wildcard = WILDCARDS.has(selector);
  const outputName = given ?? (wildcard ? '' : normalizeKey(selector, false));
  const name = given ?? (wildcard ? '' : normalizeKey(selector, true));
  if (!wildcard && name === '') fail('no name can be made from this selector (no letter or digit); add `| NAME`.');
  return {
    line,
    text: entry,
    path,
    folder: false,
    version,
    selector: { kind: 'compat', selector },
    name,
    outputName,
  };
}
