// Revocation at job end. A token this step logged in for is revoked with revoke-self,
// which also revokes its child tokens and every lease created with it (and needs no
// extra policy). Leases are revoked one by one only when the token stays (a token the
// user passed in) or revoke-self failed with an answer; that needs `update` on
// sys/leases/revoke. Once Vault is known down (a request gave up on the network) no
// lease is tried: all of it runs inside vault-revoke-timeout, and a miss is a warning.
import * as core from '@actions/core';
import { errorMessage } from '../errors.js';
import { readConnectionConfig } from '../inputs/index.js';
import type { MaskRegistry } from '../mask/registry.js';
import { createVaultApi, type VaultApi } from '../vault/client.js';
import { openTransport } from '../vault/connect.js';
import type { Cancel } from '../vault/transport.js';
import { mapSettled } from '../vault/pool.js';
import { inertMessage } from '../output.js';

export interface RevokeReport {
  leasesRevoked: number;
  tokenRevoked: boolean;
  failures: string[];
}

export interface RevokeTargets {
  /** Works in the secrets namespace. */
  readonly leaseApi: VaultApi;
  readonly leases: readonly string[];
  /** In the auth namespace, when the token is to go. */
  readonly tokenApi: VaultApi | undefined;
  /** True once a request gave up on the network (the transport's verdict). */
  readonly vaultDown: () => boolean;
}

/** Leases revoked at once after the first. */
const LEASE_CONCURRENCY = 4;

export async function revokeAll({ leaseApi, leases, tokenApi, vaultDown }: RevokeTargets): Promise<RevokeReport> {
  const report: RevokeReport = { leasesRevoked: 0, tokenRevoked: false, failures: [] };
  if (tokenApi) {
    try {
      await tokenApi.write('auth/token/revoke-self', {}, 'revoke token');
      return { ...report, tokenRevoked: true, leasesRevoked: leases.length };
    } catch (err) {
      report.failures.push(errorMessage(err));
    }
  }
  const revokeLease = async (id: string): Promise<boolean> => {
    if (vaultDown()) return false;
    await leaseApi.write('sys/leases/revoke', { lease_id: id }, 'revoke lease');
    return true;
  };
  // The first lease alone: if Vault does not answer it, the others are not tried at all.
  const results = [
    ...(await mapSettled(leases.slice(0, 1), 1, revokeLease)),
    ...(await mapSettled(leases.slice(1), LEASE_CONCURRENCY, revokeLease)),
  ];
  let skipped = 0;
  for (const r of results) {
    if (r.status === 'rejected') report.failures.push(errorMessage(r.reason));
    else if (r.value) report.leasesRevoked++;
    else skipped++;
  }
  if (skipped > 0) report.failures.push(`${skipped} lease(s) not tried: Vault is not answering.`);
  return report;
}

async function revokeCertificates(
  api: VaultApi,
  certificates: readonly { mount: string; serial: string }[],
  masks: MaskRegistry,
): Promise<string> {
  const results = await Promise.allSettled(
    certificates.map((c) => api.write(`${c.mount}/revoke`, { serial_number: c.serial }, 'revoke certificate')),
  );
  let revoked = 0;
  for (const r of results) {
    if (r.status === 'fulfilled') revoked++;
    else
      core.warning(
        inertMessage(`${masks.redact(errorMessage(r.reason))} The certificate stays valid until it expires.`),
      );
  }
  return `revoked ${revoked} of ${certificates.length} certificate(s)`;
}

/**
 * Post: revoke what main recorded, with the connection inputs read again. Vault being
 * unreachable or the inputs being wrong is a warning: the credentials then expire at
 * their TTL, and cleanup goes on. Returns lines for the summary.
 */
export async function revokeRecorded(
  masks: MaskRegistry,
  records: {
    token: string;
    leases: readonly string[];
    revokeToken: boolean;
    /** vault-pki certificates to revoke, before the token that may revoke them goes. */
    certificates: readonly { mount: string; serial: string }[];
    /** The child token later steps got: revoked first, whether the login token goes or stays. */
    childToken?: string | undefined;
  },
  /** Post's own cancel: no new request after a signal; those in flight get the grace. */
  cancel?: Cancel,
): Promise<string[]> {
  const { token, leases, revokeToken, certificates, childToken } = records;
  let conn;
  try {
    conn = readConnectionConfig(masks);
  } catch (err) {
    core.warning(inertMessage(`not revoking: ${errorMessage(err)}`));
    return ['revocation skipped: the Vault connection inputs are invalid'];
  }
  const transport = openTransport(conn, {
    timeoutMs: conn.revokeTimeoutMs,
    input: 'vault-revoke-timeout',
    ...(cancel ? { cancel } : {}),
  });
  try {
    const leaseApi = createVaultApi({ addr: conn.addr, namespace: conn.namespace, token, transport });
    const tokenApi = revokeToken ? leaseApi.with({ namespace: conn.authNamespace }) : undefined;
    const out = [];
    const child =
      childToken === undefined
        ? undefined
        : await revokeChild(leaseApi.with({ namespace: conn.authNamespace, token: childToken }));
    if (certificates.length > 0) out.push(await revokeCertificates(leaseApi, certificates, masks));
    const report = await revokeAll({ leaseApi, leases, tokenApi, vaultDown: () => transport.down });
    for (const failure of report.failures)
      core.warning(
        inertMessage(`${masks.redact(failure).replace(/([^.])$/, '$1.')} The credentials expire at their TTL instead.`),
      );
    if (child !== undefined) out.push(childOutcome(child, report.tokenRevoked, masks));
    if (revokeToken)
      out.push(report.tokenRevoked ? 'revoked the Vault token' : 'could not revoke the Vault token (see warnings)');
    // revoke-self answers before the server has revoked the token's leases: it does that in the background
    const how = report.tokenRevoked ? ' with the token (the server finishes in the background)' : '';
    if (leases.length > 0) out.push(`revoked ${report.leasesRevoked} of ${leases.length} lease(s)${how}`);
    return out;
  } finally {
    transport.close();
  }
}

/** revoke-self with the child itself: it needs no policy beyond default, and works when the login token stays. */
async function revokeChild(childApi: VaultApi): Promise<Error | true> {
  try {
    await childApi.write('auth/token/revoke-self', {}, 'revoke the child token');
    return true;
  } catch (err) {
    return err instanceof Error ? err : new Error(errorMessage(err));
  }
}

/** A child is also gone when its parent is: only a child that failed while the parent stays is a warning. */
function childOutcome(child: Error | true, parentRevoked: boolean, masks: MaskRegistry): string {
  if (child === true) return 'revoked the child token later steps got';
  if (parentRevoked) return 'revoked the child token later steps got, with the login token';
  core.warning(
    inertMessage(
      `${masks.redact(errorMessage(child)).replace(/([^.])$/, '$1.')} A child token whose uses are spent is already gone; otherwise it expires at its TTL (vault-child-ttl).`,
    ),
  );
  return 'could not revoke the child token (see warnings)';
}
