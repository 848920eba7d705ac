// Reads every path the spec names, once each and concurrently, and turns the replies
// into named secrets. Each value is handed to `onValue` (the masker) the moment it is
// selected, before it is returned or stored anywhere.
import { assertUniqueNames, groupByPath, type SecretRequest } from '../spec/index.js';
import { Secret } from '../secret.js';
import type { VaultApi } from './client.js';
import { MountResolver, type Mount } from './mounts.js';
import { apiPathsFor, secretData, type ApiPaths } from './paths.js';
import { mapSettled } from './pool.js';
import { selectValues, type Selected } from './select.js';
import { VaultRequestError } from './errors.js';
import type { Encoding } from '../inputs/compat.js';
import { errorMessage } from '../errors.js';

export interface Lease {
  readonly id: string;
  readonly durationSeconds: number;
  readonly renewable: boolean;
  readonly path: string;
}

export interface FetchOptions {
  readonly concurrency: number;
  /** hashicorp/vault-action compatibility: how its selectors decode, and whether a missing path is skipped. */
  readonly compat?: { readonly encoding: Encoding | undefined; readonly onNotFound?: (failure: string) => void };
  /** The most secrets one folder line may pull (vault-folder-limit). */
  readonly maxFolderSecrets: number;
  readonly onValue: (name: string, value: string) => void;
  readonly onLease: (lease: Lease) => void;
  /** API read paths not to read again (the refresh step keeps a leased credential unless rotating). */
  readonly skipRead?: (readPath: string) => boolean;
}

/** Every failure of a fetch, one line each, in spec order. */
export class FetchError extends Error {
  constructor(readonly failures: readonly string[]) {
    super(
      failures.length === 1
        ? (failures[0] ?? '')
        : `${failures.length} secrets could not be fetched:\n- ${failures.join('\n- ')}`,
    );
    this.name = 'FetchError';
  }
}

