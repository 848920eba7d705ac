// npm run bench: the main step and the leak guard as users get them, each target
// printed with its peer, the ratio and PASS or MISS. Figures come from this run only.
//
//   1. start-up (bench/startup.ts): what the bundle adds to a bare `node` start.
//   2. main step (bench/main-step.ts): 100 secrets on 100 paths at 20 ms latency under
//      the runner harness, against hashicorp/vault-action's own bundle (VAULT_ACTION_DIST,
//      default /work/peers/vault-action/dist/index.js) or, without it, a named model;
//      then the same against a real OpenBao behind a 20 ms loopback proxy (skipped,
//      with one line, when `bao` is not on PATH). The load run is `npm run bench:load`.
//   3. large value (bench/large-value.ts): what one 5 MB value adds.
//   4. leak guard (bench/guard.ts): the scanner against ripgrep.
//   5. buildx build (bench/buildx.ts): one build with secret mounts, against the same
//      `docker buildx build` run by hand.
//   6. refresh (bench/refresh.ts): the refresh step for 100 secrets against the main step,
//      and the renewal helper's requests per hour (schedule, and its log in a short run).
//
// Knobs: BENCH_RUNS (alternating runs per comparison, default 5), GUARD_BENCH_SCALE
// (shrinks the guard's data), VAULT_ACTION_DIST, ACTION_NODE (the Node that runs dist/).
import { runBuildxBench } from './buildx.js';
import { runGuardBench } from './guard.js';
import { runLargeValueBench } from './large-value.js';
import { runMainStepBench } from './main-step.js';
import { runStartupBench } from './startup.js';
import { runRefreshBench } from './refresh.js';

const started = performance.now();
const section = async (name: string, fn: () => unknown): Promise<void> => {
  const t0 = performance.now();
  await fn();
  console.log(`  (${name}: ${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
};
await section('start-up', runStartupBench);
await section('main step', runMainStepBench);
await section('large value', runLargeValueBench);
await section('leak guard', runGuardBench);
await section('buildx build', runBuildxBench);
await section('refresh and renewal', runRefreshBench);
console.log(`bench: ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
