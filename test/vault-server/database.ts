// Database secrets engine: `creds/<role>` hands out a fresh username/password under a lease that
// belongs to the requesting token, so revoking the token (or the lease) can be observed.
import {
  UNSUPPORTED_OPERATION,
  badRequest,
  fixed,
  logical,
  unsupportedPath,
  type Operation,
  type Route,
} from './reply.js';
import { base62, type DatabaseMount } from './state.js';

export function databaseRoute(mount: DatabaseMount, sub: string, op: Operation): Route {
  const role = /^creds\/([^/]+)$/.exec(sub)?.[1];
  if (role === undefined) return unsupportedPath('database');
  if (op !== 'read') return fixed('database', UNSUPPORTED_OPERATION);
  return {
    mountType: 'database',
    run: (ctx) => {
      const ttl = mount.roles.get(role);
      if (ttl === undefined) return badRequest(`unknown role: ${role}`);
      const lease = ctx.state.createLease(ctx.ns, `${mount.path}creds/${role}`, ttl, ctx.token);
      // Vault's default username template: v-{{display_name|truncate 8}}-{{role|truncate 8}}-{{random 20}}-{{unix_time}}
      const unixTime = Math.floor(Date.now() / 1000);
      const username = `v-${ctx.token.displayName.slice(0, 8)}-${role.slice(0, 8)}-${base62(20)}-${unixTime}`;
      return logical('database', {
        lease_id: lease.id,
        renewable: true,
        lease_duration: ttl,
        data: { username, password: `${base62(10)}-${base62(10)}` },
      });
    },
  };
}
