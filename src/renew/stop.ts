// Post's side of renewal: stop the helper before anything is shredded or revoked, so it
// cannot renew what post is revoking and its last log line lands, and hand back its log
// for the post log. What it needs (the pid, the log) is also read into memory first: a
// signal to post shreds the session at once (src/post.ts), and only signals the helper.
import { readFileSync } from 'node:fs';
import type { SessionPaths } from '../state.js';
import { helperIdentity, isRunning } from './process.js';

const STOP_WAIT_MS = 3000;

export interface RenewalRecord {
  readonly pid: number | undefined;
  readonly root: string;
  readonly logFile: string;
  /** The helper's log as it was when read: ids and times, never a value; untrusted text. */
  readonly log: readonly string[];
}

export function readRenewal(paths: SessionPaths): RenewalRecord {
  const pid = Number(readOr(paths.renewPidFile, '').trim());
  return {
    pid: Number.isInteger(pid) && pid > 0 ? pid : undefined,
    root: paths.root,
    logFile: paths.renewLog,
    log: readOr(paths.renewLog, '')
      .split('\n')
      .filter((l) => l !== ''),
  };
}

/**
 * SIGTERM to the helper if it still runs (a reused pid is never signalled): 'sent', 'gone',
 * or 'unknown' where this OS cannot confirm the pid is still the helper (Windows).
 */
export function signalRenewal(record: RenewalRecord): 'sent' | 'gone' | 'unknown' {
  if (record.pid === undefined || !isRunning(record.pid)) return 'gone';
  const identity = helperIdentity(record.pid, record.root);
  if (identity !== 'ours') return identity === 'unknown' ? 'unknown' : 'gone';
  process.kill(record.pid, 'SIGTERM');
  return 'sent';
}

export async function stopRenewal(record: RenewalRecord): Promise<string[]> {
  const { pid } = record;
  if (pid === undefined) return [];
  const lines: string[] = [];
  const signalled = signalRenewal(record);
  if (signalled === 'unknown') {
    lines.push(
      `the renewal helper (pid ${pid}) was not signalled: this OS cannot confirm that pid is still the helper; it stops by itself within 5 s of the job's end (it watches the runner process) or at its next renewal, which Vault refuses once post has revoked the token`,
    );
  } else if (signalled === 'sent') {
    const deadline = Date.now() + STOP_WAIT_MS;
    while (isRunning(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    lines.push(`stopped the renewal helper (pid ${pid})`);
  } else {
    lines.push(`the renewal helper (pid ${pid}) had already stopped`);
  }
  // the log as the helper left it (its last line says why it stopped), or as read before a shred
  const log = readOr(record.logFile, '')
    .split('\n')
    .filter((l) => l !== '');
  for (const line of log.length > 0 ? log : record.log) lines.push(`renewal: ${line}`);
  return lines;
}

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}
