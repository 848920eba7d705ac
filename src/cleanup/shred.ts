import {
  closeSync,
  constants,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  rmdirSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { randomFillSync } from 'node:crypto';
import { join } from 'node:path';

export interface ShredReport {
  files: number;
  bytes: number;
  /** Paths that could not be removed, with the reason (paths are never secret here). */
  failures: string[];
}

/**
 * Overwrites every regular file under `root` with random bytes, syncs, then removes
 * files, links and folders bottom-up. Links are removed, never followed. On tmpfs the
 * overwrite is cheap; on a disk it keeps the bytes out of the freed blocks as far as a
 * journaling file system allows.
 */
export function shredTree(root: string): ShredReport {
  const report: ShredReport = { files: 0, bytes: 0, failures: [] };
  visit(root, report);
  return report;
}

function visit(path: string, report: ShredReport): void {
  let st;
  try {
    st = lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      report.failures.push(`${path}: ${(err as NodeJS.ErrnoException).code}`);
    return;
  }
  try {
    if (st.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry), report);
      rmdirSync(path);
      return;
    }
    if (st.isFile()) {
      overwrite(path, st.size);
      report.files++;
      report.bytes += st.size;
    }
    unlinkSync(path);
  } catch (err) {
    report.failures.push(`${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

function overwrite(path: string, size: number): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_NOFOLLOW);
  try {
    const chunk = Buffer.alloc(Math.min(size, 1 << 16));
    for (let offset = 0; offset < size; offset += chunk.length) {
      const n = Math.min(chunk.length, size - offset);
      randomFillSync(chunk, 0, n);
      writeSync(fd, chunk, 0, n, offset);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Files written outside the session (rendered templates' destinations): each shredded
 * like a session file, then the folders made for it, innermost first, when empty. A
 * destination that is now a folder or a link is removed only if a link, never followed.
 */
export function shredDestinations(destinations: readonly { path: string; dirs: readonly string[] }[]): ShredReport {
  const report: ShredReport = { files: 0, bytes: 0, failures: [] };
  for (const d of destinations) {
    let st;
    try {
      st = lstatSync(d.path);
    } catch {
      st = undefined; // gone already (a re-render's temp file after its rename)
    }
    if (st?.isDirectory()) report.failures.push(`${d.path}: a folder now, left alone`);
    else if (st) visit(d.path, report);
    for (const dir of [...d.dirs].reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        // not empty (something else lives there now) or gone: left as it is
      }
    }
  }
  return report;
}
