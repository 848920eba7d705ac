import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  logoutAll,
  revokeRecorded,
  saveStage
} from "./shared-QIIFN3AV.js";
import {
  guardStage
} from "./shared-XGG7ZBUV.js";
import "./shared-CSGAVOOU.js";
import "./shared-YA6SOZW4.js";
import "./shared-S3OPN7WJ.js";
import {
  GRACE_MS,
  MaskRegistry,
  isWithin,
  readGuardConfig,
  watchCancel
} from "./shared-DTXL6YP6.js";
import "./shared-TIJMJNMW.js";
import {
  shredDestinations,
  shredTree,
  writePostSummary
} from "./shared-2TF6D427.js";
import {
  helperIdentity,
  isRunning
} from "./shared-UPGPQH6V.js";
import "./shared-TU6OUOKE.js";
import "./shared-PFSXQCEX.js";
import "./shared-K2QAIXDX.js";
import {
  loadDockerRecords,
  loadMainCompleted,
  loadPkiRevokeFlag,
  loadRevokeFlag,
  loadSessionRoot,
  readChildToken,
  readDestinations,
  readForms,
  readRecords,
  sessionPaths
} from "./shared-NV2LB3MZ.js";
import "./shared-NYIERDFJ.js";
import "./shared-C7MYC6N4.js";
import "./shared-J5QQXKHR.js";
import {
  ACTION_NAME,
  errorMessage,
  failStep,
  inert,
  inertMessage,
  say
} from "./shared-73F27MEW.js";
import {
  info,
  setFailed,
  setSecret,
  warning
} from "./shared-QCDMWCIP.js";
import "./shared-BDLR4YRK.js";

// src/renew/stop.ts
import { readFileSync } from "node:fs";
var STOP_WAIT_MS = 3e3;
function readRenewal(paths) {
  const pid = Number(readOr(paths.renewPidFile, "").trim());
  return {
    pid: Number.isInteger(pid) && pid > 0 ? pid : void 0,
    root: paths.root,
    logFile: paths.renewLog,
    log: readOr(paths.renewLog, "").split("\n").filter((l) => l !== "")
  };
}
function signalRenewal(record) {
  if (record.pid === void 0 || !isRunning(record.pid)) return "gone";
  const identity = helperIdentity(record.pid, record.root);
  if (identity !== "ours") return identity === "unknown" ? "unknown" : "gone";
  process.kill(record.pid, "SIGTERM");
  return "sent";
}
async function stopRenewal(record) {
  const { pid } = record;
  if (pid === void 0) return [];
  const lines = [];
  const signalled = signalRenewal(record);
  if (signalled === "unknown") {
    lines.push(
      `the renewal helper (pid ${pid}) was not signalled: this OS cannot confirm that pid is still the helper; it stops by itself within 5 s of the job's end (it watches the runner process) or at its next renewal, which Vault refuses once post has revoked the token`
    );
  } else if (signalled === "sent") {
    const deadline = Date.now() + STOP_WAIT_MS;
    while (isRunning(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (isRunning(pid)) process.kill(pid, "SIGKILL");
    lines.push(`stopped the renewal helper (pid ${pid})`);
  } else {
    lines.push(`the renewal helper (pid ${pid}) had already stopped`);
  }
  const log = readOr(record.logFile, "").split("\n").filter((l) => l !== "");
  for (const line of log.length > 0 ? log : record.log) lines.push(`renewal: ${line}`);
  return lines;
}
function readOr(path, fallback) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return fallback;
  }
}

