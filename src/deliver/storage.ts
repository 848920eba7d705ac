// What "where the files are" means on each OS, for the step log and the job summary.

/** How the summary and the log describe where the files are: what it means on this OS. Pure. */
export function storageNote(memoryBacked: boolean, platform: NodeJS.Platform): string {
  if (memoryBacked) return 'memory-backed (tmpfs): never written to a disk';
  const protection =
    platform === 'win32' ? 'readable by the runner user and SYSTEM only (ACL)' : 'a 0700 folder of 0600 files';
  const fs = platform === 'win32' ? 'NTFS' : platform === 'darwin' ? 'APFS' : 'this file system';
  return `not memory-backed: on disk, ${protection}; the post step overwrites and removes them (on ${fs} and SSDs the overwrite is best effort)`;
}
