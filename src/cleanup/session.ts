// Undoing what main left in its session, in two phases. Local first and always: the
// records are read into memory, then every file is shredded and removed (secrets,
// private/vault-token, private/forms, the job's docker/config.json), synchronously, so
// no signal can land in the middle and nothing waits on a peer first. Then the work
// that waits on others, at once: registry logouts (only for a DOCKER_CONFIG outside the
// session; the job's own went with the shred) and the Vault token, leases and
// certificates. A cancel during that phase costs only what is still in flight there.
// Returns the masked forms main recorded, which the leak guard needs after the files
// are gone, and lines for the summary.
import * as core from '@actions/core';
import type { MaskRegistry } from '../mask/registry.js';
import type { FormKind } from '../mask/forms.js';
import type { GuardForm } from '../guard/scanner.js';
import type { Cancel } from '../vault/transport.js';
import {
  loadDockerRecords,
  loadPkiRevokeFlag,
  loadRevokeFlag,
  readDestinations,
  readForms,
  readChildToken,
  readRecords,
  sessionPaths,
  type DockerRecords,
  type Records,
} from '../state.js';
import { logoutAll } from '../docker/login.js';
import { revokeRecorded } from './revoke.js';
import { shredDestinations, shredTree } from './shred.js';
import { say } from '../output.js';
import { isWithin } from '../paths.js';

export interface LocalCleanup {
  /** What main recorded for the leak guard. */
  readonly forms: GuardForm[];
  /** The shred's summary line. */
  readonly line: string;
  /** Logouts and revocation, from what was read before the shred. */
  readonly remote: (cancel?: Cancel) => Promise<string[]>;
}

export function cleanLocal(root: string, masks: MaskRegistry): LocalCleanup {
  const paths = sessionPaths(root);
  const records = { ...readRecords(paths), childToken: readChildToken(paths) };
  if (records.token !== undefined) masks.addHandle('VAULT_TOKEN', records.token);
  if (records.childToken !== undefined) masks.addHandle('VAULT_CHILD_TOKEN', records.childToken);
  for (const lease of records.leases) masks.addHandle('lease', lease);
  const forms = readForms(paths).map((f) => ({ ...f, kind: f.kind as FormKind }));
  const docker = loadDockerRecords();
  const outside = shredDestinations(readDestinations(paths));
  const shred = shredTree(root);
  shred.files += outside.files;
  shred.bytes += outside.bytes;
  shred.failures.push(...outside.failures);
  for (const failure of shred.failures) core.warning(say`could not remove ${failure}`);
  const line = `shredded and removed ${shred.files} file(s), ${shred.bytes} byte(s), in ${root}${shred.failures.length ? ` (${shred.failures.length} left: see warnings)` : ''}`;
  return {
    forms,
    line,
    remote: async (cancel) => {
      const [logouts, revoked] = await Promise.all([logout(docker, root), revoke(records, masks, cancel)]);
      return [...logouts, ...revoked];
    },
  };
}

async function logout(docker: DockerRecords, root: string): Promise<string[]> {
  if (docker.configDir === undefined || docker.registries.length === 0) return [];
  // docker-config job: the credentials lived only in the session's config.json, now shredded
  // (a logout there would write a fresh config.json into the removed folder).
  if (isWithin(docker.configDir, root))
    return docker.registries.map((r) => `logged out of ${r} (the job's DOCKER_CONFIG was shredded)`);
  return logoutAll(docker.registries, { DOCKER_CONFIG: docker.configDir });
}

async function revoke(
  records: Records & { childToken: string | undefined },
  masks: MaskRegistry,
  cancel: Cancel | undefined,
): Promise<string[]> {
  const revokeToken = loadRevokeFlag();
  const certificates = loadPkiRevokeFlag() ? records.certificates : [];
  const { childToken } = records;
  if (
    records.token === undefined ||
    (records.leases.length === 0 && !revokeToken && certificates.length === 0 && childToken === undefined)
  )
    return [];
  return revokeRecorded(
    masks,
    { token: records.token, leases: records.leases, revokeToken, certificates, childToken },
    cancel,
  );
}
