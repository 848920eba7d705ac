// Scanning on every core: the paths are walked here, their files handed to worker
// threads in small batches as each worker asks for more, and a large plain file is
// split into ranges (each read on by the longest form's length less one, see
// Scanner.scanRange) so that one file keeps all cores busy too. Hits are sorted, so
// 1 and N workers report the same findings in the same order.
import { Worker } from 'node:worker_threads';
import { lstatSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { MAX_HITS, type GuardForm, type Hit, type ScanStats } from './scanner.js';
import type { Reply, Task, WorkerSetup } from './worker-protocol.js';

export interface ParallelOptions {
  /** Worker threads; 0 or absent: one per core. */
  readonly workers?: number;
  /** The bundled worker script; dist/guard-worker.js beside this chunk by default. */
  readonly workerUrl?: URL;
  /** Plain files over this many bytes are split into ranges (only with 2+ workers). */
  readonly splitAbove?: number;
  /** Size of a range. */
  readonly rangeBytes?: number;
}

export interface ScanResult {
  readonly hits: Hit[];
  readonly stats: ScanStats;
  readonly workers: number;
}

/** Files per message: enough to make messaging cheap, few enough to balance the load. */
const BATCH = 128;
const SPLIT_ABOVE = 32 << 20;
const RANGE_BYTES = 16 << 20;

export async function scanParallel(
  forms: readonly GuardForm[],
  roots: readonly string[],
  opts: ParallelOptions = {},
): Promise<ScanResult> {
  const count = opts.workers !== undefined && opts.workers > 0 ? opts.workers : availableParallelism();
  const stats: ScanStats = { files: 0, bytes: 0, archives: 0, skipped: 0, notes: [], dropped: 0 };
  const rangeBytes = Math.max(1, opts.rangeBytes ?? RANGE_BYTES);
  const splitAbove = count > 1 ? (opts.splitAbove ?? SPLIT_ABOVE) : Number.POSITIVE_INFINITY;
  const setup: WorkerSetup = { forms, splitAbove };
  const url = opts.workerUrl ?? new URL('./guard-worker.js', import.meta.url);
  // Started before the walk, each building its matcher while the folders are read here;
  // no more of them than the roots can keep busy (one small file needs one).
  const wanted = Math.max(1, Math.min(count, busyWorkers(roots, splitAbove, count)));
  const workers = Array.from({ length: wanted }, () => new Worker(url, { workerData: setup }));
  const { files } = walk(roots, stats);
  const queue: Task[] = [];
  for (let i = 0; i < files.length; i += BATCH) queue.push({ kind: 'files', paths: files.slice(i, i + BATCH) });
  // A worker that finds the queue empty waits while others are busy: one of them may
  // hand back a large file, whose ranges are for everyone.
  const parked: Worker[] = [];
  let busy = 0;
  const feed = (worker: Worker): void => {
    const task = queue.shift();
    if (task) {
      busy++;
      worker.postMessage(task);
      return;
    }
    parked.push(worker);
    if (busy === 0) for (const w of parked.splice(0)) w.postMessage({ kind: 'finish' } satisfies Task);
  };
  try {
    const results = await Promise.all(
      workers.map(
        (worker) =>
          new Promise<Extract<Reply, { kind: 'result' }>>((resolve, reject) => {
            worker.on('message', (reply: Reply) => {
              if (reply.kind === 'failed') reject(new Error(`leak guard worker: ${reply.message}`));
              else if (reply.kind === 'result') resolve(reply);
              else {
                busy--;
                for (const { path, size } of reply.split)
                  for (let start = 0; start < size; start += rangeBytes)
                    queue.push({ kind: 'range', path, start, end: Math.min(size, start + rangeBytes) });
                for (const w of parked.splice(0, queue.length)) feed(w);
                feed(worker);
              }
            });
            worker.once('error', reject);
            worker.once('exit', (code) => reject(new Error(`leak guard worker exited (${code})`)));
            feed(worker);
          }),
      ),
    );
    return { ...merge(stats, results), workers: workers.length };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function merge(
  walked: ScanStats,
  results: readonly { hits: readonly Hit[]; stats: ScanStats }[],
): { hits: Hit[]; stats: ScanStats } {
  const stats = { ...walked, notes: [...walked.notes] };
  const all: Hit[] = [];
  for (const r of results) {
    all.push(...r.hits);
    stats.files += r.stats.files;
    stats.bytes += r.stats.bytes;
    stats.archives += r.stats.archives;
    stats.skipped += r.stats.skipped;
    stats.notes.push(...r.stats.notes);
    stats.dropped += r.stats.dropped;
  }
  all.sort(compareHits);
  stats.notes.sort();
  stats.dropped += Math.max(0, all.length - MAX_HITS);
  return { hits: all.slice(0, MAX_HITS), stats };
}

function compareHits(a: Hit, b: Hit): number {
  return (
    cmp(a.path, b.path) || cmp(a.inner, b.inner) || a.offset - b.offset || cmp(a.name, b.name) || cmp(a.form, b.form)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How many workers the roots can keep busy: a folder or a file to split, all of them; a file, one. */
function busyWorkers(roots: readonly string[], splitAbove: number, count: number): number {
  let n = 0;
  for (const root of roots) {
    try {
      const st = lstatSync(root);
      if (st.isDirectory() || (st.isFile() && st.size > splitAbove)) return count;
      if (st.isFile()) n++;
    } catch {
      // the walk notes it
    }
  }
  return n;
}

/**
 * Regular files under `roots`, links not followed; folders are read here, files opened
 * (and large plain ones handed back for splitting) by the workers.
 */
function walk(roots: readonly string[], stats: ScanStats): { files: string[] } {
  const files: string[] = [];
  const visit = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      stats.notes.push(`${dir}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) visit(path);
      else if (e.isFile()) files.push(path);
      else stats.skipped++;
    }
  };
  for (const root of roots) {
    let st;
    try {
      st = lstatSync(root);
    } catch (err) {
      stats.notes.push(`${root}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
      continue;
    }
    if (st.isDirectory()) visit(root);
    else if (st.isFile()) files.push(root);
    else stats.skipped++;
  }
  return { files };
}
