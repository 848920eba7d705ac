// KV secrets engine, version 1 (plain key/value) and version 2 (versioned, under data/ and metadata/).
import { isRecord } from './jwt.js';
import {
  NO_CONTENT,
  NOT_FOUND,
  UNSUPPORTED_OPERATION,
  badRequest,
  fixed,
  logical,
  type Ctx,
  type Operation,
  type Reply,
  type Route,
} from './reply.js';
import type { KvMount } from './state.js';

const KV1_LEASE_DURATION = 2764800; // 768h, the default max lease TTL that kv v1 reports
const V2_SECTIONS = new Set(['data', 'metadata', 'delete', 'undelete', 'destroy']);
const CLI_VERB: Record<Operation, string> = { read: 'get', list: 'list', update: 'put', delete: 'delete' };

/** Stores a new value; v2 keeps every version, v1 only the last. */
export function writeKv(
  mount: KvMount,
  key: string,
  data: Record<string, unknown>,
): { number: number; createdTime: string } {
  const versions = mount.version === 2 ? (mount.entries.get(key) ?? []) : [];
  const createdTime = new Date().toISOString();
  versions.push({ data: structuredClone(data), createdTime });
  mount.entries.set(key, versions);
  return { number: versions.length, createdTime };
}

export function kvRoute(mount: KvMount, sub: string, op: Operation): Route {
  return mount.version === 1 ? kv1Route(mount, sub, op) : kv2Route(mount, sub, op);
}

function kv1Route(mount: KvMount, key: string, op: Operation): Route {
  switch (op) {
    case 'read':
      return {
        mountType: 'kv',
        run: () => {
          const data = mount.entries.get(key)?.at(-1)?.data;
          return data ? logical('kv', { lease_duration: KV1_LEASE_DURATION, data }) : NOT_FOUND;
        },
      };
    case 'list':
      return { mountType: 'kv', run: () => listKeys(mount, key) };
    case 'update':
      return {
        mountType: 'kv',
        capability: mount.entries.has(key) ? 'update' : 'create',
        run: (ctx) => {
          writeKv(mount, key, ctx.body);
          return NO_CONTENT;
        },
      };
    default:
      return fixed('kv', UNSUPPORTED_OPERATION);
  }
}

function kv2Route(mount: KvMount, sub: string, op: Operation): Route {
  if (V2_SECTIONS.has(sub) && op !== 'list') {
    return fixed('kv', warning('Non-listing operations on the root of a K/V v2 mount are not supported.'));
  }
  const slash = sub.indexOf('/');
  const [section, key] = slash < 0 ? [sub, ''] : [sub.slice(0, slash), sub.slice(slash + 1)];
  if (section === 'data') {
    if (op === 'read') return { mountType: 'kv', run: (ctx) => readVersion(mount, key, ctx) };
    if (op === 'update') {
      return {
        mountType: 'kv',
        capability: mount.entries.has(key) ? 'update' : 'create',
        run: (ctx) => writeVersion(mount, key, ctx),
      };
    }
    if (op === 'delete') return { mountType: 'kv', run: () => deleteLatest(mount, key) };
    return fixed('kv', UNSUPPORTED_OPERATION);
  }
  if (section === 'metadata') {
    if (op === 'list') return { mountType: 'kv', run: () => listKeys(mount, key) };
    if (op === 'read') return { mountType: 'kv', run: () => readMetadata(mount, key) };
    return fixed('kv', UNSUPPORTED_OPERATION);
  }
  return fixed(
    'kv',
    warning(
      'Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints to use. ' +
        `If using the Vault CLI, use 'vault kv ${CLI_VERB[op]}' for this operation.`,
    ),
  );
}

/** The kv v2 plugin answers unusable paths with 404 and a warning rather than an error. */
const warning = (text: string): Reply => logical('', { warnings: [text] }, 404);

const versionMetadata = (createdTime: string, version: number, deletionTime = '') => ({
  created_time: createdTime,
  custom_metadata: null,
  deletion_time: deletionTime,
  destroyed: false,
  version,
});

function readVersion(mount: KvMount, key: string, ctx: Ctx): Reply {
  const raw = ctx.query.get('version') ?? '';
  const wanted = raw === '' ? 0 : Number(raw);
  if (!Number.isInteger(wanted) || wanted < 0) return badRequest(`error converting input ${raw} for field "version"`);
  const versions = mount.entries.get(key) ?? [];
  const number = wanted || versions.length;
  const version = versions[number - 1];
  if (!version) return NOT_FOUND;
  // A soft-deleted version is a 404 that still carries its metadata (and null data), as Vault answers
  if (version.deletionTime !== undefined)
    return logical(
      'kv',
      { data: { data: null, metadata: versionMetadata(version.createdTime, number, version.deletionTime) } },
      404,
    );
  return logical('kv', { data: { data: version.data, metadata: versionMetadata(version.createdTime, number) } });
}

/** DELETE <mount>/data/<key>: soft-deletes the latest version (undelete and destroy are not modelled). */
function deleteLatest(mount: KvMount, key: string): Reply {
  const latest = mount.entries.get(key)?.at(-1);
  if (latest) latest.deletionTime ??= new Date().toISOString();
  return NO_CONTENT;
}

function writeVersion(mount: KvMount, key: string, ctx: Ctx): Reply {
  const data = ctx.body['data'];
  if (!isRecord(data)) return badRequest('no data provided');
  const { number, createdTime } = writeKv(mount, key, data);
  return logical('kv', { data: versionMetadata(createdTime, number) });
}

function readMetadata(mount: KvMount, key: string): Reply {
  const versions = mount.entries.get(key);
  if (!versions) return NOT_FOUND;
  return logical('kv', {
    data: {
      cas_required: false,
      created_time: versions[0]?.createdTime,
      current_version: versions.length,
      custom_metadata: null,
      delete_version_after: '0s',
      max_versions: 0,
      oldest_version: 0,
      updated_time: versions.at(-1)?.createdTime,
      versions: Object.fromEntries(
        versions.map((v, i) => [
          String(i + 1),
          { created_time: v.createdTime, deletion_time: v.deletionTime ?? '', destroyed: false },
        ]),
      ),
    },
  });
}

/** Keys directly under `prefix` ('' or ending in '/'); deeper levels show as 'folder/'. */
function listKeys(mount: KvMount, prefix: string): Reply {
  const keys = new Set<string>();
  for (const key of mount.entries.keys()) {
    if (!key.startsWith(prefix) || key === prefix) continue;
    const rest = key.slice(prefix.length);
    const slash = rest.indexOf('/');
    keys.add(slash < 0 ? rest : rest.slice(0, slash + 1));
  }
  return keys.size > 0 ? logical('kv', { data: { keys: [...keys].sort() } }) : NOT_FOUND;
}
