// The token's TTL, renewability and explicit max TTL, looked up by main over its own
// connection (auth/token/lookup-self, allowed by Vault's default policy).
import type { VaultApi } from '../vault/client.js';
import { errorMessage } from '../errors.js';

export interface TokenFacts {
  readonly ttlSeconds: number;
  readonly renewable: boolean;
  /** Epoch ms at which the token's explicit max TTL ends, if it has one. */
  readonly maxEndsAt: number | undefined;
}

export interface TokenLookup {
  readonly facts?: TokenFacts;
  readonly failure?: string;
}

export async function lookupToken(authApi: VaultApi): Promise<TokenLookup> {
  try {
    const body = (await authApi.read('auth/token/lookup-self', 'look up the token')) as {
      data?: Record<string, unknown>;
    };
    const d = body.data ?? {};
    const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
    const max = num(d['explicit_max_ttl']);
    return {
      facts: {
        ttlSeconds: num(d['ttl']),
        renewable: d['renewable'] === true,
        maxEndsAt: max > 0 ? (num(d['creation_time']) + max) * 1000 : undefined,
      },
    };
  } catch (err) {
    return { failure: `Renewal: the token could not be looked up (${errorMessage(err)}), so it is not renewed.` };
  }
}
