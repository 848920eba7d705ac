// Delivering the values that changed, as main delivered them, each write atomic: a
// reader of a file or of the env-file sees the old value or the new one, never half.
import * as core from '@actions/core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Delivery } from '../inputs/index.js';
import { Secret } from '../secret.js';
import type { SessionPaths } from '../state.js';
import { replacePrivateFile } from '../deliver/private-file.js';
import { renderEnvFile } from '../deliver/env-file.js';
import { deliverEnv, deliverOutputs } from '../deliver/env.js';
import { checkDelivery } from '../deliver/check.js';

export function deliverChanges(
  changed: readonly Secret[],
  deliveries: ReadonlySet<Delivery>,
  paths: SessionPaths,
): void {
  if (changed.length === 0) return;
  // Every refusal before the first write, as in main.
  checkDelivery(changed, deliveries);
  const envFile = deliveries.has('env-file') ? nextEnvFile(changed, paths.envFile) : undefined;
  if (deliveries.has('files')) {
    for (const s of changed) {
      const path = join(paths.files, s.name);
      const added = !existsSync(path);
      replacePrivateFile(path, s.reveal());
      if (added) core.exportVariable(`${s.name}_FILE`, path);
    }
  }
  if (envFile !== undefined) replacePrivateFile(paths.envFile, envFile);
  if (deliveries.has('env')) deliverEnv(changed, false);
  if (deliveries.has('outputs')) deliverOutputs(changed, false);
}

/** The env-file main wrote (NAME=VALUE lines, no line breaks in values), with the changed values in place. */
function nextEnvFile(changed: readonly Secret[], path: string): string {
  const entries = new Map<string, Secret>();
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) entries.set(line.slice(0, eq), new Secret(line.slice(0, eq), 'env-file', line.slice(eq + 1)));
  }
  for (const s of changed) entries.set(s.name, s);
  return renderEnvFile([...entries.values()]);
}
