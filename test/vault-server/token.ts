// The token auth backend (auth/token/): lookup-self, renew-self, revoke-self, create (child
// tokens) and the accessor list.
import { isRecord } from './jwt.js';
import {
  NO_CONTENT,
  UNSUPPORTED_OPERATION,
  badRequest,
  fixed,
  logical,
  unsupportedPath,
  type AuthedCtx,
  type Operation,
  type Reply,
  type Route,
} from './reply.js';
import type { TokenEntry } from './state.js';

export const DEFAULT_TOKEN_TTL = 3600;

/** The `auth` block of a login or token-create response. */
export function authBlock(token: TokenEntry) {
  return {
    client_token: token.id,
    accessor: token.accessor,
    policies: token.policies,
    token_policies: token.policies,
    metadata: token.meta,
    lease_duration: token.ttl,
    renewable: token.renewable ?? token.ttl > 0,
    entity_id: token.entityId,
    token_type: 'service',
    orphan: token.parent === undefined,
    mfa_requirement: null,
    num_uses: token.usesLeft ?? 0,
  };
}

export function tokenRoute(sub: string, op: Operation): Route {
  // LIST auth/token/accessors (sudo in Vault; the tests call it with the root token)
  if (sub === 'accessors/')
    return op === 'list' ? { mountType: 'token', run: listAccessors } : fixed('token', UNSUPPORTED_OPERATION);
  const handlers: Record<string, [Operation, (ctx: AuthedCtx) => Reply]> = {
    'lookup-self': ['read', lookupSelf],
    'renew-self': ['update', renewSelf],
    'revoke-self': ['update', revokeSelf],
    create: ['update', createChild],
  };
  const handler = handlers[sub];
  if (!handler) return unsupportedPath('token');
  const [expected, run] = handler;
  return op === expected ? { mountType: 'token', run } : fixed('token', UNSUPPORTED_OPERATION);
}

const iso = (ms: number): string => new Date(ms).toISOString();

function lookupSelf({ token }: AuthedCtx): Reply {
  const expiresAt = token.issuedAt + token.ttl * 1000;
  return logical('token', {
    data: {
      accessor: token.accessor,
      creation_time: Math.floor(token.issuedAt / 1000),
      creation_ttl: token.ttl,
      display_name: token.displayName,
      entity_id: token.entityId,
      expire_time: token.ttl > 0 ? iso(expiresAt) : null,
      explicit_max_ttl: token.explicitMaxTtl ?? 0,
      id: token.id,
      issue_time: iso(token.issuedAt),
      meta: token.meta,
      namespace_path: token.ns.path ? `${token.ns.path}/` : '',
      num_uses: token.usesLeft ?? 0,
      orphan: token.parent === undefined,
      path: token.path,
      policies: token.policies,
      renewable: token.renewable ?? token.ttl > 0,
      ttl: token.ttl > 0 ? Math.max(0, Math.round((expiresAt - Date.now()) / 1000)) : 0,
      type: 'service',
    },
  });
}

/** The accessors of the namespace's live tokens. */
function listAccessors(ctx: AuthedCtx): Reply {
  const keys = [...ctx.state.tokens.values()].filter((t) => !t.revoked && t.ns === ctx.ns).map((t) => t.accessor);
  return logical('token', { data: { keys } });
}

/** Renews for the token's own TTL (no `increment`): its expiry counts from now again. */
function renewSelf({ token }: AuthedCtx): Reply {
  if (token.ttl === 0 || token.renewable === false) return badRequest('lease is not renewable');
  token.issuedAt = Date.now();
  return logical('token', { auth: authBlock(token) });
}

function revokeSelf(ctx: AuthedCtx): Reply {
  ctx.state.revoke(ctx.token);
  return NO_CONTENT;
}

const UNIT_SECONDS: Record<string, number> = { m: 60, h: 3600 };

/** Seconds from a number or a Go-style duration such as "90s", "15m", "1h". */
function parseTtl(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw;
  const match = /^(\d+)([smh]?)$/.exec(String(raw));
  if (!match) return undefined;
  return Number(match[1]) * (UNIT_SECONDS[match[2] ?? ''] ?? 1);
}

/**
 * A child of the calling token, as Vault's token store makes one: policies a subset of the
 * parent's (unless root; `default` added when the parent has it), ttl capped by
 * explicit_max_ttl, num_uses, renewable, display_name as `token-` + the name sanitized, and
 * string meta. It is revoked with its parent (VaultState.revoke).
 */
function createChild(ctx: AuthedCtx): Reply {
  const parent = ctx.token;
  const { policies, ttl, meta } = ctx.body;
  const isRoot = parent.policies.includes('root');
  const requested = Array.isArray(policies) ? policies.map((p) => String(p).trim().toLowerCase()) : parent.policies;
  if (!isRoot && requested.some((p) => !parent.policies.includes(p))) {
    return badRequest('child policies must be subset of parent');
  }
  const seconds = ttl === undefined ? DEFAULT_TOKEN_TTL : parseTtl(ttl);
  if (seconds === undefined) return badRequest(`error converting input ${String(ttl)} for field "ttl"`);
  const rawMax = ctx.body['explicit_max_ttl'];
  const max = rawMax === undefined ? 0 : parseTtl(rawMax);
  if (max === undefined) return badRequest(`error converting input ${String(rawMax)} for field "explicit_max_ttl"`);
  const uses = Number(ctx.body['num_uses'] ?? 0);
  if (!Number.isInteger(uses) || uses < 0) return badRequest('number of uses cannot be negative');
  const name = ctx.body['display_name'];
  const child = ctx.state.issueToken({
    ns: ctx.ns,
    policies: requested,
    displayName:
      typeof name === 'string' && name !== ''
        ? `token-${name}`.replace(/[^a-zA-Z0-9-]+/g, '-').replace(/-+$/, '')
        : 'token',
    meta: isRecord(meta) ? Object.fromEntries(Object.entries(meta).map(([k, v]) => [k, String(v)])) : null,
    path: 'auth/token/create',
    ttl: max > 0 ? Math.min(seconds, max) : seconds,
    parent,
    ...(uses > 0 ? { usesLeft: uses } : {}),
    ...(max > 0 ? { explicitMaxTtl: max } : {}),
    ...(ctx.body['renewable'] === false ? { renewable: false } : {}),
  });
  return logical('token', { auth: authBlock(child) });
}
