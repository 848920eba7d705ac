import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  createVaultApi,
  logoutAll,
  openTransport,
  saveStage
} from "./shared-7TEJLYLS.js";
import {
  guardStage
} from "./shared-OHTLQ7KB.js";
import {
  MaskRegistry,
  loadDockerRecords,
  loadMainCompleted,
  loadRevokeFlag,
  loadSessionRoot,
  readConnectionConfig,
  readForms,
  readGuardConfig,
  readRecords,
  sessionPaths,
  writePostSummary
} from "./shared-53QGJAB5.js";
import "./shared-EEZICAB7.js";
import "./shared-J226QVBU.js";
import "./shared-BIK7WYMU.js";
import {
  info,
  setFailed,
  setSecret,
  warning
} from "./shared-M7NTE7GS.js";
import "./shared-VBZQBPYA.js";

// src/cleanup/revoke.ts
async function revokeAll(leaseApi, leases, tokenApi) {
  const report = { leasesRevoked: 0, tokenRevoked: false, failures: [] };
  if (tokenApi) {
    try {
      await tokenApi.write("auth/token/revoke-self", {}, "revoke token");
      return { ...report, tokenRevoked: true, leasesRevoked: leases.length };
    } catch (err) {
      report.failures.push(messageOf(err));
    }
  }
  const results = await Promise.allSettled(
    leases.map((id) => leaseApi.write("sys/leases/revoke", { lease_id: id }, "revoke lease"))
  );
  for (const r of results) {
    if (r.status === "fulfilled") report.leasesRevoked++;
    else report.failures.push(messageOf(r.reason));
  }
  return report;
}
function messageOf(err) {
  return err instanceof Error ? err.message : "unknown error";
}
async function revokeRecorded(masks2, token, leases, revokeToken) {
  let conn;
  try {
    conn = readConnectionConfig(masks2);
  } catch (err) {
    warning(`not revoking: ${messageOf(err)}`);
    return ["revocation skipped: the Vault connection inputs are invalid"];
  }
  const transport = openTransport(conn);
  try {
    const leaseApi = createVaultApi({ addr: conn.addr, namespace: conn.namespace, token, transport });
    const tokenApi = revokeToken ? leaseApi.with({ namespace: conn.authNamespace }) : void 0;
    const report = await revokeAll(leaseApi, leases, tokenApi);
    for (const failure of report.failures)
      warning(`${masks2.redact(failure)} The credentials expire at their TTL instead.`);
    const out = [];
    if (revokeToken)
      out.push(report.tokenRevoked ? "revoked the Vault token" : "could not revoke the Vault token (see warnings)");
    if (leases.length > 0)
      out.push(
        `revoked ${report.leasesRevoked} of ${leases.length} lease(s)${report.tokenRevoked ? " with the token" : ""}`
      );
    return out;
  } finally {
    transport.close();
  }
}

// src/cleanup/shred.ts
import {
  closeSync,
  constants,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  rmdirSync,
  unlinkSync,
  writeSync
} from "node:fs";
import { randomFillSync } from "node:crypto";
import { join } from "node:path";
function shredTree(root) {
  const report = { files: 0, bytes: 0, failures: [] };
  visit(root, report);
  return report;
}
function visit(path, report) {
  let st;
  try {
    st = lstatSync(path);
  } catch (err) {
    if (err.code !== "ENOENT")
      report.failures.push(`${path}: ${err.code}`);
    return;
  }
  try {
    if (st.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry), report);
      rmdirSync(path);
      return;
    }
    if (st.isFile()) {
      overwrite(path, st.size);
      report.files++;
      report.bytes += st.size;
    }
    unlinkSync(path);
  } catch (err) {
    report.failures.push(`${path}: ${err.code ?? "error"}`);
  }
}
function overwrite(path, size) {
  const fd = openSync(path, constants.O_WRONLY | constants.O_NOFOLLOW);
  try {
    const chunk = Buffer.alloc(Math.min(size, 1 << 16));
    for (let offset = 0; offset < size; offset += chunk.length) {
      const n = Math.min(chunk.length, size - offset);
      randomFillSync(chunk, 0, n);
      writeSync(fd, chunk, 0, n, offset);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

// src/cleanup/session.ts
async function cleanSession(root, masks2) {
  const lines = [];
  const paths = sessionPaths(root);
  const records = readRecords(paths);
  if (records.token !== void 0) masks2.addHandle("VAULT_TOKEN", records.token);
  for (const lease of records.leases) masks2.addHandle("lease", lease);
  const forms = readForms(paths).map((f) => ({ ...f, kind: f.kind }));
  const docker = loadDockerRecords();
  if (docker.configDir !== void 0 && docker.registries.length > 0) {
    lines.push(...await logoutAll(docker.registries, { DOCKER_CONFIG: docker.configDir }));
  }
  const revokeToken = loadRevokeFlag();
  if (records.token !== void 0 && (records.leases.length > 0 || revokeToken)) {
    lines.push(...await revokeRecorded(masks2, records.token, records.leases, revokeToken));
  }
  const shred = shredTree(root);
  for (const failure of shred.failures) warning(`could not remove ${failure}`);
  lines.push(
    `shredded and removed ${shred.files} file(s), ${shred.bytes} byte(s), in ${root}${shred.failures.length ? ` (${shred.failures.length} left: see warnings)` : ""}`
  );
  return { lines, forms };
}

// src/post.ts
async function run(masks2) {
  const root = loadSessionRoot();
  if (root === void 0) info("Nothing to clean up: the main step made no session folder.");
  const { lines, forms } = root === void 0 ? { lines: [], forms: [] } : await cleanSession(root, masks2);
  for (const line of lines) info(line);
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
      `leak guard: ${outcome.hits.length} secret hit(s) in ${new Set(outcome.hits.map((h) => h.path)).size} file(s) (see the annotations). Remove them, or set on-leak: delete or warn.`
    );
  }
}
function readGuard() {
  try {
    return readGuardConfig();
  } catch (err) {
    warning(`leak guard skipped: ${err instanceof Error ? err.message : String(err)}`);
    return void 0;
  }
}
var masks = new MaskRegistry((value) => setSecret(value));
run(masks).catch((err) => {
  setFailed(masks.redact(err instanceof Error ? err.message : String(err)));
});
