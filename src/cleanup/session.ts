// Undoing what main left in its session: registry logins, every file (shredded), then
// the Vault token and leases. Files go before revocation: they sit on disk only as long
// as local work takes, whatever state Vault is in (revocation is bounded by
// vault-revoke-timeout and may take it all). The records are read into memory first.
// Returns the masked forms main recorded, which the leak guard needs after the files
// are gone, and lines for the summary.
import * as core from '@actions/core';
import type { MaskRegistry } from '../mask/registry.js';
import type { FormKind } from '../mask/forms.js';
import type { GuardForm } from '../guard/scanner.js';
import {
  loadDockerRecords,
  loadPkiRevokeFlag,
  loadRevokeFlag,
  readDestinations,
  readForms,
  readRecords,
  sessionPaths,
} from '../state.js';
import { logoutAll } from '../docker/login.js';
import { revokeRecorded } from './revoke.js';
import { shredDestinations, shredTree } from './shred.js';
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
  const outside = shredDestinations(readDestinations(paths));
  const shred = shredTree(root);
  shred.files += outside.files;
  shred.bytes += outside.bytes;
  shred.failures.push(...outside.failures);
  for (const failure of shred.failures) core.warning(say`could not remove ${failure}`);
  const shredLine = `shredded and removed ${shred.files} file(s), ${shred.bytes} byte(s), in ${root}${shred.failures.length ? ` (${shred.failures.length} left: see warnings)` : ''}`;
  const revokeToken = loadRevokeFlag();
  const certificates = loadPkiRevokeFlag() ? records.certificates : [];
  if (records.token !== undefined && (records.leases.length > 0 || revokeToken || certificates.length > 0)) {
    lines.push(
      ...(await revokeRecorded(masks, { token: records.token, leases: records.leases, revokeToken, certificates })),
    );
  }
  lines.push(shredLine);
  return { lines, forms };
}
