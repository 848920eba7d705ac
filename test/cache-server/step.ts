// One "step" that calls the real @actions/cache, run in a child process so that the environment
// is exactly the one the test hands it (as the runner would) and @actions/core's workflow commands
// go to that child's stdout. The request comes in CACHE_STEP_REQUEST (JSON):
//
//   CACHE_STEP_REQUEST='{"op":"save","paths":["data"],"key":"k"}' node --import tsx test/cache-server/step.ts
//
// Start it from the repository (so that @actions/cache resolves); it moves to GITHUB_WORKSPACE itself,
// as the runner starts steps there. The unit test runs it transpiled, with `node --input-type=module -e`,
// which saves tsx's start-up (~0.45 s a step).
//
// Operations: {op:'available'} | {op:'save', paths, key} | {op:'restore', paths, key, restoreKeys?, lookupOnly?}.
// The outcome is a stdout line `cache-step-result {"value":...}` or `cache-step-result {"error":...,"name":...}`.
import { isFeatureAvailable, restoreCache, saveCache } from '@actions/cache';

const RESULT_MARKER = 'cache-step-result ';

export type StepRequest =
  | { op: 'available' }
  | { op: 'save'; paths: string[]; key: string }
  | { op: 'restore'; paths: string[]; key: string; restoreKeys?: string[]; lookupOnly?: boolean };

export type StepOutcome = { value: unknown } | { error: string; name: string };

async function run(request: StepRequest): Promise<unknown> {
  switch (request.op) {
    case 'available':
      return isFeatureAvailable();
    case 'save':
      return saveCache(request.paths, request.key);
    case 'restore':
      return (
        (await restoreCache(
          request.paths,
          request.key,
          request.restoreKeys,
          request.lookupOnly ? { lookupOnly: true } : undefined,
        )) ?? null
      );
  }
}

const raw = process.env['CACHE_STEP_REQUEST'];
if (raw !== undefined) {
  // The runner starts a step in the workspace; @actions/cache globs paths from the working directory
  // and tars them relative to GITHUB_WORKSPACE.
  if (process.env['GITHUB_WORKSPACE']) process.chdir(process.env['GITHUB_WORKSPACE']);
  let outcome: StepOutcome;
  try {
    outcome = { value: await run(JSON.parse(raw) as StepRequest) };
  } catch (err) {
    outcome = err instanceof Error ? { error: err.message, name: err.name } : { error: String(err), name: 'unknown' };
  }
  process.stdout.write(`\n${RESULT_MARKER}${JSON.stringify(outcome)}\n`);
}