export async function fetchSecrets(
  requests: readonly SecretRequest[],
  api: VaultApi,
  opts: FetchOptions,
): Promise<Secret[]> {
  const mounts = new MountResolver(api);
  const groups = [...groupByPath(requests).values()];

  // Two spellings of one secret (`secret/app` and `secret/data/app`) resolve to one API
  // path: read it once, record its lease once.
  const reads = new Map<string, Promise<{ data: Record<string, unknown> | undefined; version: number | undefined }>>();
  const readData = (paths: ApiPaths) => {
    let pending = reads.get(paths.read);
    if (!pending) {
      pending = api.read(paths.read).then((body) => {
        recordLease(body, paths.read, opts);
        return { data: secretData(body, paths.unwrap), version: kvVersion(body, paths.unwrap) };
      });
      reads.set(paths.read, pending);
    }
    return pending;
  };

  const readOne = async (group: readonly SecretRequest[], path: string, leaf?: string): Promise<Fetched[]> => {
    const first = group[0] as SecretRequest;
    const mount = await mounts.resolve(path);
    const paths = apiPathsFor(path, mount, first.version);
    if (opts.skipRead?.(paths.read)) return [];
    let data: Record<string, unknown> | undefined;
    let version: number | undefined;
    try {
      ({ data, version } = await readData(paths));
    } catch (err) {
      if (!(err instanceof VaultRequestError)) throw err;
      // vault-action's ignoreNotFound: a 404 is reported as an error line and the entries skipped.
      if (opts.compat?.onNotFound !== undefined && err.status === 404) {
        opts.compat.onNotFound(err.message);
        return [];
      }
      throw readFailure(err, path, mount);
    }
    if (!data)
      throw new Error(
        `secrets line ${first.line}: ${paths.read} returned no data: check that it is a secret and not a folder (a folder ends with "/").`,
      );
    const fetched: Fetched[] = [];
    for (const req of group) {
      for (const s of await select(req, data, path, leaf)) {
        opts.onValue(s.name, s.value);
        fetched.push({
          secret: new Secret(s.name, s.source, s.value, s.outputName, { path: paths.read, version }),
          line: s.line,
        });
      }
    }
    return fetched;
  };

  const select = async (
    req: SecretRequest,
    data: Record<string, unknown>,
    path: string,
    leaf: string | undefined,
  ): Promise<Selected[]> => {
    if (req.selector.kind !== 'compat') return selectValues(req, data, path, leaf);
    // Loaded on first use: jsonata costs nothing to workflows that do not use vault-action's grammar.
    const { selectCompat } = await import('../compat/select.js');
    return selectCompat({ ...req, selector: req.selector }, data, path, { encoding: opts.compat?.encoding });
  };

  const readFolder = async (group: readonly SecretRequest[]): Promise<Fetched[]> => {
    const first = group[0] as SecretRequest;
    const depth = first.depth ?? 1;
    const leaves = await listFolder(first, depth);
    if (leaves.length === 0)
      throw new Error(
        depth === 1
          ? `secrets line ${first.line}: no secrets directly under ${first.path}/ (sub-folders are read with \`${first.path}/ **\` or ?depth=N).`
          : `secrets line ${first.line}: no secrets under ${first.path}/.`,
      );
    const settled = await mapSettled(leaves, opts.concurrency, (leaf) =>
      atLine(first.line, readOne(group, `${first.path}/${leaf}`, leaf)),
    );
    return unwrapAll(settled).flat();
  };

  /** One folder's keys; a failure names the line (a folder's list errors reach the user with no other context). */
  const listAt = async (line: number, folder: string, listPath: string): Promise<string[]> => {
    try {
      return await api.list(listPath);
    } catch (err) {
      if (err instanceof VaultRequestError && err.status === 404)
        throw new Error(
          `secrets line ${line}: nothing to list under ${folder}/ (HTTP 404 from ${listPath}): check the folder's path and mount.`,
          { cause: err },
        );
      if (err instanceof Error) err.message = `secrets line ${line}: ${err.message}`;
      throw err;
    }
  };

  /** Secrets under a folder to `depth` levels, level by level, each level listed with bounded concurrency. */
  const listFolder = async (req: SecretRequest, depth: number): Promise<string[]> => {
    const found: string[] = [];
    let level = [''];
    for (let d = 1; d <= depth && level.length > 0; d++) {
      const listed = unwrapAll(
        await mapSettled(level, opts.concurrency, async (prefix) => {
          const folder = prefix === '' ? req.path : `${req.path}/${prefix.slice(0, -1)}`;
          const paths = apiPathsFor(folder, await mounts.resolve(folder), undefined);
          return (await listAt(req.line, folder, paths.list)).map((key) => {
            // Keys come from the server: one path segment each, or they could step out of the folder.
            if (!/^[^/?#%\\\p{Cc}]+\/?$/u.test(key) || key === './' || key === '../' || key === '.' || key === '..')
              throw new Error(`secrets line ${req.line}: Vault listed an unusable key under ${folder}/.`);
            return prefix + key;
          });
        }),
      ).flat();
      level = listed.filter((k) => k.endsWith('/'));
      found.push(...listed.filter((k) => !k.endsWith('/')));
      if (found.length > opts.maxFolderSecrets)
        throw new Error(
          `secrets line ${req.line}: ${req.path}/ holds more than ${opts.maxFolderSecrets} secrets${depth > 1 ? ` within ${d} level(s)` : ''}: pick a narrower folder or depth, or raise vault-folder-limit.`,
        );
    }
    return found;
  };

  const settled = await mapSettled(groups, opts.concurrency, (group) => {
    const first = group[0] as SecretRequest;
    return atLine(first.line, first.folder ? readFolder(group) : readOne(group, first.path));
  });
  const fetched = unwrapAll(settled).flat();
  assertUniqueNames(fetched.map((f) => ({ name: f.secret.name, line: f.line, what: f.secret.source })));
  return fetched.map((f) => f.secret);
}

/**
 * What a real server's answer means for the line as written: a KV v2 version that was
 * deleted (a 404 whose metadata says so), or `data/` written on a KV v1 mount (a KV v2
 * spelling, where it is part of the path). Otherwise Vault's own error.
 */
function readFailure(err: VaultRequestError, path: string, mount: Mount | undefined): Error {
  const gone = err.kvGone;
  if (gone) {
    const how = gone.destroyed ? 'destroyed' : 'deleted';
    const restore = gone.destroyed ? '' : `restore it (\`kv undelete -versions=${gone.version}\`) or `;
    const earlier = gone.version > 1 ? `?version=${gone.version - 1}` : '?version=N';
    return new Error(
      `${path}: version ${gone.version} of this KV v2 secret was ${how} (HTTP 404): ${restore}read an earlier version with ${earlier}.`,
      { cause: err },
    );
  }
  const rest = mount ? path.slice(mount.path.length) : '';
  if (mount?.kvVersion === 1 && rest.startsWith('data/') && (err.status === 403 || err.status === 404))
    return new Error(
      `${err.message} ${mount.path} is a KV v1 mount, where data/ is part of the path (only KV v2 adds it): ` +
        `write ${mount.path}${rest.slice('data/'.length)}.`,
      { cause: err },
    );
  return err;
}

/** Errors name the secrets line they come from (Vault's own errors do not know it). */
async function atLine<T>(line: number, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof FetchError || !(err instanceof Error) || err.message.startsWith('secrets line ')) throw err;
    err.message = `secrets line ${line}: ${err.message}`;
    throw err;
  }
}

interface Fetched {
  readonly secret: Secret;
  readonly line: number;
}

/** The values, or one FetchError listing every failure (a folder's own included). */
function unwrapAll<T>(settled: readonly PromiseSettledResult<T>[]): T[] {
  const failures = settled.flatMap((r) => {
    if (r.status === 'fulfilled') return [];
    if (r.reason instanceof FetchError) return r.reason.failures;
    return [errorMessage(r.reason)];
  });
  if (failures.length > 0) throw new FetchError(failures);
  return settled.map((r) => (r as PromiseFulfilledResult<T>).value);
}

function recordLease(body: unknown, path: string, opts: FetchOptions): void {
  const reply = body as { lease_id?: unknown; lease_duration?: unknown; renewable?: unknown } | undefined;
  if (typeof reply?.lease_id !== 'string' || reply.lease_id === '') return;
  opts.onLease({
    id: reply.lease_id,
    durationSeconds: typeof reply.lease_duration === 'number' ? reply.lease_duration : 0,
    renewable: reply.renewable === true,
    path,
  });
}

/** A KV v2 reply's data.metadata.version (what the refresh step's summary shows). */
function kvVersion(body: unknown, unwrap: ApiPaths['unwrap']): number | undefined {
  if (unwrap === 'plain') return undefined;
  const version = (body as { data?: { metadata?: { version?: unknown } } } | undefined)?.data?.metadata?.version;
  return typeof version === 'number' ? version : undefined;
}
