// Paths as the OS the step runs on reads them: node:path's posix or win32 rules picked by
// platform, so each rule is tested with Windows paths (drive letters, backslashes, UNC,
// case-insensitive names) on Linux.
import path from 'node:path';

export type PathApi = typeof path.posix;

export function pathApi(platform: NodeJS.Platform = process.platform): PathApi {
  return platform === 'win32' ? path.win32 : path.posix;
}

/**
 * Whether `child` is `parent` or lies below it, compared as `platform` compares paths
 * (Windows: either separator, any case, `C:` and `c:` alike). Both absolute. Pure.
 */
export function isWithin(child: string, parent: string, platform: NodeJS.Platform = process.platform): boolean {
  const p = pathApi(platform);
  const rel = p.relative(p.resolve(parent), p.resolve(child));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${p.sep}`) && !p.isAbsolute(rel));
}
