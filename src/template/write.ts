// Where a rendered template may go, and writing it there: a new 0600 file, recorded for
// post before a byte of it is written, removed again if the write fails half way.
import { closeSync, constants, fchmodSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync } from 'node:fs';
import { unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

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

/** `~/x`, `$HOME/x`, `$RUNNER_TEMP/x` or an absolute path, as an absolute path (not yet checked). */
export function expandDestination(dest: string, roots: Roots): string {
  const m = /^(~|\$HOME|\$\{HOME\}|\$RUNNER_TEMP|\$\{RUNNER_TEMP\})(\/.*)$/.exec(dest);
  if (m) {
    const base = m[1]?.includes('RUNNER_TEMP') ? roots.runnerTemp : roots.home;
    if (base === undefined) throw new Error(`${m[1]} is not set in this step's environment.`);
    return resolve(base, `.${m[2] ?? ''}`);
  }
  if (!isAbsolute(dest))
    throw new Error('give a destination as ~/PATH, $HOME/PATH, $RUNNER_TEMP/PATH or an absolute path.');
  return resolve(dest);
}

const inside = (root: string | undefined, path: string): boolean => {
  if (root === undefined) return false;
  const rel = relative(resolve(root), path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
};

/**
 * Refuses a path outside $HOME and RUNNER_TEMP, and one in the workspace (which is what
 * gets uploaded and is often under $HOME) unless templates-allow-workspace is true.
 */
export function checkDestination(path: string, roots: Roots): void {
  if (inside(roots.workspace, path) && !roots.allowWorkspace)
    throw new Error(
      `${path} is in the workspace, which artifacts and caches are made from: write it under ~ or $RUNNER_TEMP, or set templates-allow-workspace: true.`,
    );
  const allowed = inside(roots.home, path) || inside(roots.runnerTemp, path);
  if (!allowed && !(roots.allowWorkspace && inside(roots.workspace, path)))
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
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
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
