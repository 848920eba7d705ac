// The post step (post-if: always()): log out of the registries main logged in to,
// revoke leases and the token main obtained, shred and remove the session folder (the
// job's DOCKER_CONFIG included), then scan what the job keeps for leaked secrets and
// save the cache only when it is clean. It works from what main recorded as it went,
// so it cleans up after a failed, crashed or cancelled main too; a Vault it cannot
// reach only costs a warning: the files go regardless.
import * as core from '@actions/core';
import { readGuardConfig, type GuardConfig } from './inputs/index.js';
import { MaskRegistry } from './mask/registry.js';
import { loadMainCompleted, loadSessionRoot, sessionPaths } from './state.js';
import { stopRenewal } from './renew/stop.js';
import { cleanSession } from './cleanup/session.js';
import { guardStage } from './guard/stage.js';
import { saveStage } from './cache/stage.js';
import { writePostSummary } from './report/summary.js';
import { inert, inertMessage } from './output.js';
import { ACTION_NAME, errorMessage, failStep } from './errors.js';

async function run(masks: MaskRegistry): Promise<void> {
  const root = loadSessionRoot();
  if (root === undefined) core.info('Nothing to clean up: the main step made no session folder.');
  // The renewal helper goes first: it must not renew what is about to be revoked. Its log is untrusted text.
  const renewal = root === undefined ? [] : await stopRenewal(sessionPaths(root));
  for (const line of renewal) core.info(inert(line));
  const { lines, forms } = root === undefined ? { lines: [], forms: [] } : await cleanSession(root, masks);
  for (const line of lines) core.info(inert(line));

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
run(masks).catch((err: unknown) => failStep(err, (text) => masks.redact(text)));
