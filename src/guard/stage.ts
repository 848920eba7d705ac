// The leak guard in post: after this action's own files are gone, scan what the job
// is about to keep (caches, build output, config files) for every form of every
// secret, and act on hits as on-leak says.
import * as core from '@actions/core';
import * as glob from '@actions/glob';
import { rmSync } from 'node:fs';
import { sep } from 'node:path';
import type { GuardConfig } from '../inputs/index.js';
import { Scanner, type GuardForm, type Hit } from './scanner.js';
import { addLineNumbers, tally, where } from './report.js';
import { inertMessage, inertProperties, say } from '../output.js';

export interface GuardOutcome {
  readonly roots: readonly string[];
  readonly hits: readonly Hit[];
  readonly files: number;
  readonly bytes: number;
  readonly millis: number;
  /** Hits under cache-paths: a cache holding them is not saved. */
  readonly cacheHits: number;
  /** on-leak fail and something was found. */
  readonly failed: boolean;
  readonly lines: readonly string[];
}

/** Annotations beyond this many say "and N more" instead: a runner shows at most 10 per step anyway. */
const MAX_ANNOTATIONS = 50;

export async function guardStage(config: GuardConfig, forms: readonly GuardForm[]): Promise<GuardOutcome | undefined> {
  const patterns = [...config.scanPaths, ...(config.cache?.paths ?? [])];
  if (patterns.length === 0) return undefined;
  const roots = await expand(patterns);
  const started = Date.now();
  const scanner = new Scanner(forms);
  if (scanner.empty) {
    const lines = ['leak guard: no secret was fetched, nothing to look for'];
    return { roots, hits: [], files: 0, bytes: 0, millis: 0, cacheHits: 0, failed: false, lines };
  }
  await core.group(`Leak guard: scan ${roots.length} path(s)`, async () => {
    for (const root of roots) await scanner.scanPath(root);
  });
  addLineNumbers(scanner.hits);
  const { hits, stats } = scanner;
  const millis = Date.now() - started;
  for (const note of stats.notes) core.info(say`leak guard could not read ${note}`);
  if (stats.dropped > 0)
    core.warning(`leak guard: ${stats.dropped} more hit(s) past the first ${hits.length} were counted but not listed`);
  const lines = [
    `leak guard: scanned ${stats.files} file(s), ${stats.bytes} byte(s) in ${millis} ms under ${roots.join(', ') || '(no path matched)'}: ${hits.length === 0 ? 'clean' : `${hits.length} hit(s)`}`,
    ...tally(hits).map((t) => `leak guard hit: ${t}`),
  ];
  // counted before act(): on-leak delete removes the files, the cache was still dirty
  const cacheHits = config.cache ? hitsUnder(hits, await expand(config.cache.paths)).length : 0;
  act(config.onLeak, hits);
  return {
    roots,
    hits,
    files: stats.files,
    bytes: stats.bytes,
    millis,
    cacheHits,
    failed: config.onLeak === 'fail' && hits.length > 0,
    lines,
  };
}

function act(onLeak: GuardConfig['onLeak'], hits: readonly Hit[]): void {
  hits.slice(0, MAX_ANNOTATIONS).forEach((hit) => {
    const message = `secret ${hit.name} (as ${hit.form}) found in ${where(hit)}`;
    const props = {
      title: 'Leaked secret',
      file: hit.path,
      ...(hit.line !== undefined ? { startLine: hit.line } : {}),
    };
    if (onLeak === 'fail') core.error(inertMessage(message), inertProperties(props));
    else core.warning(inertMessage(message), inertProperties(props));
  });
  if (hits.length > MAX_ANNOTATIONS)
    core.info(`leak guard: ${hits.length - MAX_ANNOTATIONS} more hit(s) not annotated`);
  if (onLeak !== 'delete') return;
  for (const path of new Set(hits.filter((h) => !h.path.startsWith('image ')).map((h) => h.path))) {
    rmSync(path, { force: true });
    core.warning(say`leak guard deleted ${path}: it held a secret (on-leak: delete)`);
  }
}

/** Globs to existing paths, links not followed; paths inside another listed path dropped. */
async function expand(patterns: readonly string[]): Promise<string[]> {
  const globber = await glob.create(patterns.join('\n'), {
    followSymbolicLinks: false,
    implicitDescendants: false,
    matchDirectories: true,
  });
  const found = [...new Set(await globber.glob())].sort();
  return found.filter((p, i) => !found.slice(0, i).some((q) => p.startsWith(q.endsWith(sep) ? q : q + sep)));
}

/** The hits that lie under one of `roots` (a cache about to be saved). */
function hitsUnder(hits: readonly Hit[], roots: readonly string[]): Hit[] {
  return hits.filter((h) => roots.some((r) => h.path === r || h.path.startsWith(r.endsWith(sep) ? r : r + sep)));
}
