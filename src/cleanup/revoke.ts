// Revocation at job end. A token this step logged in for is revoked with revoke-self,
// which also revokes its child tokens and every lease created with it (and needs no
// extra policy). Leases are revoked one by one only when the token stays (a token the
// user passed in) or revoke-self failed; that needs `update` on sys/leases/revoke.
import type { VaultApi } from '../vault/client.js';

export interface RevokeReport {
  leasesRevoked: number;
  tokenRevoked: boolean;
  failures: string[];
}

/** `leaseApi` works in the secrets namespace; `tokenApi` (when the token is to go) in the auth one. */
export async function revokeAll(leaseApi: VaultApi, leases: readonly string[], tokenApi: VaultApi | undefined): Promise<RevokeReport> {
  const report: RevokeReport = { leasesRevoked: 0, tokenRevoked: false, failures: [] };
  if (tokenApi) {
    try {
      await tokenApi.write('auth/token/revoke-self', {}, 'revoke token');
      return { ...report, tokenRevoked: true, leasesRevoked: leases.length };
    } catch (err) {
      report.failures.push(messageOf(err));
    }
  }
  const results = await Promise.allSettled(leases.map((id) => leaseApi.write('sys/leases/revoke', { lease_id: id }, 'revoke lease')));
  for (const r of results) {
    if (r.status === 'fulfilled') report.leasesRevoked++;
    else report.failures.push(messageOf(r.reason));
  }
  return report;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : 'unknown error';
}
