// The renewal helper's loop (dist/renew.js, started detached by main): renew each item
// at two thirds of its TTL (schedule.ts), up to its max TTL, and stop on the first of:
// the hard cap (vault-renew-for), the runner process that ran main being gone (the job
// ended, or the runner was killed), Vault saying the token is gone, nothing left to
// renew, or SIGTERM from post. It logs ids and times to private/renew.log, never a
// value, and holds the token in memory only (read once from the private token file).
import { appendFileSync, existsSync } from 'node:fs';
import type { SessionPaths } from '../state.js';
import { readRecords } from '../state.js';
import { createVaultApi } from '../vault/client.js';
import { openTransport } from '../vault/connect.js';
import { VaultRequestError } from '../vault/errors.js';
import { proxyEnv } from '../vault/proxy-env.js';
import { errorMessage } from '../errors.js';
import { readRenewPlan, type RenewPlan } from './plan.js';
import { dueAt, nextDue, renewed, type Renewable } from './schedule.js';
import { isRunning } from './process.js';

/** How often the helper looks at the cap and the runner process while it waits. */
export const POLL_MS = 5000;
/** After a failed renewal (network, Vault down), the next try. */
const RETRY_MS = 10_000;
const REQUEST_BUDGET_MS = 30_000;

export async function runHelper(paths: SessionPaths, stop: AbortSignal): Promise<void> {
  const log = (line: string): void =>
    appendFileSync(paths.renewLog, `${new Date().toISOString()} ${line}\n`, { mode: 0o600 });
  const plan = readRenewPlan(paths);
  const token = readRecords(paths).token;
  if (token === undefined) {
    log('no token in the session: stopping');
    return;
  }
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      // an abort listener added after the abort never fires
      if (stop.aborted) {
        resolve();
        return;
      }
      const timer = setTimeout(resolve, Math.max(0, ms));
      stop.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  log(`started: ${plan.items.map(label).join(', ')}; until ${new Date(plan.until).toISOString()} at the latest`);
  log(await loop({ plan, token, stop, log, sleep, root: paths.root }));
}

interface LoopInput {
  readonly plan: RenewPlan;
  readonly token: string;
  readonly stop: AbortSignal;
  readonly log: (line: string) => void;
  readonly sleep: (ms: number) => Promise<void>;
  /** The session folder: post removes it, and then nothing is left to renew for. */
  readonly root: string;
}

/** Renews until a reason to stop, and returns it. */
async function loop({ plan, token, stop, log, sleep, root }: LoopInput): Promise<string> {
  for (;;) {
    if (stop.aborted) return `stopped by ${String(stop.reason)}`;
    const now = Date.now();
    if (now >= plan.until) return 'stopping: the hard cap (vault-renew-for) is reached';
    if (!isRunning(plan.watchPid)) return `stopping: the runner process (pid ${plan.watchPid}) is gone`;
    if (!existsSync(root)) return 'stopping: the session folder is gone';
    const next = nextDue(plan.items);
    if (next === undefined) return 'stopping: nothing left to renew';
    const wait = dueAt(next) - now;
    if (wait > 0) {
      await sleep(Math.min(wait, POLL_MS, plan.until - now));
      continue;
    }
    const outcome = await renewOne(plan, token, next, stop);
    log(outcome.line);
    if (outcome.tokenGone) return 'stopping: the token is gone';
    if (outcome.retry) await sleep(RETRY_MS);
  }
}

function label(item: Renewable): string {
  return item.label;
}

async function renewOne(
  plan: RenewPlan,
  token: string,
  item: Renewable,
  stop: AbortSignal,
): Promise<{ line: string; tokenGone?: boolean; retry?: boolean }> {
  const connection = { ...plan.connection, proxy: proxyEnv(process.env) };
  const transport = openTransport(connection, {
    timeoutMs: REQUEST_BUDGET_MS,
    input: 'vault-timeout',
    cancel: { signal: stop, graceMs: 500 },
  });
  try {
    const api = createVaultApi({ addr: connection.addr, namespace: connection.namespace, token, transport });
    const started = Date.now();
    let ttl: unknown;
    if (item.kind === 'token') {
      const body = await api
        .with({ namespace: connection.authNamespace })
        .write('auth/token/renew-self', {}, 'renew token');
      ttl = (body as { auth?: { lease_duration?: unknown } } | undefined)?.auth?.lease_duration;
    } else {
      const body = await api.write('sys/leases/renew', { lease_id: item.id }, 'renew lease');
      ttl = (body as { lease_duration?: unknown } | undefined)?.lease_duration;
    }
    renewed(item, started, typeof ttl === 'number' ? ttl : 0);
    // the renewal's request_id (UUID-shaped, or none): its entry in Vault's audit log
    const id = transport.requestIds.at(-1)?.id;
    return {
      line: `renewed ${label(item)}: TTL ${String(ttl)} s, expires at ${new Date(item.expiresAt).toISOString()}${item.done ? `; ${item.done}, not renewed again` : ''}${id === undefined ? '' : ` (request id ${id})`}`,
    };
  } catch (err) {
    if (err instanceof VaultRequestError && (err.status === 403 || err.status === 400)) {
      item.done = 'gone';
      return {
        line: `${label(item)}: Vault refused the renewal (HTTP ${err.status}): revoked or expired, not renewed again`,
        tokenGone: item.kind === 'token',
      };
    }
    // Vault unreachable: try again while the credential lives, then give it up.
    if (Date.now() >= item.expiresAt) {
      item.done = 'expired';
      return { line: `renewing ${label(item)} failed (${errorMessage(err)}); it has expired, not tried again` };
    }
    return { line: `renewing ${label(item)} failed (${errorMessage(err)}); trying again`, retry: true };
  } finally {
    transport.close();
  }
}
