// The post step (post-if: always()): shred and remove the session folder (the job's
// DOCKER_CONFIG included) first, then log out of the registries main logged in to and
// revoke leases and the token main obtained, then scan what the job keeps for leaked
// secrets and save the cache only when it is clean. It works from what main recorded as
// it went, so it cleans up after a failed, crashed or cancelled main too; a Vault it
// cannot reach only costs a warning: the files go regardless. Cancelled itself (the
// runner stopping, a force-cancel), it finishes the local cleanup and exits.
import * as core from '@actions/core';
import { readGuardConfig, type GuardConfig } from './inputs/index.js';
import { MaskRegistry } from './mask/registry.js';
import { loadMainCompleted, loadSessionRoot, sessionPaths } from './state.js';
import { readRenewal, signalRenewal, stopRenewal } from './renew/stop.js';
import { cleanLocal, type LocalCleanup } from './cleanup/session.js';
import { GRACE_MS, watchCancel, type CancelWatch } from './cancel.js';
import { guardStage } from './guard/stage.js';
import { saveStage } from './cache/stage.js';
import { writePostSummary } from './report/summary.js';
import { inert, inertMessage } from './output.js';
import { ACTION_NAME, errorMessage, failStep } from './errors.js';

async function run(cancel: CancelWatch): Promise<void> {
  if (root === undefined) core.info('Nothing to clean up: the main step made no session folder.');
  // The renewal helper stops first (a signal, at most 3 s): it must not renew what post revokes, and its
  // last log line must land before the shred. A signal to post meanwhile shreds at once. Its log is untrusted text.
  for (const line of renewal ? await stopRenewal(renewal) : []) core.info(inert(line));
  const local = cleanupLocal();
  if (local) core.info(inert(local.line));
  const lines = local ? await local.remote(cancel) : [];
  for (const line of lines) core.info(inert(line));
  if (local) lines.push(local.line);
  // After a signal, nothing more: no scan, no cache save.
  cancel.signal.throwIfAborted();
  const forms = local?.forms ?? [];

  const guard = readGuard();
  const outcome = guard
    ? await guardStage(
        {
          paths: guard.scanPaths,
          cachePaths: guard.cache?.paths ?? [],
          image: undefined,
          onLeak: guard.onLeak,
          sarifFile: guard.sarifFile,
          workers: 0,
        },
        forms,
      )
    : undefined;
  if (guard?.cache) {
    if (loadMainCompleted()) {
      lines.push(await saveStage(guard.cache, outcome?.cacheHits ?? 0));
    } else {
      lines.push(`cache ${guard.cache.key}: not saved, the main step did not finish`);
    }
  }
  await writePostSummary(lines, outcome?.lines ?? []);
  if (outcome?.failed) {
    core.setFailed(
      `${ACTION_NAME}: leak guard: ${outcome.hits.length} secret hit(s) in ${new Set(outcome.hits.map((h) => h.path)).size} file(s) (see the annotations). Remove them, or set on-leak: delete or warn.`,
    );
  }
}

function readGuard(): GuardConfig | undefined {
  try {
    return readGuardConfig();
  } catch (err) {
    core.warning(inertMessage(`leak guard skipped: ${errorMessage(err)}`));
    return undefined;
  }
}

const masks = new MaskRegistry((value) => core.setSecret(value));
const root = loadSessionRoot();
// read before the shred: the helper's pid and log live in the session
const renewal = root === undefined ? undefined : readRenewal(sessionPaths(root));
let local: LocalCleanup | undefined;
/** Once: from run(), or from a signal that came first. */
const cleanupLocal = (): LocalCleanup | undefined =>
  (local ??= root === undefined ? undefined : cleanLocal(root, masks));
const cancel = watchCancel({
  first: () => {
    cleanupLocal();
    if (renewal) signalRenewal(renewal);
  },
  notice: (signal) =>
    `${signal}: the session's files are removed; logouts and revocations in flight get ${GRACE_MS} ms to finish.`,
  failure: (signal) =>
    `cancelled by ${signal}: the session's files are removed; a token or lease not revoked expires at its TTL.`,
});
run(cancel).catch((err: unknown) => {
  const by = cancel.by();
  failStep(by ? new Error(cancel.failure(by)) : err, (text) => masks.redact(text));
});
