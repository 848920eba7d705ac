// Which spec entries a refresh fetches again. Pure.
import { deriveName, type SecretRequest } from '../spec/index.js';

/**
 * All of them, or those that can yield a named secret: an entry with that NAME, every
 * `*` and folder entry (their names come from Vault), and every entry on the same path
 * as one kept (a rotated lease replaces all the values read with it).
 */
export function requestsToFetch(
  requests: readonly SecretRequest[],
  wanted: ReadonlySet<string> | undefined,
): SecretRequest[] {
  if (wanted === undefined) return [...requests];
  const kept = requests.filter((r) => r.folder || r.selector.kind === 'all' || wanted.has(nameOf(r)));
  const keptPaths = new Set(kept.map((r) => r.path));
  return requests.filter((r) => keptPaths.has(r.path));
}

/** The NAME an entry delivers: given, or derived from its key as fetch derives it. */
function nameOf(r: SecretRequest): string {
  return r.name ?? (r.selector.kind === 'key' ? deriveName(r.selector.segments) : '');
}
