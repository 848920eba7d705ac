// Post's side of renewal: stop the helper (before anything is revoked, so it cannot
// renew what post is revoking) and hand back its log for the post log and summary.
import { readFileSync } from 'node:fs';
import type { SessionPaths } from '../state.js';
import { isHelper, isRunning } from './process.js';

const STOP_WAIT_MS = 3000;

export async function stopRenewal(paths: SessionPaths): Promise<string[]> {
  const pid = Number(readOr(paths.renewPidFile, '').trim());
  if (!Number.isInteger(pid) || pid <= 0) return [];
  const lines: string[] = [];
  if (isRunning(pid) && isHelper(pid, paths.root)) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + STOP_WAIT_MS;
    while (isRunning(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    lines.push(`stopped the renewal helper (pid ${pid})`);
  } else {
    lines.push(`the renewal helper (pid ${pid}) had already stopped`);
  }
  // Ids and times only; the caller prints them as untrusted text.
  for (const line of readOr(paths.renewLog, '').split('\n')) if (line !== '') lines.push(`renewal: ${line}`);
  return lines;
}

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}
