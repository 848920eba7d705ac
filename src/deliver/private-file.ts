import { closeSync, constants, fchmodSync, fsyncSync, openSync, writeSync } from 'node:fs';

/**
 * Creates `path` as a new 0600 file holding `data`. O_EXCL refuses a file or symlink
 * already there (nobody can pre-plant a link to redirect a secret), and fchmod sets the
 * mode exactly whatever the umask.
 */
export function writePrivateFile(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
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
