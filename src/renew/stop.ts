// Post's side of renewal: stop the helper before anything is revoked, so it cannot renew
// what post is revoking, and hand back its log for the post log. What it needs (the pid,
// the log) is read into memory first, because post shreds the session before it waits
// on anything (src/cleanup/session.ts), and a signal may shred it earlier still.
import { readFileSync } from 'node:fs';
import type { SessionPaths } from '../state.js';
import { isHelper, isRunning } from './process.js';

const STOP_WAIT_MS = 3000;

export interface RenewalRecord {
  readonly pid: number | undefined;
  readonly root: string;
  /** The helper's log as it was when read: ids and times, never a value; untrusted text. */
  readonly log: readonly string[];
}

export function readRenewal(paths: SessionPaths): RenewalRecord {
  const pid = Number(readOr(paths.renewPidFile, '').trim());
  return {
    pid: Number.isInteger(pid) && pid > 0 ? pid : undefined,
    root: paths.root,
    log: readOr(paths.renewLog, '')
      .split('\n')
      .filter((l) => l !== ''),
  };
}

/** SIGTERM to the helper if it still runs (a reused pid is never signalled); whether it was sent. */
export function signalRenewal(record: RenewalRecord): boolean {
  if (record.pid === undefined || !isRunning(record.pid) || !isHelper(record.pid, record.root)) return false;
  process.kill(record.pid, 'SIGTERM');
  return true;
}

export async function stopRenewal(record: RenewalRecord): Promise<string[]> {
  const { pid } = record;
  if (pid === undefined) return [];
  const lines: string[] = [];
  if (signalRenewal(record)) {
    const deadline = Date.now() + STOP_WAIT_MS;
    while (isRunning(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    lines.push(`stopped the renewal helper (pid ${pid})`);
  } else {
    lines.push(`the renewal helper (pid ${pid}) had already stopped`);
  }
  for (const line of record.log) lines.push(`renewal: ${line}`);
  return lines;
}

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}
