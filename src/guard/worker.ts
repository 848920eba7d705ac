// A leak guard worker thread (bundled as dist/guard-worker.js): one Scanner, fed files
// and ranges by the pool in parallel.ts until it says finish; then its hits and stats.
import { errorMessage } from '../errors.js';
import { parentPort, workerData } from 'node:worker_threads';
import { Scanner } from './scanner.js';
import type { Reply, Task, WorkerSetup } from './worker-protocol.js';

const setup = workerData as WorkerSetup;
const scanner = new Scanner(setup.forms);

function reply(message: Reply): void {
  parentPort?.postMessage(message);
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
      const size = await scanner.scanWalkedFile(path, setup.splitAbove);
      if (size !== undefined) split.push({ path, size });
    }
  }
  reply({ kind: 'ready', split });
}

parentPort?.on('message', (task: Task) => {
  handle(task).catch((err: unknown) => reply({ kind: 'failed', message: errorMessage(err, 'worker failed') }));
});
