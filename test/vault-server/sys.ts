// The system backend (sys/): health, the mount preflight the `vault kv` CLI uses, and leases
// (revoke, renew, and the lookup list by prefix).
import { randomUUID } from 'node:crypto';
import {
  NOT_FOUND,
  NO_CONTENT,
  UNSUPPORTED_OPERATION,
  badRequest,
  errorReply,
  fixed,
  logical,
  str,
  unsupportedPath,
  type AuthedCtx,
  type Ctx,
  type Operation,
  type Reply,
  type Route,
} from './reply.js';
import { mountBase, trimSlashes, type Mount } from './state.js';

export const VAULT_VERSION = '1.17.0-dev';
const CLUSTER_ID = randomUUID();
const UI_MOUNTS = 'internal/ui/mounts/';
const LEASE_LOOKUP = 'leases/lookup/';

export function sysRoute(sub: string, op: Operation): Route {
  if (sub === 'health') {
    return {
      mountType: 'system',
      unauthenticated: true,
      run: () => (op === 'read' ? health() : UNSUPPORTED_OPERATION),
    };
  }
  if (sub.startsWith(UI_MOUNTS)) {
    const path = sub.slice(UI_MOUNTS.length);
    return {
      mountType: 'system',
      unauthenticated: true,
      run: (ctx) => (op === 'read' ? preflight(ctx, path) : UNSUPPORTED_OPERATION),
    };
  }
  if (sub === 'leases/revoke' || sub.startsWith('leases/revoke/')) {
    const urlLeaseId = sub.slice('leases/revoke/'.length);
    return op === 'update'
      ? { mountType: 'system', run: (ctx) => revokeLease(ctx, urlLeaseId) }
      : fixed('system', UNSUPPORTED_OPERATION);
  }
  if (sub.startsWith('mounts/') && op === 'update') {
    return { mountType: 'system', run: (ctx) => enableEngine(ctx, trimSlashes(sub.slice('mounts/'.length))) };
  }
  if (sub.startsWith(LEASE_LOOKUP)) {
    const prefix = sub.slice(LEASE_LOOKUP.length);
    return op === 'list'
      ? { mountType: 'system', run: (ctx) => listLeases(ctx, prefix) }
      : fixed('system', UNSUPPORTED_OPERATION);
  }
  if (sub === 'leases/renew') {
    return op === 'update' ? { mountType: 'system', run: renewLease } : fixed('system', UNSUPPORTED_OPERATION);
  }
  return unsupportedPath('system');
}

/** POST sys/mounts/:path, for the KV engine only: type kv (options.version 1 or 2) or kv-v2. */
function enableEngine(ctx: AuthedCtx, path: string): Reply {
  const type = str(ctx.body['type']);
  const options = ctx.body['options'];
  const asked =
    options !== null && typeof options === 'object' ? str((options as Record<string, unknown>)['version']) : '';
  if (type !== 'kv' && type !== 'kv-v2') return badRequest(`plugin not found in the catalog: ${type}`);
  if (path === '' || ctx.state.mountFor(ctx.ns, path)?.path === `${path}/`)
    return badRequest(`path is already in use at ${path}/`);
  const version = type === 'kv-v2' || asked === '2' ? 2 : 1;
  ctx.state.addMount(ctx.ns, { ...mountBase(path, 'kv'), type: 'kv', version, entries: new Map() });
  return NO_CONTENT;
}

function health(): Reply {
  return {
    status: 200,
    body: {
      initialized: true,
      sealed: false,
      standby: false,
      performance_standby: false,
      replication_performance_mode: 'disabled',
      replication_dr_mode: 'disabled',
      server_time_utc: Math.floor(Date.now() / 1000),
      version: VAULT_VERSION,
      enterprise: true, // namespaces and 412 consistency errors are Enterprise features
      cluster_name: 'vault-cluster-dev',
      cluster_id: CLUSTER_ID,
      echo_duration_ms: 0,
      clock_skew_ms: 0,
      replication_primary_canary_age_ms: 0,
    },
  };
}

/** sys/internal/ui/mounts/<path>: the mount serving <path>, if the token may use anything in it.
 *  The path may reach into a child namespace ('team-b/secret/x'). */
function preflight(ctx: Ctx, path: string): Reply {
  if (!ctx.token) return errorReply(403, 'permission denied');
  const denied = errorReply(
    403,
    `preflight capability check returned 403, please ensure client's policies grant access to path "${trimSlashes(path)}/"`,
  );
  const target = ctx.state.resolve(ctx.ns.path, path);
  const mount = ctx.state.mountFor(target.ns, target.rel);
  if (!mount || !ctx.state.covers(ctx.token, target.ns)) return denied;
  const fromToken = ctx.state.relativePrefix(ctx.token.ns, target.ns) + mount.path;
  if (!ctx.state.acl(ctx.token).reachesMount(fromToken)) return denied;
  return logical('system', { data: mountInfo(mount, ctx.state.relativePrefix(ctx.ns, target.ns) + mount.path) });
}

function mountInfo(mount: Mount, path: string) {
  return {
    accessor: mount.accessor,
    config: { default_lease_ttl: 0, force_no_cache: false, max_lease_ttl: 0 },
    description: '',
    external_entropy_access: false,
    local: false,
    options: mount.type === 'kv' ? { version: String(mount.version) } : null,
    path,
    plugin_version: '',
    running_plugin_version: '',
    running_sha256: '',
    seal_wrap: false,
    type: mount.type,
    uuid: mount.uuid,
  };
}

/** Vault treats revoking an unknown (or already revoked) lease as done. */
function revokeLease(ctx: AuthedCtx, urlLeaseId: string): Reply {
  const id = str(ctx.body['lease_id']) || urlLeaseId;
  if (!id) return badRequest('lease_id must be specified');
  const lease = ctx.state.leases.get(id);
  if (lease) lease.revoked = true;
  return NO_CONTENT;
}

/** LIST sys/leases/lookup/<prefix>/: the next segment of each live lease id under it
 *  (folders end in '/'); an empty list is a 404, as for every Vault list. */
function listLeases(ctx: AuthedCtx, prefix: string): Reply {
  const keys = new Set<string>();
  for (const lease of ctx.state.leases.values()) {
    if (lease.revoked || !lease.id.startsWith(prefix)) continue;
    const rest = lease.id.slice(prefix.length);
    const slash = rest.indexOf('/');
    keys.add(slash < 0 ? rest : rest.slice(0, slash + 1));
  }
  return keys.size === 0 ? NOT_FOUND : logical('system', { data: { keys: [...keys].sort() } });
}

function renewLease(ctx: AuthedCtx): Reply {
  const id = str(ctx.body['lease_id']);
  if (!id) return badRequest('lease_id must be specified');
  const lease = ctx.state.leases.get(id);
  if (!lease || lease.revoked) return badRequest('lease not found');
  return logical('system', { lease_id: lease.id, renewable: true, lease_duration: lease.ttl });
}
