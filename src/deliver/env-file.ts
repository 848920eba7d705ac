import * as core from '@actions/core';
import type { Secret } from '../secret.js';
import { writePrivateFile } from './private-file.js';

/**
 * `docker run --env-file` takes each line as NAME=VALUE up to the line end, with no
 * quoting and no escapes: a value with a line break cannot be carried, so it is refused
 * (not mangled), naming the secret and pointing at files.
 */
export function renderEnvFile(secrets: readonly Secret[]): string {
  const refused = secrets.filter((s) => /[\r\n\0]/.test(s.reveal())).map((s) => s.name);
  if (refused.length > 0) {
    throw new Error(
      `deliver env-file: ${refused.join(', ')} ${refused.length === 1 ? 'holds' : 'hold'} a line break or NUL, which docker --env-file cannot carry. ` +
        `Deliver ${refused.length === 1 ? 'it' : 'them'} as files (mount the files folder with -v DIR:/run/secrets:ro) or select single-line values.`,
    );
  }
  return secrets.map((s) => `${s.name}=${s.reveal()}\n`).join('');
}

export function deliverEnvFile(secrets: readonly Secret[], path: string): void {
  writePrivateFile(path, renderEnvFile(secrets));
  core.setOutput('env-file', path);
}
