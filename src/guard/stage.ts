// The leak guard, in post and in the guard sub-action: scan what the job is about to
// keep, upload or publish (files, folders, caches, an image) for every form of every
// secret, on every core, and act on hits as on-leak says; optionally write SARIF.
import * as core from '@actions/core';
import * as glob from '@actions/glob';
import { lstatSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import type { OnLeak } from '../inputs/index.js';
import { MIN_SECRET_LENGTH } from '../mask/forms.js';
import { Scanner, scannable, tooShortToScan, type GuardForm, type Hit, type ScanStats } from './scanner.js';
import { scanParallel } from './parallel.js';
import { scanImage } from './image.js';
import { addLineNumbers, tally, where } from './report.js';
import { inertMessage, inertProperties, say } from '../output.js';
import { toSarif } from './sarif.js';
import { Matcher } from './matcher.js';
import { zstdDecoder } from './decompress.js';
import { leadsOutside } from './inside.js';

export interface GuardRun {
  /** Globs of files and folders. */
  readonly paths: readonly string[];
  /** Globs of cache paths (scanned too; hits under them keep the cache from being saved). */
  readonly cachePaths: readonly string[];
  /** A docker image, streamed through `docker save`. */
  readonly image: string | undefined;
  readonly onLeak: OnLeak;
  readonly sarifFile: string | undefined;
  /** 0: one per core. */
  readonly workers: number;
}

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

export async function guardStage(run: GuardRun, forms: readonly GuardForm[]): Promise<GuardOutcome | undefined> {
  const patterns = [...run.paths, ...run.cachePaths];
  if (patterns.length === 0 && run.image === undefined) return undefined;
  const roots = patterns.length > 0 ? await expand(patterns) : [];
  const started = Date.now();
  const tooShort = tooShortToScan(forms);
  const shortLine =
    tooShort > 0
      ? [
          `leak guard: ${tooShort} value(s) shorter than ${MIN_SECRET_LENGTH} characters not looked for (they match ordinary text by chance); their longer encodings are`,
        ]
      : [];
  const usable = scannable(forms);
  if (usable.length === 0) {
    const lines = ['leak guard: no secret long enough to look for, nothing scanned', ...shortLine];
    writeSarif(run, [], forms);
    return { roots, hits: [], files: 0, bytes: 0, millis: 0, cacheHits: 0, failed: false, lines };
  }
  const result = await core.group(`Leak guard: scan ${roots.length} path(s)`, async () => {
    const scanned = roots.length > 0 ? await scanParallel(usable, roots, { workers: run.workers }) : undefined;
    const hits = scanned?.hits ?? [];
    const stats: ScanStats = scanned?.stats ?? { files: 0, bytes: 0, archives: 0, skipped: 0, notes: [], dropped: 0 };
    if (run.image !== undefined) {
      const scanner = new Scanner(usable);
      await scanImage(scanner, run.image, {});
      hits.push(...scanner.hits);
      stats.files += scanner.stats.files;
      stats.bytes += scanner.stats.bytes;
      stats.notes.push(...scanner.stats.notes);
      stats.dropped += scanner.stats.dropped;
    }
    return { hits, stats, workers: scanned?.workers ?? 0 };
  });
  const { hits, stats } = result;
  addLineNumbers(hits);
  const millis = Date.now() - started;
  for (const note of stats.notes) core.info(say`leak guard could not read ${note}`);
  if (stats.dropped > 0)
    core.warning(`leak guard: ${stats.dropped} more hit(s) past the first ${hits.length} were counted but not listed`);
  const under = [...roots, ...(run.image !== undefined ? [`image ${run.image}`] : [])];
  const lines = [
    `leak guard: scanned ${stats.files} file(s), ${stats.bytes} byte(s) in ${millis} ms on ${result.workers} thread(s) under ${under.join(', ') || '(no path matched)'}: ${hits.length === 0 ? 'clean' : `${hits.length} hit(s)`}`,
    ...tally(hits).map((t) => `leak guard hit: ${t}`),
    ...shortLine,
  ];
  if (stats.notes.some((n) => n.includes('zstd'))) lines.push(`leak guard: zstd decoded with ${zstdDecoder}`);
  writeSarif(run, hits, forms);
  if (run.sarifFile !== undefined) lines.push(`leak guard: SARIF written to ${run.sarifFile}`);
  // counted before act(): on-leak delete removes the files, the cache was still dirty
  const cacheHits = run.cachePaths.length > 0 ? hitsUnder(hits, await expand(run.cachePaths)).length : 0;
  const refused = act(run.onLeak, hits, { trees: deleteTrees(roots), redact: redactor(forms) });
  lines.push(...refused);
  return {
    roots,
    hits,
    files: stats.files,
    bytes: stats.bytes,
    millis,
    cacheHits,
    // a hit on-leak delete may not remove stays where the job would ship it
    failed: (run.onLeak === 'fail' && hits.length > 0) || refused.length > 0,
    lines,
  };
}

function writeSarif(run: GuardRun, hits: readonly Hit[], forms: readonly GuardForm[]): void {
  if (run.sarifFile === undefined) return;
  const sarif = toSarif(hits, {
    workspace: process.env['GITHUB_WORKSPACE'],
    level: run.onLeak === 'fail' ? 'error' : 'warning',
    version: '1',
    redact: redactor(forms),
  });
  mkdirSync(dirname(run.sarifFile), { recursive: true });
  writeFileSync(run.sarifFile, `${JSON.stringify(sarif, null, 2)}\n`);
}

/**
 * Replaces every form of every value in `text` with ***. One matcher over all forms: the
 * SARIF of thousands of hits is redacted string by string, and most hold none.
 */
function redactor(forms: readonly GuardForm[]): (text: string) => string {
  const patterns = [...new Set(forms.map((f) => f.text))].filter((t) => t !== '').map((t) => Buffer.from(t, 'utf8'));
  const matcher = new Matcher(patterns);
  return (text) => {
    const bytes = Buffer.from(text, 'utf8');
    const spans: [number, number][] = [];
    matcher.scan(bytes, (i, offset) => spans.push([offset, offset + (patterns[i]?.length ?? 0)]));
    if (spans.length === 0) return text;
    spans.sort((a, b) => a[0] - b[0]);
    const parts: Buffer[] = [];
    let at = 0;
    for (const [from, to] of spans) {
      if (from >= at) parts.push(bytes.subarray(at, from), STARS);
      at = Math.max(at, to); // an overlapping span extends the one before
    }
    parts.push(bytes.subarray(at));
    return Buffer.concat(parts).toString('utf8');
  };
}

const STARS = Buffer.from('***');

/** The trees a deletion must stay in: the job's own folders, and each folder the user named. */
function deleteTrees(roots: readonly string[]): string[] {
  const job = ['GITHUB_WORKSPACE', 'HOME', 'RUNNER_TEMP'].flatMap((v) => (process.env[v] ? [process.env[v]] : []));
  return [...job, ...roots.filter((r) => isDirectory(r))];
}

function isDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Annotates the hits and, for on-leak delete, removes their files; returns a line for each
 * it refused to delete. `redact` hides the forms of every value in a file name: the runner
 * masks an annotation's message but not its properties, so a file named after a secret is
 * given in the (masked) message only, with no `file` property.
 */
function act(
  onLeak: OnLeak,
  hits: readonly Hit[],
  { trees, redact }: { trees: readonly string[]; redact: (text: string) => string },
): string[] {
  hits.slice(0, MAX_ANNOTATIONS).forEach((hit) => {
    const message = redact(`secret ${hit.name} (as ${hit.form}) found in ${where(hit)}`);
    const named = redact(hit.path) !== hit.path;
    const props = {
      title: 'Leaked secret',
      ...(named ? {} : { file: hit.path }),
      ...(hit.line !== undefined && !named ? { startLine: hit.line } : {}),
    };
    if (onLeak === 'fail') core.error(inertMessage(message), inertProperties(props));
    else core.warning(inertMessage(message), inertProperties(props));
  });
  if (hits.length > MAX_ANNOTATIONS)
    core.info(`leak guard: ${hits.length - MAX_ANNOTATIONS} more hit(s) not annotated`);
  if (onLeak !== 'delete') return [];
  const refused: string[] = [];
  for (const path of new Set(hits.filter((h) => !h.path.startsWith('image ')).map((h) => h.path))) {
    const outside = leadsOutside(path, trees);
    if (outside) {
      const line = redact(
        `leak guard did not delete ${path}: it leads outside ${outside.anchor} through a link${outside.real ? ` (to ${outside.real})` : ''}. Remove it yourself, and the link.`,
      );
      const named = redact(path) !== path;
      core.error(
        inertMessage(line),
        inertProperties({ title: 'Leaked secret not deleted', ...(named ? {} : { file: path }) }),
      );
      refused.push(line);
      continue;
    }
    rmSync(path, { force: true });
    core.warning(say`leak guard deleted ${path}: it held a secret (on-leak: delete)`);
  }
  return refused;
}

/**
 * Globs to existing paths, links not followed; paths inside another listed path dropped,
 * unless a link leads there (the walk of the outer one does not follow it). One globber
 * per pattern (each with every `!` exclusion): given together, @actions/glob searches only
 * the outer folder, and never reaches a named path behind a link inside it.
 */
async function expand(patterns: readonly string[]): Promise<string[]> {
  const excludes = patterns.filter((p) => p.trimStart().startsWith('!'));
  const found = new Set<string>();
  for (const include of patterns.filter((p) => !excludes.includes(p))) {
    const globber = await glob.create([include, ...excludes].join('\n'), {
      followSymbolicLinks: false,
      implicitDescendants: false,
      matchDirectories: true,
    });
    for (const path of await globber.glob()) found.add(path);
  }
  const sorted = [...found].sort();
  return sorted.filter(
    (p, i) =>
      !sorted
        .slice(0, i)
        .some((q) => p.startsWith(q.endsWith(sep) ? q : q + sep) && leadsOutside(p, [q]) === undefined),
  );
}

/** The hits that lie under one of `roots` (a cache about to be saved). */
function hitsUnder(hits: readonly Hit[], roots: readonly string[]): Hit[] {
  return hits.filter((h) => roots.some((r) => h.path === r || h.path.startsWith(r.endsWith(sep) ? r : r + sep)));
}
