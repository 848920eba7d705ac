import {
  chmodSync,
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
import { O_NOFOLLOW } from '../deliver/private-file.js';

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
 * journaling file system allows (copy-on-write APFS, NTFS on an SSD: best effort).
 * On Windows a read-only file can be neither written nor unlinked: its read-only bit
 * (all Node's chmod sets there) is cleared first.
 */
export function shredTree(root: string, platform: NodeJS.Platform = process.platform): ShredReport {
  const report: ShredReport = { files: 0, bytes: 0, failures: [] };
  visit(root, report, platform);
  return report;
}

/**
 * Why a file or folder stayed, for a warning. Windows refuses to remove a file another
 * process holds open (EBUSY, or EPERM): the fix is in the workflow, so the line says it. Pure.
 */
export function failureReason(code: string | undefined, platform: NodeJS.Platform): string {
  const c = code ?? 'error';
  if (platform === 'win32' && (c === 'EBUSY' || c === 'EPERM'))
    return `${c} (on Windows most likely open in another process: stop it before the job ends; the runner empties RUNNER_TEMP after the job)`;
  return c;
}

function visit(path: string, report: ShredReport, platform: NodeJS.Platform): void {
  let st;
  try {
    st = lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      report.failures.push(`${path}: ${failureReason((err as NodeJS.ErrnoException).code, platform)}`);
    return;
  }
  try {
    if (st.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry), report, platform);
      rmdirSync(path);
      return;
    }
    if (st.isFile()) {
      if (platform === 'win32') chmodSync(path, 0o600);
      overwrite(path, st.size);
      report.files++;
      report.bytes += st.size;
    }
    unlinkSync(path);
  } catch (err) {
    report.failures.push(`${path}: ${failureReason((err as NodeJS.ErrnoException).code, platform)}`);
  }
}

function overwrite(path: string, size: number): void {
  const fd = openSync(path, constants.O_WRONLY | O_NOFOLLOW);
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
    else if (st) visit(d.path, report, process.platform);
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
