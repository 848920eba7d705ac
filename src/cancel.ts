// Cancel. The runner sends SIGINT, then SIGTERM about 7.5 s later, then kills. On the
// first signal no new Vault request starts, the ones in flight get GRACE_MS to land (a
// token or lease Vault has already issued is then recorded, for post to revoke), and
// the step ends non-zero well before SIGTERM. A second signal ends it at once: what has
// arrived is already on disk, because records are written synchronously as they come.
// On Windows the runner sends Ctrl-C (SIGINT in Node), then Ctrl-Break (SIGBREAK), and
// SIGTERM never arrives (process.kill there terminates at once, without a handler).
import * as core from '@actions/core';
import type { Cancel } from './vault/transport.js';

/** Long enough for a reply already on its way; short enough to end well inside the runner's 7.5 s. */
export const GRACE_MS = 2500;
/** If something other than Vault (a docker child, a cache download) holds the step, stop anyway. */
const EXIT_AFTER_MS = GRACE_MS + 1500;

export interface CancelWatch extends Cancel {
  /** The signal that cancelled the step, if one has. */
  readonly by: () => NodeJS.Signals | undefined;
  /** The step's failure line for a cancel by `signal`. */
  readonly failure: (signal: NodeJS.Signals) => string;
}

/** How a step other than main words its cancel, and what it must finish first (post: the local cleanup). */
export interface CancelPlan {
  /** Runs on every signal before anything else, synchronously: it must be idempotent. */
  readonly first?: () => void;
  /** The log line on the first signal. */
  readonly notice?: (signal: NodeJS.Signals) => string;
  /** The failure line when the step ends by the signal. */
  readonly failure?: (signal: NodeJS.Signals) => string;
}

/** The signals a cancel arrives as on `platform`. Pure. */
export function cancelSignals(platform: NodeJS.Platform): NodeJS.Signals[] {
  return platform === 'win32' ? ['SIGINT', 'SIGBREAK', 'SIGTERM'] : ['SIGINT', 'SIGTERM'];
}

export function watchCancel(plan: CancelPlan = {}): CancelWatch {
  const controller = new AbortController();
  let by: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    plan.first?.();
    if (by !== undefined) process.exit(1);
    by = signal;
    core.info(
      plan.notice?.(signal) ??
        `${signal}: cancelling. No new Vault requests; replies in flight get ${GRACE_MS} ms to land.`,
    );
    controller.abort();
    setTimeout(() => {
      core.setFailed((plan.failure ?? cancelMessage)(signal));
      process.exit(1);
    }, EXIT_AFTER_MS).unref();
  };
  for (const signal of cancelSignals(process.platform)) process.on(signal, onSignal);
  return { signal: controller.signal, graceMs: GRACE_MS, by: () => by, failure: plan.failure ?? cancelMessage };
}

export function cancelMessage(signal: NodeJS.Signals): string {
  return `cancelled by ${signal}: the token and leases Vault issued are recorded, and the post step revokes them and removes the files.`;
}

/**
 * For a step that holds secrets only in memory (the guard): nothing to finish on a signal,
 * so it ends at once with `failure(signal)` as its line instead of dying of the signal
 * (exit 130, no word of why). Before it would act on what it found: nothing is deleted then.
 */
export function exitOnSignal(failure: (signal: NodeJS.Signals) => string): void {
  const onSignal = (signal: NodeJS.Signals): void => {
    core.setFailed(failure(signal));
    process.exit(1);
  };
  for (const signal of cancelSignals(process.platform)) process.on(signal, onSignal);
}
