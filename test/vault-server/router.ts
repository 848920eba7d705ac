// Finds the mount serving a namespace-relative path and hands the rest of the path to it.
import { loginRoute } from './auth.js';
import { cubbyholeRoute } from './cubbyhole.js';
import { databaseRoute } from './database.js';
import { kvRoute } from './kv.js';
import { pkiRoute } from './pki.js';
import { errorReply, fixed, type Operation, type Route } from './reply.js';
import type { Namespace, VaultState } from './state.js';
import { sysRoute } from './sys.js';
import { tokenRoute } from './token.js';

export function route(state: VaultState, ns: Namespace, rel: string, op: Operation): Route {
  const mount = state.mountFor(ns, rel);
  if (!mount) return fixed('', errorReply(404, `no handler for route "${rel}". route entry not found.`));
  const sub = rel.slice(mount.path.length);
  switch (mount.type) {
    case 'kv':
      return kvRoute(mount, sub, op);
    case 'database':
      return databaseRoute(mount, sub, op);
    case 'pki':
      return pkiRoute(mount, sub, op);
    case 'system':
      return sysRoute(sub, op);
    case 'token':
      return tokenRoute(sub, op);
    case 'cubbyhole':
      return cubbyholeRoute(mount, sub, op);
    default:
      return loginRoute(mount, sub, op);
  }
}
