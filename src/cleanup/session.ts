// Undoing what main left in its session: registry logins, the Vault token and leases,
// then every file (shredded). Returns the masked forms main recorded, which the leak
// guard needs after the files are gone, and lines for the summary.
import * as core from '@actions/core';
import type { MaskRegistry } from '../mask/registry.js';
import type { FormKind } from '../mask/forms.js';
import type { GuardForm } from '../guard/scanner.js';
import { loadDockerRecords, loadRevokeFlag, readForms, readRecords, sessionPaths } from '../state.js';
import { logoutAll } from '../docker/login.js';
import { revokeRecorded } from './revoke.js';
import { shredTree } from './shred.js';
import { say } from '../output.js';

export async function cleanSession(
  root: string,
  masks: MaskRegistry,
): Promise<{ lines: string[]; forms: GuardForm[] }> {
  const lines: string[] = [];
  const paths = sessionPaths(root);
  const records = readRecords(paths);
  if (records.token !== undefined) masks.addHandle('VAULT_TOKEN', records.token);
  for (const lease of records.leases) masks.addHandle('lease', lease);
  const forms = readForms(paths).map((f) => ({ ...f, kind: f.kind as FormKind }));

  const docker = loadDockerRecords();
  if (docker.configDir !== undefined && docker.registries.length > 0) {
    lines.push(...(await logoutAll(docker.registries, { DOCKER_CONFIG: docker.configDir })));
  }
  const revokeToken = loadRevokeFlag();
  if (records.token !== undefined && (records.leases.length > 0 || revokeToken)) {
    lines.push(...(await revokeRecorded(masks, records.token, records.leases, revokeToken)));
  }
  const shred = shredTree(root);
  for (const failure of shred.failures) core.warning(say`could not remove ${failure}`);
  lines.push(
    `shredded and removed ${shred.files} file(s), ${shred.bytes} byte(s), in ${root}${shred.failures.length ? ` (${shred.failures.length} left: see warnings)` : ''}`,
  );
  return { lines, forms };
}
