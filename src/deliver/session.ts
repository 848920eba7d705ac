// Where the session folder goes: memory-backed storage when the machine has it, so
// secrets never touch a disk, else the runner's temp folder (emptied after each job).
import { accessSync, constants, mkdirSync, mkdtempSync, statfsSync, statSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveSessionRoot, sessionPaths, type SessionPaths } from '../state.js';
import { joinJobSessions, writeSessionRecord } from '../cleanup/sessions.js';

const TMPFS_MAGIC = 0x01021994;

export interface Session extends SessionPaths {
  readonly memoryBacked: boolean;
}

/** What a sweep needs to know of a session: the Vault it talks to (sessions.ts vaultId), whether its token goes. */
export interface SessionOwnerFacts {
  readonly vault: string | undefined;
  readonly revokeToken: boolean;
}

/**
 * Creates root, files/ and private/ (all 0700), records root for post first, then the
 * owner record (a folder without one is never swept) and the job's session list.
 */
export function createSession(base: string, facts: SessionOwnerFacts): Session {
  const root = mkdtempSync(join(base, 'vault-secrets-'));
  chmodSync(root, 0o700);
  saveSessionRoot(root);
  writeSessionRecord(root, facts);
  joinJobSessions(root);
  const paths = sessionPaths(root);
  mkdirSync(paths.files, { mode: 0o700 });
  mkdirSync(paths.private, { mode: 0o700 });
  return { ...paths, memoryBacked: isMemoryBacked(root) };
}

/** files-base-dir, else memory-backed /dev/shm, else the runner's temp folder. */
export function sessionBase(override: string | undefined): string {
  return override ?? chooseBase();
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
