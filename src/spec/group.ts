import type { SecretRequest } from './types.js';

/**
 * Lets the fetcher read each secret once however many lines select from it.
 * Keys are the path as it would be written (`a/b`, `a/b/` for a folder,
 * `a/b?version=3`), so different versions or a folder and a secret of the
 * same name stay apart. Map order is first-seen order.
 */
export function groupByPath(requests: readonly SecretRequest[]): Map<string, SecretRequest[]> {
  const groups = new Map<string, SecretRequest[]>();
  for (const request of requests) {
    const version = request.version === undefined ? '' : `?version=${request.version}`;
    // A folder read to another depth lists other secrets: its own group.
    const depth = (request.depth ?? 1) === 1 ? '' : `?depth=${String(request.depth)}`;
    const key = `${request.path}${request.folder ? '/' : ''}${version}${depth}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [request]);
    else group.push(request);
  }
  return groups;
}
