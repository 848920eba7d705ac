// Revocation at job end. A token this step logged in for is revoked with revoke-self,
// which also revokes its child tokens and every lease created with it (and needs no
// extra policy). Leases are revoked one by one only when the token stays (a token the
// user passed in) or revoke-self failed; that needs `update` on sys/leases/revoke.
import * as core from '@actions/core';
import { errorMessage } from '../errors.js';
import { readConnectionConfig } from '../inputs/index.js';
import type { MaskRegistry } from '../mask/registry.js';
import { createVaultApi, type VaultApi } from '../vault/client.js';
import { openTransport } from '../vault/connect.js';

export interface RevokeReport {
  leasesRevoked: number;
  tokenRevoked: boolean;
  failures: string[];
}

/** `leaseApi` works in the secrets namespace; `tokenApi` (when the token is to go) in the auth one. */
export async function revokeAll(
  leaseApi: VaultApi,
  leases: readonly string[],
  tokenApi: VaultApi | undefined,
): Promise<RevokeReport> {
  const report: RevokeReport = { leasesRevoked: 0, tokenRevoked: false, failures: [] };
  if (tokenApi) {
    try {
      await tokenApi.write('auth/token/revoke-self', {}, 'revoke token');
      return { ...report, tokenRevoked: true, leasesRevoked: leases.length };
    } catch (err) {
      report.failures.push(errorMessage(err));
    }
  }
  const results = await Promise.allSettled(
    leases.map((id) => leaseApi.write('sys/leases/revoke', { lease_id: id }, 'revoke lease')),
  );
  for (const r of results) {
    if (r.status === 'fulfilled') report.leasesRevoked++;
    else report.failures.push(errorMessage(r.reason));
  }
  return report;
}

/**
 * Post: revoke what main recorded, with the connection inputs read again. Vault being
 * unreachable or the inputs being wrong is a warning: the credentials then expire at
 * their TTL, and cleanup goes on. Returns lines for the summary.
 */
export async function revokeRecorded(
  masks: MaskRegistry,
  token: string,
  leases: readonly string[],
  revokeToken: boolean,
): Promise<string[]> {
  let conn;
  try {
    conn = readConnectionConfig(masks);
  } catch (err) {
    core.warning(`not revoking: ${errorMessage(err)}`);
    return ['revocation skipped: the Vault connection inputs are invalid'];
  }
  const transport = openTransport(conn);
  try {
    const leaseApi = createVaultApi({ addr: conn.addr, namespace: conn.namespace, token, transport });
    const tokenApi = revokeToken ? leaseApi.with({ namespace: conn.authNamespace }) : undefined;
    const report = await revokeAll(leaseApi, leases, tokenApi);
    for (const failure of report.failures)
      core.warning(`${masks.redact(failure)} The credentials expire at their TTL instead.`);
    const out = [];
    if (revokeToken)
      out.push(report.tokenRevoked ? 'revoked the Vault token' : 'could not revoke the Vault token (see warnings)');
    if (leases.length > 0)
      out.push(
        `revoked ${report.leasesRevoked} of ${leases.length} lease(s)${report.tokenRevoked ? ' with the token' : ''}`,
      );
    return out;
  } finally {
    transport.close();
  }
}