// src/cleanup/session.ts
function cleanLocal(root2, masks2) {
  const paths = sessionPaths(root2);
  const records = { ...readRecords(paths), childToken: readChildToken(paths) };
  if (records.token !== void 0) masks2.addHandle("VAULT_TOKEN", records.token);
  if (records.childToken !== void 0) masks2.addHandle("VAULT_CHILD_TOKEN", records.childToken);
  for (const lease of records.leases) masks2.addHandle("lease", lease);
  const forms = readForms(paths).map((f) => ({ ...f, kind: f.kind }));
  const docker = loadDockerRecords();
  const outside = shredDestinations(readDestinations(paths));
  const shred = shredTree(root2);
  shred.files += outside.files;
  shred.bytes += outside.bytes;
  shred.failures.push(...outside.failures);
  for (const failure of shred.failures) warning(say`could not remove ${failure}`);
  const line = `shredded and removed ${shred.files} file(s), ${shred.bytes} byte(s), in ${root2}${shred.failures.length ? ` (${shred.failures.length} left: see warnings)` : ""}`;
  return {
    forms,
    line,
    remote: async (cancel2) => {
      const [logouts, revoked] = await Promise.all([logout(docker, root2), revoke(records, masks2, cancel2)]);
      return [...logouts, ...revoked];
    }
  };
}
async function logout(docker, root2) {
  if (docker.configDir === void 0 || docker.registries.length === 0) return [];
  if (isWithin(docker.configDir, root2))
    return docker.registries.map((r) => `logged out of ${r} (the job's DOCKER_CONFIG was shredded)`);
  return logoutAll(docker.registries, { DOCKER_CONFIG: docker.configDir });
}
async function revoke(records, masks2, cancel2) {
  const revokeToken = loadRevokeFlag();
  const certificates = loadPkiRevokeFlag() ? records.certificates : [];
  const { childToken } = records;
  if (records.token === void 0 || records.leases.length === 0 && !revokeToken && certificates.length === 0 && childToken === void 0)
    return [];
  return revokeRecorded(
    masks2,
    { token: records.token, leases: records.leases, revokeToken, certificates, childToken },
    cancel2
  );
}

// src/post.ts
async function run(cancel2) {
  if (root === void 0) info("Nothing to clean up: the main step made no session folder.");
  for (const line of renewal ? await stopRenewal(renewal) : []) info(inert(line));
  const local2 = cleanupLocal();
  if (local2) info(inert(local2.line));
  const lines = local2 ? await local2.remote(cancel2) : [];
  for (const line of lines) info(inert(line));
  if (local2) lines.push(local2.line);
  cancel2.signal.throwIfAborted();
  const forms = local2?.forms ?? [];
  const guard = readGuard();
  const outcome = guard ? await guardStage(
    {
      paths: guard.scanPaths,
      cachePaths: guard.cache?.paths ?? [],
      image: void 0,
      onLeak: guard.onLeak,
      sarifFile: guard.sarifFile,
      workers: 0
    },
    forms
  ) : void 0;
  if (guard?.cache) {
    if (loadMainCompleted()) {
      lines.push(await saveStage(guard.cache, outcome?.cacheHits ?? 0));
    } else {
      lines.push(`cache ${guard.cache.key}: not saved, the main step did not finish`);
    }
  }
  await writePostSummary(lines, outcome?.lines ?? []);
  if (outcome?.failed) {
    setFailed(
      `${ACTION_NAME}: leak guard: ${outcome.hits.length} secret hit(s) in ${new Set(outcome.hits.map((h) => h.path)).size} file(s) (see the annotations). Remove them, or set on-leak: delete or warn.`
    );
  }
}
function readGuard() {
  try {
    return readGuardConfig();
  } catch (err) {
    warning(inertMessage(`leak guard skipped: ${errorMessage(err)}`));
    return void 0;
  }
}
var masks = new MaskRegistry((value) => setSecret(value));
var root = loadSessionRoot();
var renewal = root === void 0 ? void 0 : readRenewal(sessionPaths(root));
var local;
var cleanupLocal = () => local ??= root === void 0 ? void 0 : cleanLocal(root, masks);
var cancel = watchCancel({
  first: () => {
    cleanupLocal();
    if (renewal) signalRenewal(renewal);
  },
  notice: (signal) => `${signal}: the session's files are removed; logouts and revocations in flight get ${GRACE_MS} ms to finish.`,
  failure: (signal) => `cancelled by ${signal}: the session's files are removed; a token or lease not revoked expires at its TTL.`
});
run(cancel).catch((err) => {
  const by = cancel.by();
  failStep(by ? new Error(cancel.failure(by)) : err, (text) => masks.redact(text));
});
//# sourceMappingURL=post.js.map
