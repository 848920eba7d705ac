// Revocation at job end: leases first (they need the token), then the token itself,
// which also revokes its children and any lease created with it.
import type { VaultApi } from '../vault/client.js';

export interface RevokeReport {
  leasesRevoked: number;
  tokenRevoked: boolean;
  failures: string[];
}

/** `leaseApi` works in the secrets namespace; `tokenApi` (when the token is to go) in the auth one. */
export async function revokeAll(leaseApi: VaultApi, leases: readonly string[], tokenApi: VaultApi | undefined): Promise<RevokeReport> {
  const report: RevokeReport = { leasesRevoked: 0, tokenRevoked: false, failures: [] };
  const results = await Promise.allSettled(leases.map((id) => leaseApi.write('sys/leases/revoke', { lease_id: id }, 'revoke lease')));
  for (const r of results) {
    if (r.status === 'fulfilled') report.leasesRevoked++;
    else report.failures.push(messageOf(r.reason));
  }
  if (tokenApi) {
    try {
      await tokenApi.write('auth/token/revoke-self', {}, 'revoke token');
      report.tokenRevoked = true;
    } catch (err) {
      report.failures.push(messageOf(err));
    }
  }
  return report;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : 'unknown error';
}
