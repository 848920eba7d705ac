// Hostile replies, switched on per test (server.setHostile): a compromised or mischievous
// Vault, or one an attacker can name things in, whose every free-text field carries
// payloads that a careless client would print as workflow commands or summary markup.
// Off, the server stays Vault-faithful; on, it rewrites replies after the normal
// handling, so the state (tokens, leases) stays consistent with what clients were told.
import type { Reply } from './reply.js';
import type { VaultState } from './state.js';

/** What each free-text field carries: the runner's two command syntaxes, CR/LF, and markup. */
export const HOSTILE_PAYLOADS = [
  '##[stop-commands]tok1',
  '\n::set-output name=pwned::1',
  '\r::add-path::/x',
  '\n::error file=x::y',
  '| <img src=x onerror=alert(1)> `code` [link](https://evil.example) **bold**',
  // a second legacy command later in the same text: breaking up only the first is not enough
  'x ##[group]g ##[stop-commands]tok2',
] as const;

/** One string holding every payload, for fields that are a single name. */
export const HOSTILE_TEXT = `evil${HOSTILE_PAYLOADS.join('')}`;

export class Hostile {
  on = false;

  /**
   * Adds payloads to the login's policy list, to `warnings` of every logical reply (whose
   * `request_id` becomes payload text too), to
   * `errors` of every error reply, and renames each lease (in the reply and the lease
   * table alike, so revoking it still works).
   */
  apply(reply: Reply, state: VaultState): Reply {
    if (!this.on || !isObject(reply.body)) return reply;
    const body: Record<string, unknown> = { ...reply.body };
    if (Array.isArray(body['errors'])) body['errors'] = [...(body['errors'] as unknown[]), ...HOSTILE_PAYLOADS];
    if ('request_id' in body) {
      body['warnings'] = [...HOSTILE_PAYLOADS];
      body['request_id'] = HOSTILE_TEXT;
    }
    const auth = body['auth'];
    if (isObject(auth) && Array.isArray(auth['policies']))
      body['auth'] = { ...auth, policies: [...(auth['policies'] as unknown[]), ...HOSTILE_PAYLOADS] };
    const leaseId = body['lease_id'];
    if (typeof leaseId === 'string' && leaseId !== '') body['lease_id'] = renameLease(state, leaseId);
    return { ...reply, body };
  }
}

function renameLease(state: VaultState, id: string): string {
  const lease = state.leases.get(id);
  if (!lease) return id;
  const renamed = `${id}${HOSTILE_PAYLOADS.join('')}`;
  state.leases.delete(id);
  state.leases.set(renamed, { ...lease, id: renamed });
  return renamed;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
