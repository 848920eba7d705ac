// Where a logical path is read and listed, given its mount. Pure.
import type { Mount } from './mounts.js';

export interface ApiPaths {
  readonly read: string;
  readonly list: string;
  /** KV v2 wraps the secret in data.data. */
  readonly unwrap: 'kv2' | 'plain' | 'detect';
}

export function apiPathsFor(path: string, mount: Mount | undefined, version: number | undefined): ApiPaths {
  if (mount?.kvVersion === 2) {
    let rest = path.slice(mount.path.length);
    // hashicorp/vault-action users write `secret/data/app`: accept that unchanged.
    if (rest.startsWith('data/')) rest = rest.slice('data/'.length);
    const query = version !== undefined ? `?version=${version}` : '';
    const base = encodePath(mount.path);
    return {
      read: `${base}data/${encodePath(rest)}${query}`,
      list: `${base}metadata/${encodePath(rest)}/`,
      unwrap: 'kv2',
    };
  }
  if (version !== undefined) {
    const what = mount
      ? `a ${mount.type}${mount.kvVersion ? ` v${mount.kvVersion}` : ''} mount`
      : 'a mount whose type Vault would not tell';
    throw new Error(
      `"${path}?version=${version}": versions exist on KV v2 only, and ${path} is on ${what}. Remove ?version=.`,
    );
  }
  return { read: encodePath(path), list: `${encodePath(path)}/`, unwrap: mount ? 'plain' : 'detect' };
}

/** Spec paths may hold `#`, `%`, `?` or spaces in quotes-free segments: keep them in the path. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The secret's key/value data from a read reply. */
export function secretData(body: unknown, unwrap: ApiPaths['unwrap']): Record<string, unknown> | undefined {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!isObject(data)) return undefined;
  const looksKv2 = isObject(data.data) && isObject(data.metadata);
  if (unwrap === 'kv2' || (unwrap === 'detect' && looksKv2)) return isObject(data.data) ? data.data : undefined;
  return data;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
