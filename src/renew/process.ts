// The renewal helper as a process: is it (still) running, and is that pid ours. Linux
// answers from /proc, macOS from ps; Windows has neither, and there a pid is never
// signalled on a guess (it could be any process now): the helper ends by itself when
// the runner process it watches is gone or Vault refuses the token post revoked.
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
    return true; // no /proc (macOS, Windows): kill(0) is all there is
  }
}

/** Where a pid's command line can be read on `platform`: /proc, ps, or nowhere. Pure. */
export function commandSource(platform: NodeJS.Platform): 'proc' | 'ps' | 'none' {
  if (platform === 'linux') return 'proc';
  return platform === 'win32' ? 'none' : 'ps';
}

/** pid's command line, or undefined when this OS cannot tell (then it is never taken for ours). */
export function commandLine(pid: number, platform: NodeJS.Platform = process.platform): string | undefined {
  const source = commandSource(platform);
  if (source === 'none') return undefined;
  if (source === 'proc') {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      // no /proc mounted (some containers): ps below
    }
  }
  // -ww: the whole command line, never cut to a terminal's width (BSD ps on macOS would)
  const ps = spawnSync('ps', ['-ww', '-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
  return ps.error ? undefined : ps.stdout;
}

/**
 * Whether `pid` runs the renewal helper for this session (a pid can be reused once its
 * process is gone): 'unknown' where the command line cannot be read.
 */
export function helperIdentity(
  pid: number,
  root: string,
  platform: NodeJS.Platform = process.platform,
): 'ours' | 'other' | 'unknown' {
  const command = commandLine(pid, platform);
  if (command === undefined) return 'unknown';
  return command.includes('renew.js') && command.includes(root) ? 'ours' : 'other';
}

/** Whether `pid` is this session's helper, for certain. */
export function isHelper(pid: number, root: string): boolean {
  return helperIdentity(pid, root) === 'ours';
}
