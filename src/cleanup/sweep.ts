// Main's first act on a self-hosted runner: remove what killed jobs left (sessions.ts
// decides which), then try, within a few seconds, to revoke the tokens and leases they
// recorded, at this run's Vault only (the record names it by hash). One line says what
// happened; tokens are masked before any request, and nothing quotes a value.
import * as core from '@actions/core';
import type { ConnectionConfig } from '../inputs/index.js';
import type { MaskRegistry } from '../mask/registry.js';
import { createVaultApi } from '../vault/client.js';
import { openTransport } from '../vault/connect.js';
import { revokeAll } from './revoke.js';
import { canJudgeOwners, sweepStaleSessions, vaultId, type Swept } from './sessions.js';
import { say } from '../output.js';

/** All revocation for every stale session together: a dead job's Vault must not hold up this one. */
export const SWEEP_REVOKE_MS = 3000;

export interface SweepInput {
  readonly base: string;
  /** stale-session-minutes; undefined: off. */
  readonly minAgeMs: number | undefined;
  /** This run's Vault, if it talks to one. */
  readonly connection: ConnectionConfig | undefined;
  readonly masks: MaskRegistry;
}

export async function sweepStage({ base, minAgeMs, connection, masks }: SweepInput): Promise<void> {
  if (minAgeMs === undefined) return;
  if (!canJudgeOwners(process.platform)) {
    core.info(
      `stale-session-minutes: no sweep on ${process.platform} (telling a dead job's session from a live one needs Linux's /proc); the runner empties RUNNER_TEMP after each job.`,
    );
    return;
  }
  const swept = sweepStaleSessions(base, minAgeMs);
  if (swept.length === 0) return;
  for (const s of swept) {
    if (s.records.token !== undefined) masks.addHandle('VAULT_TOKEN', s.records.token);
    if (s.records.childToken !== undefined) masks.addHandle('VAULT_CHILD_TOKEN', s.records.childToken);
    for (const lease of s.records.leases) masks.addHandle('lease', lease);
  }
  const files = swept.reduce((n, s) => n + s.files, 0);
  const failures = swept.reduce((n, s) => n + s.failures.length, 0);
  const revoked = await revokeSwept(swept, connection);
  core.info(
    say`removed ${swept.length} session(s) left in ${base} by jobs that are over (${files} file(s) shredded${failures ? `, ${failures} not removed` : ''}); ${revoked}`,
  );
}

async function revokeSwept(swept: readonly Swept[], connection: ConnectionConfig | undefined): Promise<string> {
  const withToken = swept.filter((s) => s.records.token !== undefined);
  if (withToken.length === 0) return 'nothing to revoke';
  const here = connection ? vaultId(connection) : undefined;
  const mine = withToken.filter((s) => s.record.vault !== undefined && s.record.vault === here);
  const elsewhere = withToken.length - mine.length;
  const tail = elsewhere > 0 ? `, ${elsewhere} recorded at another Vault not tried` : '';
  if (connection === undefined) return `${withToken.length} token(s) not revoked: this step talks to no Vault`;
  if (mine.length === 0) return `${withToken.length} token(s) recorded at another Vault than this step's: not revoked`;
  const transport = openTransport(connection, { timeoutMs: SWEEP_REVOKE_MS, input: 'vault-revoke-timeout' });
  try {
    const reports = await Promise.all(
      mine.map(async (s) => {
        const leaseApi = createVaultApi({
          addr: connection.addr,
          namespace: connection.namespace,
          token: s.records.token ?? '',
          transport,
        });
        const tokenApi = s.record.revokeToken ? leaseApi.with({ namespace: connection.authNamespace }) : undefined;
        // the child later steps got first (it is a child of the token passed in, which stays, with the token method)
        const child = s.records.childToken;
        const childRevoked =
          child === undefined
            ? false
            : await leaseApi
                .with({ namespace: connection.authNamespace, token: child })
                .write('auth/token/revoke-self', {}, 'revoke the child token')
                .then(
                  () => true,
                  () => false, // counted below: the line says how many of the children went
                );
        const report = await revokeAll({
          leaseApi,
          leases: s.records.leases,
          tokenApi,
          vaultDown: () => transport.down,
        });
        return { ...report, childRevoked };
      }),
    );
    const children = mine.filter((s) => s.records.childToken !== undefined).length;
    const childLine =
      children > 0 ? `, ${reports.filter((r) => r.childRevoked).length} of ${children} child token(s)` : '';
    const tokens = reports.filter((r) => r.tokenRevoked).length;
    const askedTokens = mine.filter((s) => s.record.revokeToken).length;
    const leases = reports.reduce((n, r) => n + r.leasesRevoked, 0);
    const askedLeases = mine.reduce((n, s) => n + s.records.leases.length, 0);
    return `revoked ${tokens} of ${askedTokens} token(s) and ${leases} of ${askedLeases} lease(s)${childLine}${tail}`;
  } finally {
    transport.close();
  }
}
