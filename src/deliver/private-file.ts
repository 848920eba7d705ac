import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * O_NOFOLLOW where the OS has it. Windows has none (undefined in Node's constants): there
 * the callers' lstat before opening, and O_EXCL on create, are what refuses a link.
 */
export const O_NOFOLLOW: number = (constants as Partial<typeof constants>).O_NOFOLLOW ?? 0;

/**
 * Creates `path` as a new 0600 file holding `data`. O_EXCL refuses a file or symlink
 * already there (nobody can pre-plant a link to redirect a secret), and fchmod sets the
 * mode exactly whatever the umask.
 */
export function writePrivateFile(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW, 0o600);
  try {
    fchmodSync(fd, 0o600);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces `path` atomically: a new 0600 file in the same (0700) folder, then rename(2)
 * over the old one, so a reader opens the old value or the new one, never half of either.
 */
export function replacePrivateFile(path: string, data: string | Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writePrivateFile(temp, data);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
