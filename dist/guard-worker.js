import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  Scanner,
  sniff
} from "./shared-G47EWVVV.js";
import "./shared-QCDMWCIP.js";
import "./shared-BDLR4YRK.js";

// src/guard/worker.ts
import { parentPort, workerData } from "node:worker_threads";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
var setup = workerData;
var scanner = new Scanner(setup.forms);
var head = Buffer.allocUnsafe(512);
function reply(message) {
  parentPort?.postMessage(message);
}
function splittable(path) {
  let fd;
  try {
    fd = openSync(path, "r");
  } catch {
    return void 0;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size <= setup.splitAbove) return void 0;
    return sniff(head.subarray(0, readSync(fd, head, 0, head.length, 0))) === "plain" ? st.size : void 0;
  } finally {
    closeSync(fd);
  }
}
async function handle(task) {
  if (task.kind === "finish") {
    reply({ kind: "result", hits: scanner.hits, stats: scanner.stats });
    return;
  }
  const split = [];
  if (task.kind === "range") {
    scanner.scanRange(task.path, task.start, task.end);
  } else {
    for (const path of task.paths) {
      const size = splittable(path);
      if (size === void 0) await scanner.scanPath(path);
      else split.push({ path, size });
    }
  }
  reply({ kind: "ready", split });
}
parentPort?.on("message", (task) => {
  handle(task).catch(
    (err) => reply({ kind: "failed", message: err instanceof Error ? err.message : "worker failed" })
  );
});
//# sourceMappingURL=guard-worker.js.map
