// The renewal helper's entry (dist/renew.js): `node renew.js SESSION_ROOT`, started by
// main detached, with stdio ignored and a minimal environment. See src/renew/helper.ts.
import { sessionPaths } from './state.js';
import { runHelper } from './renew/helper.js';
import { appendFileSync } from 'node:fs';
import { errorMessage } from './errors.js';

const root = process.argv[2];
if (root === undefined) process.exit(2);
const paths = sessionPaths(root);
const stop = new AbortController();
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => stop.abort(signal));
runHelper(paths, stop.signal).then(
  () => process.exit(0),
  (err: unknown) => {
    try {
      appendFileSync(paths.renewLog, `${new Date().toISOString()} stopped on an error: ${errorMessage(err)}\n`);
    } finally {
      process.exit(1);
    }
  },
);
