import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  createVaultApi,
  logoutAll,
  mapSettled,
  openTransport,
  saveStage
} from "./shared-AUJVKZUA.js";
import "./shared-K2QAIXDX.js";
import {
  guardStage
} from "./shared-52VANNJZ.js";
import "./shared-CSGAVOOU.js";
import {
  MaskRegistry,
  loadDockerRecords,
  loadMainCompleted,
  loadPkiRevokeFlag,
  loadRevokeFlag,
  loadSessionRoot,
  readConnectionConfig,
  readForms,
  readGuardConfig,
  readRecords,
  sessionPaths,
  writePostSummary
} from "./shared-UCFZKWEK.js";
import "./shared-NYIERDFJ.js";
import {
  ACTION_NAME,
  errorMessage,
  failStep,
  inert,
  inertMessage,
  say
} from "./shared-YW6EPKTQ.js";
import {
  info,
  setFailed,
  setSecret,
  warning
} from "./shared-QCDMWCIP.js";
import "./shared-SL72OVGL.js";
import "./shared-BDLR4YRK.js";

// src/cleanup/revoke.ts
var LEASE_CONCURRENCY = 4;
async function revokeAll({ leaseApi, leases, tokenApi, vaultDown }) {
  const report = { leasesRevoked: 0, tokenRevoked: false, failures: [] };
  if (tokenApi) {
    try {
      await tokenApi.write("auth/token/revoke-self", {}, "revoke token");
      return { ...report, tokenRevoked: true, leasesRevoked: leases.length };
    } catch (err) {
      report.failures.push(errorMessage(err));
    }
  }
  const revokeLease = async (id) => {
    if (vaultDown()) return false;
    await leaseApi.write("sys/leases/revoke", { lease_id: id }, "revoke lease");
    return true;
  };
  const results = [
    ...await mapSettled(leases.slice(0, 1), 1, revokeLease),
    ...await mapSettled(leases.slice(1), LEASE_CONCURRENCY, revokeLease)
  ];
  let skipped = 0;
  for (const r of results) {
    if (r.status === "rejected") report.failures.push(errorMessage(r.reason));
    else if (r.value) report.leasesRevoked++;
    else skipped++;
  }
  if (skipped > 0) report.failures.push(`${skipped} lease(s) not tried: Vault is not answering.`);
  return report;
}
async function revokeCertificates(api, certificates, masks2) {
  const results = await Promise.allSettled(
    certificates.map((c) => api.write(`${c.mount}/revoke`, { serial_number: c.serial }, "revoke certificate"))
  );
  let revoked = 0;
  for (const r of results) {
    if (r.status === "fulfilled") revoked++;
    else
      warning(
        inertMessage(`${masks2.redact(errorMessage(r.reason))} The certificate stays valid until it expires.`)
      );
  }
  return `revoked ${revoked} of ${certificates.length} certificate(s)`;
}
async function revokeRecorded(masks2, records) {
  const { token, leases, revokeToken, certificates } = records;
  let conn;
  try {
    conn = readConnectionConfig(masks2);
  } catch (err) {
    warning(inertMessage(`not revoking: ${errorMessage(err)}`));
    return ["revocation skipped: the Vault connection inputs are invalid"];
  }
  const transport = openTransport(conn, { timeoutMs: conn.revokeTimeoutMs, input: "vault-revoke-timeout" });
  try {
    const leaseApi = createVaultApi({ addr: conn.addr, namespace: conn.namespace, token, transport });
    const tokenApi = revokeToken ? leaseApi.with({ namespace: conn.authNamespace }) : void 0;
    const out = [];
    if (certificates.length > 0) out.push(await revokeCertificates(leaseApi, certificates, masks2));
    const report = await revokeAll({ leaseApi, leases, tokenApi, vaultDown: () => transport.down });
    for (const failure of report.failures)
      warning(
        inertMessage(`${masks2.redact(failure).replace(/([^.])$/, "$1.")} The credentials expire at their TTL instead.`)
      );
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
  const shred = shredTree(root);
  for (const failure of shred.failures) warning(say`could not remove ${failure}`);
  const shredLine = `shredded and removed ${shred.files} file(s), ${shred.bytes} byte(s), in ${root}${shred.failures.length ? ` (${shred.failures.length} left: see warnings)` : ""}`;
  const revokeToken = loadRevokeFlag();
  const certificates = loadPkiRevokeFlag() ? records.certificates : [];
  if (records.token !== void 0 && (records.leases.length > 0 || revokeToken || certificates.length > 0)) {
    lines.push(
      ...await revokeRecorded(masks2, { token: records.token, leases: records.leases, revokeToken, certificates })
    );
  }
  lines.push(shredLine);
  return { lines, forms };
}

// src/post.ts
async function run(masks2) {
  const root = loadSessionRoot();
  if (root === void 0) info("Nothing to clean up: the main step made no session folder.");
  const { lines, forms } = root === void 0 ? { lines: [], forms: [] } : await cleanSession(root, masks2);
  for (const line of lines) info(inert(line));
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
run(masks).catch((err) => failStep(err, (text) => masks.redact(text)));
//# sourceMappingURL=post.js.map
