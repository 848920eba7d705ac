// Where the session folder goes: memory-backed storage when the machine has it, so
// secrets never touch a disk, else the runner's temp folder (emptied after each job).
import { accessSync, constants, mkdirSync, mkdtempSync, statfsSync, statSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveSessionRoot, sessionPaths, type SessionPaths } from '../state.js';

const TMPFS_MAGIC = 0x01021994;

export interface Session extends SessionPaths {
  readonly memoryBacked: boolean;
}

/** Creates root, files/ and private/ (all 0700) and records root for post first. */
export function createSession(baseOverride: string | undefined): Session {
  const base = baseOverride ?? chooseBase();
  const root = mkdtempSync(join(base, 'vault-secrets-'));
  chmodSync(root, 0o700);
  saveSessionRoot(root);
  const paths = sessionPaths(root);
  mkdirSync(paths.files, { mode: 0o700 });
  mkdirSync(paths.private, { mode: 0o700 });
  return { ...paths, memoryBacked: isMemoryBacked(root) };
}

function chooseBase(): string {
  const candidates = ['/dev/shm', process.env['RUNNER_TEMP'], tmpdir()];
  for (const dir of candidates) {
    if (dir && isWritableDir(dir) && (dir !== '/dev/shm' || isMemoryBacked(dir))) return dir;
  }
  return tmpdir();
}

function isWritableDir(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function isMemoryBacked(dir: string): boolean {
  try {
    return statfsSync(dir).type === TMPFS_MAGIC;
  } catch {
    return false;
  }
}
