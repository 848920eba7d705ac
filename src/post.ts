// The post step (post-if: always()): log out of the registries main logged in to,
// revoke leases and the token main obtained, then shred and remove the session folder
// (the job's DOCKER_CONFIG included). It works from what main recorded, so it cleans
// up after a failed, crashed or cancelled main too, and a Vault it cannot reach only
// costs a warning: the files go regardless.
import * as core from '@actions/core';
import { readConnectionConfig } from './inputs/index.js';
import { MaskRegistry } from './mask/registry.js';
import { loadDockerRecords, loadRevokeFlag, loadSessionRoot, readRecords, sessionPaths } from './state.js';
import { logoutAll } from './docker/login.js';
import { shredTree } from './cleanup/shred.js';
import { revokeAll } from './cleanup/revoke.js';
import { openTransport } from './vault/connect.js';
import { createVaultApi } from './vault/client.js';
import { writePostSummary } from './report/summary.js';

async function run(masks: MaskRegistry): Promise<void> {
  const root = loadSessionRoot();
  if (root === undefined) {
    core.info('Nothing to clean up: the main step made no session folder.');
    return;
  }
  const paths = sessionPaths(root);
  const records = readRecords(paths);
  if (records.token !== undefined) masks.addHandle('VAULT_TOKEN', records.token);
  for (const lease of records.leases) masks.addHandle('lease', lease);

  const lines: string[] = [];
  const docker = loadDockerRecords();
  if (docker.configDir !== undefined && docker.registries.length > 0) {
    lines.push(...(await logoutAll(docker.registries, { DOCKER_CONFIG: docker.configDir })));
  }
  const revokeToken = loadRevokeFlag();
  if (records.token !== undefined && (records.leases.length > 0 || revokeToken)) {
    lines.push(...(await revoke(masks, records.token, records.leases, revokeToken)));
  }
  const shred = shredTree(root);
  for (const failure of shred.failures) core.warning(`could not remove ${failure}`);
  lines.push(`shredded and removed ${shred.files} file(s), ${shred.bytes} byte(s), in ${root}${shred.failures.length ? ` (${shred.failures.length} left: see warnings)` : ''}`);
  for (const line of lines) core.info(line);
  await writePostSummary(lines);
}

async function revoke(masks: MaskRegistry, token: string, leases: readonly string[], revokeToken: boolean): Promise<string[]> {
  let conn;
  try {
    conn = readConnectionConfig(masks);
  } catch (err) {
    core.warning(`not revoking: ${err instanceof Error ? err.message : String(err)}`);
    return ['revocation skipped: the Vault connection inputs are invalid'];
  }
  const transport = openTransport(conn);
  try {
    const leaseApi = createVaultApi({ addr: conn.addr, namespace: conn.namespace, token, transport });
    const tokenApi = revokeToken ? leaseApi.with({ namespace: conn.authNamespace }) : undefined;
    const report = await revokeAll(leaseApi, leases, tokenApi);
    for (const failure of report.failures) core.warning(`${masks.redact(failure)} The credentials expire at their TTL instead.`);
    const out = [];
    if (revokeToken) out.push(report.tokenRevoked ? 'revoked the Vault token' : 'could not revoke the Vault token (see warnings)');
    if (leases.length > 0) out.push(`revoked ${report.leasesRevoked} of ${leases.length} lease(s)${report.tokenRevoked ? ' with the token' : ''}`);
    return out;
  } finally {
    transport.close();
  }
}

const masks = new MaskRegistry((value) => core.setSecret(value));
run(masks).catch((err: unknown) => {
  core.setFailed(masks.redact(err instanceof Error ? err.message : String(err)));
});
