// The post step (post-if: always()): log out of the registries main logged in to,
// revoke leases and the token main obtained, shred and remove the session folder (the
// job's DOCKER_CONFIG included), then scan what the job keeps for leaked secrets and
// save the cache only when it is clean. It works from what main recorded as it went,
// so it cleans up after a failed, crashed or cancelled main too; a Vault it cannot
// reach only costs a warning: the files go regardless.
import * as core from '@actions/core';
import { readConnectionConfig, readGuardConfig, type GuardConfig } from './inputs/index.js';
import { MaskRegistry } from './mask/registry.js';
import type { FormKind } from './mask/forms.js';
import { loadDockerRecords, loadMainCompleted, loadRevokeFlag, loadSessionRoot, readForms, readRecords, sessionPaths } from './state.js';
import { logoutAll } from './docker/login.js';
import { shredTree } from './cleanup/shred.js';
import { revokeAll } from './cleanup/revoke.js';
import { openTransport } from './vault/connect.js';
import { createVaultApi } from './vault/client.js';
import { guardStage, expandGlobs, hitsUnder } from './guard/stage.js';
import { saveStage } from './cache/stage.js';
import { writePostSummary } from './report/summary.js';

async function run(masks: MaskRegistry): Promise<void> {
  const lines: string[] = [];
  const root = loadSessionRoot();
  let forms: Array<{ text: string; name: string; kind: FormKind }> = [];
  if (root === undefined) {
    core.info('Nothing to clean up: the main step made no session folder.');
  } else {
    const paths = sessionPaths(root);
    const records = readRecords(paths);
    if (records.token !== undefined) masks.addHandle('VAULT_TOKEN', records.token);
    for (const lease of records.leases) masks.addHandle('lease', lease);
    forms = readForms(paths).map((f) => ({ ...f, kind: f.kind as FormKind }));
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
  }
  for (const line of lines) core.info(line);

  const guard = readGuard();
  const outcome = guard ? await guardStage(guard, forms) : undefined;
  if (guard?.cache) {
    if (loadMainCompleted()) {
      const dirty = outcome ? hitsUnder(outcome.hits, await expandGlobs(guard.cache.paths)).length : 0;
      lines.push(await saveStage(guard.cache, dirty));
    } else {
      lines.push(`cache ${guard.cache.key}: not saved, the main step did not finish`);
    }
  }
  await writePostSummary(lines, outcome?.lines ?? []);
  if (outcome?.failed) {
    core.setFailed(`leak guard: ${outcome.hits.length} secret hit(s) in ${new Set(outcome.hits.map((h) => h.path)).size} file(s) (see the annotations). Remove them, or set on-leak: delete or warn.`);
  }
}

function readGuard(): GuardConfig | undefined {
  try {
    return readGuardConfig();
  } catch (err) {
    core.warning(`leak guard skipped: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
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
