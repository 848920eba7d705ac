import type { Cursor } from './cursor.js';

export interface ParsedPath {
  readonly path: string;
  readonly folder: boolean;
  readonly version: number | undefined;
  /** `?depth=N` on a folder. */
  readonly depth: number | undefined;
}

const EXAMPLE = 'e.g. secret/data/ci/aws';

/** `raw` was read at `column` of `cur`'s line; errors point there. */
export function parsePath(cur: Cursor, raw: string, column: number): ParsedPath {
  const query = raw.indexOf('?');
  const depthMatch = query < 0 ? null : /^depth=([1-9][0-9]?)$/.exec(raw.slice(query + 1));
  const depth = depthMatch ? Number(depthMatch[1]) : undefined;
  const version =
    query < 0 || depth !== undefined ? undefined : parseVersion(cur, raw.slice(query + 1), column + query);
  let path = query < 0 ? raw : raw.slice(0, query);
  if (path.startsWith('/')) path = path.slice(1);
  const folder = path.endsWith('/');
  if (folder) path = path.slice(0, -1);

  if (path === '') cur.fail(`PATH \`${raw}\` names no secret; write the path after the mount, ${EXAMPLE}`, column);
  for (const segment of path.split('/')) {
    if (segment === '') {
      cur.fail(`PATH \`${raw}\` has an empty segment ('//'); remove the extra '/'`, column);
    }
    if (segment === '.' || segment === '..') {
      cur.fail(`PATH \`${raw}\` has a '${segment}' segment; write the path without '.' or '..', ${EXAMPLE}`, column);
    }
  }
  if (folder && version !== undefined) {
    cur.fail(`PATH \`${raw}\` is a folder (ends with '/'), which has no version; remove ?version=${version}`, column);
  }
  if (depth !== undefined && !folder) {
    cur.fail(`PATH \`${raw}\` has ?depth=${depth}, which only a folder (ending with '/') takes`, column);
  }
  return { path, folder, version, depth };
}

function parseVersion(cur: Cursor, query: string, column: number): number {
  const match = /^version=([1-9][0-9]*)$/.exec(query);
  const version = Number(match?.[1]);
  if (Number.isSafeInteger(version)) return version;
  cur.fail(
    query.startsWith('version=')
      ? `bad version \`${query.slice('version='.length)}\`; write ?version=N, N a positive whole number, e.g. ?version=3`
      : `unsupported query \`?${query}\` after the PATH; only ?version=N (a KV v2 version) or, on a folder, ?depth=N (1 to 99) is allowed`,
    column,
  );
}
