// A leak guard worker thread (bundled as dist/guard-worker.js): one Scanner, fed files
// and ranges by the pool in parallel.ts until it says finish; then its hits and stats.
import { parentPort, workerData } from 'node:worker_threads';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Scanner } from './scanner.js';
import { sniff } from './bytes.js';
import type { Reply, Task, WorkerSetup } from './worker-protocol.js';

const setup = workerData as WorkerSetup;
const scanner = new Scanner(setup.forms);
const head = Buffer.allocUnsafe(512);

function reply(message: Reply): void {
  parentPort?.postMessage(message);
}

/** A plain file over splitAbove bytes: the pool splits it into ranges for all workers. */
function splittable(path: string): number | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined; // scanPath notes why
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size <= setup.splitAbove) return undefined;
    return sniff(head.subarray(0, readSync(fd, head, 0, head.length, 0))) === 'plain' ? st.size : undefined;
  } finally {
    closeSync(fd);
  }
}

async function handle(task: Task): Promise<void> {
  if (task.kind === 'finish') {
    reply({ kind: 'result', hits: scanner.hits, stats: scanner.stats });
    return;
  }
  const split: { path: string; size: number }[] = [];
  if (task.kind === 'range') {
    scanner.scanRange(task.path, task.start, task.end);
  } else {
    for (const path of task.paths) {
      const size = splittable(path);
      if (size === undefined) await scanner.scanPath(path);
      else split.push({ path, size });
    }
  }
  reply({ kind: 'ready', split });
}

parentPort?.on('message', (task: Task) => {
  handle(task).catch((err: unknown) =>
    reply({ kind: 'failed', message: err instanceof Error ? err.message : 'worker failed' }),
  );
});
