// Reads every path the spec names, once each and concurrently, and turns the replies
// into named secrets. Each value is handed to `onValue` (the masker) the moment it is
// selected, before it is returned or stored anywhere.
import { assertUniqueNames, groupByPath, type SecretRequest } from '../spec/index.js';
import { Secret } from '../secret.js';
import type { VaultApi } from './client.js';
import { MountResolver } from './mounts.js';
import { apiPathsFor, secretData, type ApiPaths } from './paths.js';
import { mapSettled } from './pool.js';
import { selectValues } from './select.js';
import { errorMessage } from '../errors.js';

export interface Lease {
  readonly id: string;
  readonly durationSeconds: number;
  readonly renewable: boolean;
  readonly path: string;
}

export interface FetchOptions {
  readonly concurrency: number;
  readonly onValue: (name: string, value: string) => void;
  readonly onLease: (lease: Lease) => void;
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
  const reads = new Map<string, Promise<Record<string, unknown> | undefined>>();
  const readData = (paths: ApiPaths): Promise<Record<string, unknown> | undefined> => {
    let pending = reads.get(paths.read);
    if (!pending) {
      pending = api.read(paths.read).then((body) => {
        recordLease(body, paths.read, opts);
        return secretData(body, paths.unwrap);
      });
      reads.set(paths.read, pending);
    }
    return pending;
  };

  const readOne = async (group: readonly SecretRequest[], path: string, leaf?: string): Promise<Fetched[]> => {
    const first = group[0] as SecretRequest;
    const paths = apiPathsFor(path, await mounts.resolve(path), first.version);
    const data = await readData(paths);
    if (!data)
      throw new Error(
        `secrets line ${first.line}: ${paths.read} returned no data: check that it is a secret and not a folder (a folder ends with "/").`,
      );
    const fetched: Fetched[] = [];
    for (const req of group) {
      for (const s of selectValues(req, data, path, leaf)) {
        opts.onValue(s.name, s.value);
        fetched.push({ secret: new Secret(s.name, s.source, s.value), line: s.line });
      }
    }
    return fetched;
  };

  const readFolder = async (group: readonly SecretRequest[]): Promise<Fetched[]> => {
    const first = group[0] as SecretRequest;
    const paths = apiPathsFor(first.path, await mounts.resolve(first.path), undefined);
    const leaves = (await api.list(paths.list)).filter((k) => !k.endsWith('/'));
    if (leaves.length === 0)
      throw new Error(
        `secrets line ${first.line}: no secrets directly under ${first.path}/ (sub-folders are not read).`,
      );
    const settled = await mapSettled(leaves, opts.concurrency, (leaf) => readOne(group, `${first.path}/${leaf}`, leaf));
    return unwrapAll(settled).flat();
  };

  const settled = await mapSettled(groups, opts.concurrency, (group) => {
    const first = group[0] as SecretRequest;
    return first.folder ? readFolder(group) : readOne(group, first.path);
  });
  const fetched = unwrapAll(settled).flat();
  assertUniqueNames(fetched.map((f) => ({ name: f.secret.name, line: f.line, what: f.secret.source })));
  return fetched.map((f) => f.secret);
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
