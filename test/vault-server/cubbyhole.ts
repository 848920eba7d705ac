// The cubbyhole engine: every token has its own private key/value store at cubbyhole/, which
// no other token can see (Vault mounts it in every namespace; the default policy grants it).
import { NO_CONTENT, NOT_FOUND, UNSUPPORTED_OPERATION, logical, type Operation, type Route } from './reply.js';
import type { CubbyholeMount } from './state.js';

export function cubbyholeRoute(mount: CubbyholeMount, key: string, op: Operation): Route {
  const store = (tokenId: string): Map<string, Record<string, unknown>> => {
    let own = mount.byToken.get(tokenId);
    if (!own) mount.byToken.set(tokenId, (own = new Map<string, Record<string, unknown>>()));
    return own;
  };
  switch (op) {
    case 'read':
      return {
        mountType: 'cubbyhole',
        run: (ctx) => {
          const data = store(ctx.token.id).get(key);
          return data ? logical('cubbyhole', { data: structuredClone(data) }) : NOT_FOUND;
        },
      };
    case 'update':
      return {
        mountType: 'cubbyhole',
        run: (ctx) => {
          store(ctx.token.id).set(key, structuredClone(ctx.body));
          return NO_CONTENT;
        },
      };
    default:
      return { mountType: 'cubbyhole', run: () => UNSUPPORTED_OPERATION };
  }
}
