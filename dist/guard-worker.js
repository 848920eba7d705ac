import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  Scanner
} from "./shared-C7MYC6N4.js";
import "./shared-J5QQXKHR.js";
import {
  errorMessage
} from "./shared-73F27MEW.js";
import "./shared-QCDMWCIP.js";
import "./shared-BDLR4YRK.js";

// src/guard/worker.ts
import { parentPort, workerData } from "node:worker_threads";
var setup = workerData;
var scanner = new Scanner(setup.forms);
function reply(message) {
  parentPort?.postMessage(message);
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
      const size = await scanner.scanWalkedFile(path, setup.splitAbove);
      if (size !== void 0) split.push({ path, size });
    }
  }
  reply({ kind: "ready", split });
}
parentPort?.on("message", (task) => {
  handle(task).catch((err) => reply({ kind: "failed", message: errorMessage(err, "worker failed") }));
});
//# sourceMappingURL=guard-worker.js.map
