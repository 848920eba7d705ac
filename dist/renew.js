import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  readRenewPlan
} from "./shared-LYIURUXH.js";
import {
  isRunning
} from "./shared-UPGPQH6V.js";
import {
  VaultRequestError,
  createVaultApi,
  openTransport
} from "./shared-TU6OUOKE.js";
import "./shared-PFSXQCEX.js";
import "./shared-K2QAIXDX.js";
import {
  readRecords,
  sessionPaths
} from "./shared-NV2LB3MZ.js";
import {
  proxyEnv
} from "./shared-NYIERDFJ.js";
import {
  errorMessage
} from "./shared-73F27MEW.js";
import "./shared-QCDMWCIP.js";
import "./shared-BDLR4YRK.js";

// src/renew/helper.ts
import { appendFileSync, existsSync } from "node:fs";

// src/renew/schedule.ts
var RENEW_AT = 2 / 3;
function dueAt(item) {
  return item.expiresAt - (1 - RENEW_AT) * item.ttlSeconds * 1e3;
}
function nextDue(items) {
  let next;
  for (const item of items)
    if (item.done === void 0 && (next === void 0 || dueAt(item) < dueAt(next))) next = item;
  return next;
}
function renewed(item, now, ttlSeconds) {
  const expiresAt = now + ttlSeconds * 1e3;
  if (ttlSeconds <= 0 || expiresAt <= item.expiresAt + 1e3) {
    item.done = `at its max TTL: expires at ${new Date(Math.min(expiresAt, item.expiresAt)).toISOString()}`;
    item.expiresAt = Math.min(expiresAt, item.expiresAt);
    return;
  }
  item.expiresAt = expiresAt;
  item.ttlSeconds = ttlSeconds;
}

// src/renew/helper.ts
var POLL_MS = 5e3;
var RETRY_MS = 1e4;
var REQUEST_BUDGET_MS = 3e4;
async function runHelper(paths2, stop2) {
  const log = (line) => appendFileSync(paths2.renewLog, `${(/* @__PURE__ */ new Date()).toISOString()} ${line}
`, { mode: 384 });
  const plan = readRenewPlan(paths2);
  const token = readRecords(paths2).token;
  if (token === void 0) {
    log("no token in the session: stopping");
    return;
  }
  const sleep = (ms) => new Promise((resolve) => {
    if (stop2.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(resolve, Math.max(0, ms));
    stop2.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true }
    );
  });
  log(`started: ${plan.items.map(label).join(", ")}; until ${new Date(plan.until).toISOString()} at the latest`);
  log(await loop({ plan, token, stop: stop2, log, sleep, root: paths2.root }));
}
async function loop({ plan, token, stop: stop2, log, sleep, root: root2 }) {
  for (; ; ) {
    if (stop2.aborted) return `stopped by ${String(stop2.reason)}`;
    const now = Date.now();
    if (now >= plan.until) return "stopping: the hard cap (vault-renew-for) is reached";
    if (!isRunning(plan.watchPid)) return `stopping: the runner process (pid ${plan.watchPid}) is gone`;
    if (!existsSync(root2)) return "stopping: the session folder is gone";
    const next = nextDue(plan.items);
    if (next === void 0) return "stopping: nothing left to renew";
    const wait = dueAt(next) - now;
    if (wait > 0) {
      await sleep(Math.min(wait, POLL_MS, plan.until - now));
      continue;
    }
    const outcome = await renewOne(plan, token, next, stop2);
    log(outcome.line);
    if (outcome.tokenGone) return "stopping: the token is gone";
    if (outcome.retry) await sleep(RETRY_MS);
  }
}
function label(item) {
  return item.label;
}
async function renewOne(plan, token, item, stop2) {
  const connection = { ...plan.connection, proxy: proxyEnv(process.env) };
  const transport = openTransport(connection, {
    timeoutMs: REQUEST_BUDGET_MS,
    input: "vault-timeout",
    cancel: { signal: stop2, graceMs: 500 }
  });
  try {
    const api = createVaultApi({ addr: connection.addr, namespace: connection.namespace, token, transport });
    const started = Date.now();
    let ttl;
    if (item.kind === "token") {
      const body = await api.with({ namespace: connection.authNamespace }).write("auth/token/renew-self", {}, "renew token");
      ttl = body?.auth?.lease_duration;
    } else {
      const body = await api.write("sys/leases/renew", { lease_id: item.id }, "renew lease");
      ttl = body?.lease_duration;
    }
    renewed(item, started, typeof ttl === "number" ? ttl : 0);
    const id = transport.requestIds.at(-1)?.id;
    return {
      line: `renewed ${label(item)}: TTL ${String(ttl)} s, expires at ${new Date(item.expiresAt).toISOString()}${item.done ? `; ${item.done}, not renewed again` : ""}${id === void 0 ? "" : ` (request id ${id})`}`
    };
  } catch (err) {
    if (err instanceof VaultRequestError && (err.status === 403 || err.status === 400)) {
      item.done = "gone";
      return {
        line: `${label(item)}: Vault refused the renewal (HTTP ${err.status}): revoked or expired, not renewed again`,
        tokenGone: item.kind === "token"
      };
    }
    if (Date.now() >= item.expiresAt) {
      item.done = "expired";
      return { line: `renewing ${label(item)} failed (${errorMessage(err)}); it has expired, not tried again` };
    }
    return { line: `renewing ${label(item)} failed (${errorMessage(err)}); trying again`, retry: true };
  } finally {
    transport.close();
  }
}

// src/renew-helper.ts
import { appendFileSync as appendFileSync2 } from "node:fs";
var root = process.argv[2];
if (root === void 0) process.exit(2);
var paths = sessionPaths(root);
var stop = new AbortController();
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, () => stop.abort(signal));
runHelper(paths, stop.signal).then(
  () => process.exit(0),
  (err) => {
    try {
      appendFileSync2(paths.renewLog, `${(/* @__PURE__ */ new Date()).toISOString()} stopped on an error: ${errorMessage(err)}
`);
    } finally {
      process.exit(1);
    }
  }
);
//# sourceMappingURL=renew.js.map
