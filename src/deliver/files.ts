import * as core from '@actions/core';
import { join } from 'node:path';
import type { Secret } from '../secret.js';
import { writePrivateFile } from './private-file.js';

/**
 * One 0600 file per secret, named NAME, in the session's files/ folder (0700): that
 * folder is what `docker run -v DIR:/run/secrets:ro` mounts. Later steps find each
 * file through NAME_FILE, a path and never a value.
 */
export function deliverFiles(secrets: readonly Secret[], dir: string): Map<string, string> {
  const paths = new Map<string, string>();
  for (const secret of secrets) {
    const path = join(dir, secret.name);
    writePrivateFile(path, secret.reveal());
    paths.set(secret.name, path);
    core.exportVariable(`${secret.name}_FILE`, path);
  }
  core.setOutput('files-dir', dir);
  return paths;
}
