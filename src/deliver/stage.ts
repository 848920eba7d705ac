// The delivery stage of main: files by default, the rest on request.
import * as core from '@actions/core';
import type { Delivery } from '../inputs/index.js';
import type { Secret } from '../secret.js';
import type { Session } from './session.js';
import { storageNote } from './storage.js';
import { deliverFiles } from './files.js';
import { deliverEnvFile } from './env-file.js';
import { deliverEnv, deliverOutputs } from './env.js';
import { checkDelivery } from './check.js';

/**
 * Returns NAME -> file path for the secrets delivered as files (empty otherwise).
 * `compat`: hashicorp/vault-action's env and outputs, announced by one notice in main, not warnings.
 */
export function deliverStage(
  secrets: readonly Secret[],
  deliveries: ReadonlySet<Delivery>,
  session: Session,
  compat = false,
): Map<string, string> {
  core.setOutput('names', secrets.map((s) => s.name).join(' '));
  if (secrets.length === 0) return new Map();
  checkDelivery(secrets, deliveries);
  let files = new Map<string, string>();
  if (deliveries.has('files')) {
    files = deliverFiles(secrets, session.files);
    core.info(
      `Wrote ${secrets.length} file(s)${process.platform === 'win32' ? '' : ' (0600)'} to ${session.files} (${storageNote(session.memoryBacked, process.platform)}); each path is in NAME_FILE.`,
    );
  }
  if (deliveries.has('env-file')) {
    deliverEnvFile(secrets, session.envFile);
    core.info(`Wrote the env-file ${session.envFile} (0600) for docker run --env-file.`);
  }
  if (deliveries.has('env')) deliverEnv(secrets, !compat);
  if (deliveries.has('outputs')) deliverOutputs(secrets, !compat);
  return files;
}
