// files-owner: the files folder and each file in it given to one uid (and gid), modes
// unchanged (0700, 0600), so a container running as that non-root user reads exactly
// these secrets through a bind mount and nobody else on the machine does. chown needs
// root (CAP_CHOWN): a self-hosted runner running as root, or `sudo` around the job.
import { chownSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Owner {
  readonly uid: number;
  readonly gid: number;
}

/**
 * `UID` or `UID:GID`, numbers only (names mean different users inside and outside a container).
 * Refused on Windows, which has no uids and where Node's chown does nothing: it would promise what it cannot do.
 */
export function parseOwner(text: string, platform: NodeJS.Platform = process.platform): Owner {
  if (platform === 'win32')
    throw new Error(
      'files-owner: Windows has no uids (chown does nothing there): drop files-owner; the session folder is already restricted to the runner user by an ACL.',
    );
  const m = /^(\d{1,10})(?::(\d{1,10}))?$/.exec(text);
  if (!m) throw new Error(`files-owner: "${text}" is not UID or UID:GID in numbers (e.g. 1000 or 1000:1000).`);
  const uid = Number(m[1]);
  return { uid, gid: m[2] === undefined ? uid : Number(m[2]) };
}

/** Gives `dir` and the regular files directly in it to `owner`; returns how many files. */
export function giveFiles(dir: string, owner: Owner): number {
  let files = 0;
  try {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (!lstatSync(path).isFile()) continue; // a link is never followed to another file
      chownSync(path, owner.uid, owner.gid);
      files++;
    }
    chownSync(dir, owner.uid, owner.gid);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EPERM')
      throw new Error(
        `files-owner: changing the owner needs root: run the runner as root (self-hosted), or drop files-owner and grant read access yourself, e.g. \`setfacl -m u:${owner.uid}:r "$NAME_FILE"\` and \`setfacl -m u:${owner.uid}:x "$FILES_DIR"\`.`,
        { cause: err },
      );
    throw err;
  }
  return files;
}
