// Where a rendered template may go, and writing it there: a new 0600 file, recorded for
// post before a byte of it is written, removed again if the write fails half way.
import { closeSync, constants, fchmodSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync } from 'node:fs';
import { unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { isWithin, pathApi } from '../paths.js';
import { O_NOFOLLOW } from '../deliver/private-file.js';

/** The folders a destination is checked against. */
export interface Roots {
  readonly home: string | undefined;
  readonly runnerTemp: string | undefined;
  readonly workspace: string | undefined;
  readonly allowWorkspace: boolean;
}

export function rootsFromEnv(allowWorkspace: boolean): Roots {
  const env = (name: string): string | undefined => process.env[name] || undefined;
  return { home: env('HOME'), runnerTemp: env('RUNNER_TEMP'), workspace: env('GITHUB_WORKSPACE'), allowWorkspace };
}

/**
 * `~/x`, `$HOME/x`, `$RUNNER_TEMP/x` or an absolute path, as an absolute path (not yet
 * checked). On Windows `~\x` and `$RUNNER_TEMP\x` too, and absolute means a drive or UNC path.
 */
export function expandDestination(dest: string, roots: Roots, platform: NodeJS.Platform = process.platform): string {
  const p = pathApi(platform);
  const slash = platform === 'win32' ? String.raw`[\\/]` : '/';
  const m = new RegExp(String.raw`^(~|\$HOME|\$\{HOME\}|\$RUNNER_TEMP|\$\{RUNNER_TEMP\})(${slash}.*)$`).exec(dest);
  if (m) {
    const base = m[1]?.includes('RUNNER_TEMP') ? roots.runnerTemp : roots.home;
    if (base === undefined) throw new Error(`${m[1]} is not set in this step's environment.`);
    return p.resolve(base, `.${m[2] ?? ''}`);
  }
  if (!p.isAbsolute(dest) || (platform === 'win32' && !/^(?:[A-Za-z]:[\\/]|[\\/]{2})/.test(dest)))
    throw new Error('give a destination as ~/PATH, $HOME/PATH, $RUNNER_TEMP/PATH or an absolute path.');
  return p.resolve(dest);
}

/** Strictly below `root` (root itself is a folder, never a destination). */
const inside = (root: string | undefined, path: string, platform: NodeJS.Platform): boolean =>
  root !== undefined && isWithin(path, root, platform) && !isWithin(root, path, platform);

/**
 * Refuses a path outside $HOME and RUNNER_TEMP, and one in the workspace (which is what
 * gets uploaded and is often under $HOME) unless templates-allow-workspace is true.
 */
export function checkDestination(path: string, roots: Roots, platform: NodeJS.Platform = process.platform): void {
  const under = (root: string | undefined): boolean => inside(root, path, platform);
  if (under(roots.workspace) && !roots.allowWorkspace)
    throw new Error(
      `${path} is in the workspace, which artifacts and caches are made from: write it under ~ or $RUNNER_TEMP, or set templates-allow-workspace: true.`,
    );
  const allowed = under(roots.home) || under(roots.runnerTemp);
  if (!allowed && !(roots.allowWorkspace && under(roots.workspace)))
    throw new Error(`${path} is outside $HOME and $RUNNER_TEMP: a template goes only there (or in files-dir).`);
}

/**
 * Makes the missing parent folders (0700) and returns them outermost first, then checks
 * the real path again: a parent that is a link must not carry the file out of the roots.
 */
export function prepareDestination(path: string, roots: Roots): { real: string; dirs: string[] } {
  checkDestination(path, roots);
  const dirs: string[] = [];
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    try {
      realpathSync(dir);
      break;
    } catch {
      dirs.unshift(dir);
    }
  }
  for (const dir of dirs) mkdirSync(dir, { mode: 0o700 });
  const real = join(realpathSync(dirname(path)), basename(path));
  const realRoots = {
    ...roots,
    home: roots.home && realOr(roots.home),
    runnerTemp: roots.runnerTemp && realOr(roots.runnerTemp),
    workspace: roots.workspace && realOr(roots.workspace),
  };
  checkDestination(real, realRoots);
  return { real, dirs };
}

function realOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Creates `path` (O_EXCL, no link followed: an existing file, the user's own ~/.npmrc
 * say, is refused rather than overwritten and later shredded), calls `created` before
 * writing, and removes the file again if writing fails.
 */
export function writeNewFile(path: string, data: string, created: () => void = () => undefined): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW, 0o600);
  let written = false;
  try {
    created();
    fchmodSync(fd, 0o600);
    const bytes = Buffer.from(data, 'utf8');
    for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
    written = true;
  } finally {
    closeSync(fd);
    if (!written) unlinkSync(path);
  }
}

/** For a re-render: a new file next to `path`, then one rename, so a reader sees the old text or the new. */
export function replaceFile(path: string, data: string, created: (temp: string) => void = () => undefined): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  writeNewFile(temp, data, () => created(temp));
  renameSync(temp, path);
}
