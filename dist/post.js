import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  ACTION_NAME,
  MaskRegistry,
  Scanner,
  addLineNumbers,
  createVaultApi,
  errorMessage,
  failStep,
  loadDockerRecords,
  loadMainCompleted,
  loadRevokeFlag,
  loadSessionRoot,
  logoutAll,
  openTransport,
  readConnectionConfig,
  readForms,
  readGuardConfig,
  readRecords,
  saveStage,
  sessionPaths,
  tally,
  where,
  writePostSummary
} from "./shared-Z7LP2JHA.js";
import {
  create
} from "./shared-IAGGBOVM.js";
import {
  error,
  group,
  info,
  setFailed,
  setSecret,
  warning
} from "./shared-TTT2GRFM.js";

// src/cleanup/revoke.ts
async function revokeAll(leaseApi, leases, tokenApi) {
  const report = { leasesRevoked: 0, tokenRevoked: false, failures: [] };
  if (tokenApi) {
    try {
      await tokenApi.write("auth/token/revoke-self", {}, "revoke token");
      return { ...report, tokenRevoked: true, leasesRevoked: leases.length };
    } catch (err) {
      report.failures.push(errorMessage(err));
    }
  }
  const results = await Promise.allSettled(
    leases.map((id) => leaseApi.write("sys/leases/revoke", { lease_id: id }, "revoke lease"))
  );
  for (const r of results) {
    if (r.status === "fulfilled") report.leasesRevoked++;
    else report.failures.push(errorMessage(r.reason));
  }
  return report;
}
async function revokeRecorded(masks2, token, leases, revokeToken) {
  let conn;
  try {
    conn = readConnectionConfig(masks2);
  } catch (err) {
    warning(`not revoking: ${errorMessage(err)}`);
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

// src/guard/stage.ts
import { rmSync } from "node:fs";
import { sep } from "node:path";
var MAX_ANNOTATIONS = 50;
async function guardStage(config, forms) {
  const patterns = [...config.scanPaths, ...config.cache?.paths ?? []];
  if (patterns.length === 0) return void 0;
  const roots = await expand(patterns);
  const started = Date.now();
  const scanner = new Scanner(forms);
  if (scanner.empty) {
    const lines2 = ["leak guard: no secret was fetched, nothing to look for"];
    return { roots, hits: [], files: 0, bytes: 0, millis: 0, cacheHits: 0, failed: false, lines: lines2 };
  }
  await group(`Leak guard: scan ${roots.length} path(s)`, async () => {
    for (const root of roots) await scanner.scanPath(root);
  });
  addLineNumbers(scanner.hits);
  const { hits, stats } = scanner;
  const millis = Date.now() - started;
  for (const note of stats.notes) info(`leak guard could not read ${note}`);
  if (stats.dropped > 0)
    warning(`leak guard: ${stats.dropped} more hit(s) past the first ${hits.length} were counted but not listed`);
  const lines = [
    `leak guard: scanned ${stats.files} file(s), ${stats.bytes} byte(s) in ${millis} ms under ${roots.join(", ") || "(no path matched)"}: ${hits.length === 0 ? "clean" : `${hits.length} hit(s)`}`,
    ...tally(hits).map((t) => `leak guard hit: ${t}`)
  ];
  const cacheHits = config.cache ? hitsUnder(hits, await expand(config.cache.paths)).length : 0;
  act(config.onLeak, hits);
  return {
    roots,
    hits,
    files: stats.files,
    bytes: stats.bytes,
    millis,
    cacheHits,
    failed: config.onLeak === "fail" && hits.length > 0,
    lines
  };
}
function act(onLeak, hits) {
  hits.slice(0, MAX_ANNOTATIONS).forEach((hit) => {
    const message = `secret ${hit.name} (as ${hit.form}) found in ${where(hit)}`;
    const props = {
      title: "Leaked secret",
      file: hit.path,
      ...hit.line !== void 0 ? { startLine: hit.line } : {}
    };
    if (onLeak === "fail") error(message, props);
    else warning(message, props);
  });
  if (hits.length > MAX_ANNOTATIONS)
    info(`leak guard: ${hits.length - MAX_ANNOTATIONS} more hit(s) not annotated`);
  if (onLeak !== "delete") return;
  for (const path of new Set(hits.filter((h) => !h.path.startsWith("image ")).map((h) => h.path))) {
    rmSync(path, { force: true });
    warning(`leak guard deleted ${path}: it held a secret (on-leak: delete)`);
  }
}
async function expand(patterns) {
  const globber = await create(patterns.join("\n"), {
    followSymbolicLinks: false,
    implicitDescendants: false,
    matchDirectories: true
  });
  const found = [...new Set(await globber.glob())].sort();
  return found.filter((p, i) => !found.slice(0, i).some((q) => p.startsWith(q.endsWith(sep) ? q : q + sep)));
}
function hitsUnder(hits, roots) {
  return hits.filter((h) => roots.some((r) => h.path === r || h.path.startsWith(r.endsWith(sep) ? r : r + sep)));
}

// src/post.ts
async function run(masks2) {
  const root = loadSessionRoot();
  if (root === void 0) info("Nothing to clean up: the main step made no session folder.");
  const { lines, forms } = root === void 0 ? { lines: [], forms: [] } : await cleanSession(root, masks2);
  for (const line of lines) info(line);
  const guard = readGuard();
  const outcome = guard ? await guardStage(guard, forms) : void 0;
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
    warning(`leak guard skipped: ${errorMessage(err)}`);
    return void 0;
  }
}
var masks = new MaskRegistry((value) => setSecret(value));
run(masks).catch((err) => failStep(err, (text) => masks.redact(text)));
//# sourceMappingURL=post.js.map
