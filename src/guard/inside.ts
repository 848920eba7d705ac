// on-leak delete removes only what lies where the user pointed: a path that reaches
// outside through a link (a folder in the workspace that points at /etc, a home folder,
// another job's files) is never deleted. A hit is judged against the widest known tree
// that holds it (the workspace, HOME, RUNNER_TEMP, else the root it was found under):
// its real path must be that tree's real path plus the same remainder, so no link
// anywhere below the tree's top was followed. Links above it (a workspace that is itself
// a link) are fine.
import { realpathSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isWithin } from '../paths.js';

export interface Outside {
  /** The tree the path should have stayed in. */
  readonly anchor: string;
  /** Where it really leads ('' when it cannot be resolved). */
  readonly real: string;
}

const under = (path: string, dir: string): boolean => isWithin(path, dir);

/** Undefined when `path` stays inside its tree; else where it leads. `trees`: folders, as given (not resolved). */
export function leadsOutside(path: string, trees: readonly string[]): Outside | undefined {
  const abs = resolve(path);
  const anchor =
    trees
      .map((t) => resolve(t))
      .filter((t) => under(abs, t))
      .sort((a, b) => a.length - b.length)[0] ?? dirname(abs);
  let real: string;
  let top: string;
  try {
    real = realpathSync(abs);
    top = realpathSync(anchor);
  } catch {
    return { anchor, real: '' };
  }
  return real === join(top, relative(anchor, abs)) ? undefined : { anchor, real };
}
