// The renewal helper as a process: is it (still) running, and is that pid ours.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** Running and not a zombie (a helper reparented to a PID 1 that does not reap stays one). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // /proc/PID/stat: "pid (comm) S ...", the state after the last ')'
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): kill(0) is all there is
  }
}

/** Whether `pid` runs the renewal helper for this session (a pid can be reused once its process is gone). */
export function isHelper(pid: number, root: string): boolean {
  let command: string;
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    command = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).stdout;
  }
  return command.includes('renew.js') && command.includes(root);
}
