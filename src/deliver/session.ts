// Where the session folder goes: memory-backed storage when the machine has it, so
// secrets never touch a disk, else the runner's temp folder (emptied after each job).
// The choice is pure (platform, environment and probes as parameters) so every OS's
// answer is tested on Linux; only the probes and the Windows ACL touch the machine.
import { accessSync, constants, mkdirSync, mkdtempSync, statfsSync, statSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveSessionRoot, sessionPaths, type SessionPaths } from '../state.js';
import { joinJobSessions, writeSessionRecord } from '../cleanup/sessions.js';
import { restrictToRunnerUser } from './acl.js';

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
 * owner record (a folder without one is never swept) and the job's session list. On
 * Windows, where modes mean nothing, an ACL for the runner user and SYSTEM goes on root
 * before anything is written in it; what is made inside inherits it.
 */
export function createSession(base: string, facts: SessionOwnerFacts): Session {
  const root = mkdtempSync(join(base, 'vault-secrets-'));
  chmodSync(root, 0o700);
  saveSessionRoot(root);
  if (process.platform === 'win32') restrictToRunnerUser(root);
  writeSessionRecord(root, facts);
  joinJobSessions(root);
  const paths = sessionPaths(root);
  mkdirSync(paths.files, { mode: 0o700 });
  mkdirSync(paths.private, { mode: 0o700 });
  return { ...paths, memoryBacked: isMemoryBacked(root) };
}

/** What the choice asks of the machine: separate so each platform's answer is tested with chosen facts. */
export interface BaseProbe {
  readonly writableDir: (dir: string) => boolean;
  readonly memoryBacked: (dir: string) => boolean;
}

export interface BaseChoiceInput {
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
  /** os.tmpdir(): TMPDIR (macOS: the per-user 0700 folder under /var/folders), TEMP on Windows. */
  readonly tmp: string;
  readonly probe: BaseProbe;
}

/**
 * Linux: /dev/shm when it is tmpfs. Everywhere else, and on Linux without it: RUNNER_TEMP
 * before the user's temp folder, because the runner empties RUNNER_TEMP after every job,
 * so a job killed before its post leaves nothing on disk for the next one (macOS's
 * per-user TMPDIR is private too, but only purged after days). The session folder is
 * 0700 (an ACL on Windows) whatever its parent is. Pure.
 */
export function chooseSessionBase({ platform, env, tmp, probe }: BaseChoiceInput): string {
  const candidates = [platform === 'linux' ? '/dev/shm' : undefined, env['RUNNER_TEMP'], tmp];
  for (const dir of candidates) {
    if (dir && probe.writableDir(dir) && (dir !== '/dev/shm' || probe.memoryBacked(dir))) return dir;
  }
  return tmp;
}

/** files-base-dir, else memory-backed /dev/shm, else the runner's temp folder. */
export function sessionBase(override: string | undefined): string {
  return (
    override ??
    chooseSessionBase({
      platform: process.platform,
      env: process.env,
      tmp: tmpdir(),
      probe: { writableDir: isWritableDir, memoryBacked: isMemoryBacked },
    })
  );
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
