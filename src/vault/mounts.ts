// Mount discovery as the `vault kv` CLI does it (sys/internal/ui/mounts/<path>), so
// users write `secret/app` and the KV version decides where `data/` goes.
import type { VaultApi } from './client.js';
import { VaultRequestError } from './errors.js';
import { encodePath } from './paths.js';

export interface Mount {
  /** With a trailing slash, as Vault returns it: "secret/", "team/kv/". */
  readonly path: string;
  readonly type: string;
  readonly kvVersion: 1 | 2 | undefined;
}

/**
 * Resolves each path's mount with as few preflight calls as possible: paths that share
 * a first segment wait for the first preflight of that segment and reuse its answer
 * when the mount it found contains them (nested mounts still get their own call).
 */
export class MountResolver {
  readonly #api: VaultApi;
  readonly #bySegment = new Map<string, Promise<Mount | undefined>>();

  constructor(api: VaultApi) {
    this.#api = api;
  }

  async resolve(path: string): Promise<Mount | undefined> {
    const segment = path.split('/')[0] ?? path;
    const known = this.#bySegment.get(segment);
    if (known) {
      const mount = await known;
      if (mount && path.startsWith(mount.path)) return mount;
      return this.#preflight(path);
    }
    const pending = this.#preflight(path);
    this.#bySegment.set(segment, pending);
    return pending;
  }

  /** undefined: Vault would not tell (no access to the preflight): read the path as written. */
  async #preflight(path: string): Promise<Mount | undefined> {
    let body: unknown;
    try {
      body = await this.#api.read(`sys/internal/ui/mounts/${encodePath(path)}`, 'mount lookup');
    } catch (err) {
      if (err instanceof VaultRequestError && (err.status === 403 || err.status === 404 || err.status === 400))
        return undefined;
      throw err;
    }
    const data = (
      body as { data?: { path?: unknown; type?: unknown; options?: { version?: unknown } | null } } | undefined
    )?.data;
    if (typeof data?.path !== 'string' || typeof data.type !== 'string') return undefined;
    const version = data.options?.version;
    const isKv = data.type === 'kv' || data.type === 'generic';
    return {
      path: data.path.endsWith('/') ? data.path : `${data.path}/`,
      type: data.type,
      kvVersion: isKv ? (version === '2' || version === 2 ? 2 : 1) : undefined,
    };
  }
}
