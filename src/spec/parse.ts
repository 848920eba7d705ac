/*
 * Grammar of the `secrets` input
 * ==============================
 *
 * Entries are separated by new lines or `;`, so a block written for
 * hashicorp/vault-action (`secret/data/ci/aws accessKey | AWS_KEY ;`) works
 * unchanged. Lines may end in CRLF; an entry never spans lines. Blank entries
 * are ignored, and so is the rest of a line after a `#` that starts an entry
 * (a comment line, or a comment after `;`). One entry:
 *
 *     PATH [SELECTOR] [| NAME]
 *
 * Words are separated by spaces, tabs or other Unicode spaces; `|` needs no
 * spaces around it.
 *
 * PATH      A Vault path without whitespace, `;` or `|`; a leading `/` is
 *           dropped. It may end with `?version=N` (N a positive whole number,
 *           a KV v2 version); any other `?...` is an error. Empty segments
 *           (`a//b`) and `.` or `..` segments are errors.
 *           A PATH ending in `/` is a folder: every secret listed directly
 *           under it (one level; no version). Its SELECTOR must be `*` or
 *           omitted, which means `*`; `**` reads every sub-folder too, and
 *           `?depth=N` (1 to 99) after the `/` reads N levels. Names are then
 *           built from the path below the folder: `sub/app` key `password` →
 *           `SUB_APP_PASSWORD`.
 *
 * SELECTOR  omitted   the whole secret as one JSON document; `| NAME` is then
 *                     required.
 *           `*`       every key of the secret (or of each secret in a folder);
 *                     `| NAME` is then a prefix, put as written in front of
 *                     each name derived from a key, so end it with `_` to
 *                     separate (`| AWS_`). Without it the prefix is empty.
 *           a key     `password`, or a dotted path into nested JSON:
 *                     `config.db.host`, `servers.0.name` (a number indexes an
 *                     array). A segment in double quotes may hold any
 *                     printable text, including `.`, spaces, `|`, `;`, `#`,
 *                     `*`: `"tls.crt"`, `config."a.b".c`. Inside quotes write
 *                     `\"` for `"` and `\\` for `\`; there are no other escapes.
 *                     Unquoted, a segment cannot contain `"` or `*`, and the
 *                     selector cannot start with `#`.
 *
 * NAME      `[A-Za-z_][A-Za-z0-9_]*`. For a key it defaults to the selector's
 *           segments joined with `_`, uppercased, with every character outside
 *           `A-Z 0-9 _` replaced by `_`, and `_` put in front of a leading
 *           digit: `accessKey` → `ACCESSKEY` (as vault-action does),
 *           `config.db.host` → `CONFIG_DB_HOST`, `"tls.crt"` → `TLS_CRT`.
 *           A selector without any letter or digit A-Z 0-9 needs `| NAME`.
 *           Names must be unique ignoring case (they may become file names on
 *           case-insensitive file systems); names derived from `*` entries are
 *           checked once their keys are known.
 *
 * The same PATH may appear on many lines; it is read once. Control characters
 * are errors anywhere outside comments. A spec may hold at most 10,000 entries
 * and 1 MiB.
 */
import { Cursor } from './cursor.js';
import { parseEntry, type ParsedRequest } from './entry.js';
import { assertUniqueNames } from './names.js';
import { SpecError, type SecretRequest } from './types.js';

const MAX_BYTES = 1024 * 1024;
const MAX_ENTRIES = 10_000;

/** Throws only SpecError. */
export function parseSpec(text: string): SecretRequest[] {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_BYTES) {
    throw new SpecError(1, `the spec is ${bytes} bytes, over the 1 MiB limit; split the secrets across several steps`);
  }
  const requests: ParsedRequest[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const cur = new Cursor(raw.endsWith('\r') ? raw.slice(0, -1) : raw, index + 1);
    for (let c = cur.skipSpaces(); c !== undefined && c !== '#'; c = cur.skipSpaces()) {
      if (c === ';') {
        cur.pos++;
      } else if (requests.length === MAX_ENTRIES) {
        cur.fail(`more than ${MAX_ENTRIES} entries; split the secrets across several steps`);
      } else {
        requests.push(parseEntry(cur));
      }
    }
  }
  assertUniqueNames(
    requests
      .filter((request) => request.selector.kind !== 'all')
      .map((request) => ({ name: request.name, line: request.line, what: request.text })),
  );
  return requests;
}
