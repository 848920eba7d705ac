import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  requestIdLine
} from "./shared-BQJEDI5I.js";
import {
  childEnv
} from "./shared-J5QQXKHR.js";
import {
  inert,
  summaryText
} from "./shared-OGSLN2KY.js";
import {
  getExecOutput,
  getInput,
  summary
} from "./shared-QCDMWCIP.js";

// src/docker/cli.ts
import { EOL } from "node:os";
async function docker(args, opts = {}) {
  try {
    const echo = (line) => void process.stdout.write(`${inert(line)}${EOL}`);
    return await getExecOutput("docker", [...args], {
      ...opts.input !== void 0 ? { input: opts.input } : {},
      env: childEnv(opts.env),
      ignoreReturnCode: true,
      silent: true,
      ...opts.silent === false ? { listeners: { stdline: echo, errline: echo } } : {}
    });
  } catch (err) {
    if (err instanceof Error && err.message.includes("Unable to locate executable file")) {
      throw new Error(
        "docker is not installed or not on PATH: install the Docker CLI and engine on the runner, or remove the registry and build inputs.",
        { cause: err }
      );
    }
    throw err;
  }
}
function reason(run) {
  const text2 = (run.stderr.trim() || run.stdout.trim()).split("\n").filter((l) => !/^WARNING!|credential helper|credentials-store|^\s*$/i.test(l));
  return text2.slice(0, 3).join(" ").trim() || `exit code ${run.exitCode}`;
}

// src/docker/builder.ts
function builderName(builder) {
  return builder === "buildx" ? "docker buildx build" : "docker build (BuildKit)";
}
async function detectBuilder(env, builderInstance) {
  const version = await docker(["version", "--format", "{{.Client.Version}}|{{.Server.Version}}"], { env });
  const [client = "", server = ""] = version.stdout.trim().split("|");
  if (version.exitCode !== 0 || server === "") {
    throw new Error(
      `cannot reach the Docker engine: ${reason(version)}. Start dockerd (or check DOCKER_HOST) before building.`
    );
  }
  if ((await docker(["buildx", "version"], { env })).exitCode === 0)
    return { builder: "buildx", driver: await buildxDriver(env, builderInstance) };
  if (builderInstance !== void 0)
    throw new Error(`build-builder names a buildx builder, and docker ${client} has no buildx plugin: install it.`);
  const major = Number(client.split(".")[0]);
  if (Number.isFinite(major) && major < 23) return { builder: "buildkit", driver: void 0 };
  throw new Error(
    `docker ${client} has no buildx plugin, and Docker 23 and later build with BuildKit only through buildx: install the docker-buildx-plugin, or put a docker that has it first on PATH.`
  );
}
async function buildxDriver(env, instance) {
  const run = await docker(["buildx", "inspect", ...instance !== void 0 ? [instance] : []], { env });
  if (run.exitCode !== 0)
    throw new Error(
      `docker buildx inspect${instance !== void 0 ? ` ${instance}` : ""} failed: ${reason(run)}. Check build-builder, or create the builder first (docker buildx create).`
    );
  return parseDriver(run.stdout);
}
function parseDriver(inspect) {
  return /^Driver:\s*(\S+)/m.exec(inspect)?.[1] ?? "unknown";
}
function isDockerDriver(platform) {
  return platform.builder === "buildx" && platform.driver === "docker";
}

// src/report/summary.ts
function secretRows(secrets, deliveries) {
  const how = [...deliveries].join(", ");
  return secrets.map((s) => [s.name, s.source, how, String(s.bytes)]);
}
async function writeMainSummary(report) {
  if (!process.env["GITHUB_STEP_SUMMARY"]) return;
  const summary2 = summary.addHeading("Vault secrets", 3);
  const { vault, docker: docker2 } = report;
  for (const warning of report.renewal?.warnings ?? []) summary2.addRaw(`<p>\u26A0\uFE0F ${escape(warning)}</p>`, true);
  if (vault) {
    const storage = report.filesDir === void 0 ? "" : ` Files are in <code>${escape(report.filesDir)}</code> (${report.memoryBacked ? "memory-backed" : "on disk; removed by the post step"}).`;
    summary2.addRaw(
      `${report.secrets.length} secret(s) from ${vault.paths} path(s) at ${escape(vault.addr)} (auth: ${vault.method}) in ${vault.millis} ms${vault.retries > 0 ? `, ${vault.retries} retried request(s)` : ""}${vault.leases > 0 ? `, ${vault.leases} lease(s) to revoke` : ""}.${storage} ${report.masks} mask(s) registered (values, lines, JSON leaves, encodings, credentials), each before any line that could hold it.`,
      true
    );
    summary2.addTable([
      ["Name", "Source", "Delivered as", "Bytes"].map((data) => ({ data, header: true })),
      ...secretRows(report.secrets, report.deliveries).map((row) => row.map(escape))
    ]);
  }
  if (vault) addRequestIds(summary2, vault.requestIds);
  if (report.renewal && report.renewal.lines.length > 0) summary2.addList(report.renewal.lines.map(escape));
  if (docker2) {
    const lines = docker2.registries.map((r) => `logged in to ${escape(r)} (DOCKER_CONFIG ${escape(docker2.configDir)})`);
    if (docker2.build) {
      lines.push(
        `built ${escape(docker2.build.imageId ?? "exports only")} with ${builderName(docker2.build.builder)}${docker2.build.digest ? `, pushed as ${escape(docker2.build.digest)}` : ""}`
      );
    }
    summary2.addHeading("Docker", 4).addList(lines);
  }
  await summary2.write();
}
async function writePostSummary(cleanup, guard) {
  if (!process.env["GITHUB_STEP_SUMMARY"]) return;
  const summary2 = summary.addHeading("Vault secrets: cleanup", 3).addList(cleanup.map(escape));
  if (guard.length > 0) summary2.addHeading("Leak guard", 4).addList(guard.map(escape));
  await summary2.write();
}
var MAX_REQUEST_IDS = 1e3;
function requestIdLines(ids) {
  const ordered = [...ids].sort(
    (a, b) => Number(a.operation !== "login") - Number(b.operation !== "login") || a.path.localeCompare(b.path, "en")
  );
  const lines = ordered.slice(0, MAX_REQUEST_IDS).map(requestIdLine);
  if (ids.length > MAX_REQUEST_IDS) lines.push(`and ${ids.length - MAX_REQUEST_IDS} more request(s)`);
  return lines;
}
function addRequestIds(summary2, ids) {
  if (ids.length === 0) return;
  summary2.addRaw("<p>Vault request ids (each is an entry's <code>request.id</code> in Vault's audit log):</p>", true);
  summary2.addList(requestIdLines(ids).map(escape));
}
var escape = summaryText;
async function writeGuardSummary(lines) {
  if (!process.env["GITHUB_STEP_SUMMARY"]) return;
  await summary.addHeading("Leak guard", 3).addList(lines.map(escape)).write();
}
async function writeVerifySummary(lines) {
  if (!process.env["GITHUB_STEP_SUMMARY"]) return;
  await summary.addHeading("Verify", 3).addList(lines.map(escape)).write();
}
function changeLine(c) {
  const [from, to] = c.versions;
  const version = to === void 0 ? "" : from === void 0 || c.added ? `, version ${to}` : `, version ${from} -> ${to}`;
  return `${c.added ? "added" : "changed"} ${c.name} (${c.source}${version}, ${c.bytes} bytes${c.rotated ? ", new lease" : ""})`;
}
async function writeRefreshSummary(outcome) {
  if (!process.env["GITHUB_STEP_SUMMARY"]) return;
  const summary2 = summary.addHeading("Vault secrets: refresh", 3).addRaw(
    `${outcome.fetched} secret(s) fetched again, ${outcome.changes.length} changed${outcome.leasesRevoked > 0 ? `, ${outcome.leasesRevoked} superseded lease(s) revoked` : ""}.`,
    true
  );
  if (outcome.changes.length > 0) summary2.addList(outcome.changes.map((c) => escape(changeLine(c))));
  addRequestIds(summary2, outcome.requestIds);
  await summary2.write();
}

// src/inputs/read.ts
import { readFileSync } from "node:fs";
var InputError = class extends Error {
  name = "InputError";
};
function text(name) {
  return nonEmpty(rawInput(name));
}
function nonEmpty(v) {
  const t = v?.trim();
  return t === void 0 || t === "" ? void 0 : t;
}
function list(name, commas = false) {
  const raw = rawInput(name);
  return raw.split(commas ? /[\n,]/ : /\n/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
}
function need(v, name, forWhat) {
  if (v === void 0) throw new InputError(`${name} is required for ${forWhat}.`);
  return v;
}
function choice(name, allowed, fallback) {
  const v = text(name) ?? fallback;
  if (!allowed.includes(v))
    throw new InputError(`${name}: "${v}" is not one of ${allowed.join(", ")}.`);
  return v;
}
function bool(name, fallback) {
  const v = text(name)?.toLowerCase();
  if (v === void 0) return fallback;
  if (["true", "yes", "on", "1"].includes(v)) return true;
  if (["false", "no", "off", "0"].includes(v)) return false;
  throw new InputError(`${name}: "${v}" is not true or false.`);
}
function integer(name, fallback, min, max) {
  const v = text(name);
  if (v === void 0) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InputError(`${name}: "${v}" must be a whole number from ${min} to ${max}.`);
  return n;
}
function seconds(name, fallback) {
  const v = text(name);
  if (v === void 0) return fallback * 1e3;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 3600)
    throw new InputError(`${name}: "${v}" must be a number of seconds above 0 and at most 3600.`);
  return Math.round(n * 1e3);
}
function pem(name) {
  const value = text(name);
  if (value === void 0) return void 0;
  if (value.includes("-----BEGIN")) return value;
  const decoded = /^[A-Za-z0-9+/=\s]+$/.test(value) && value.length > 64 ? Buffer.from(value, "base64").toString("utf8") : "";
  if (decoded.includes("-----BEGIN")) return decoded;
  try {
    const file = readFileSync(value, "utf8");
    if (file.includes("-----BEGIN")) return file;
  } catch (err) {
    throw new InputError(
      `${name}: cannot read the file "${value}" (${err.code ?? "error"}): give PEM text, base64 of it, or a readable path.`
    );
  }
  throw new InputError(`${name}: "${value}" holds no PEM block: give PEM text, base64 of it, or a path to a PEM file.`);
}

// src/inputs/compat.ts
var ALIASES = {
  url: "vault-addr",
  namespace: "vault-namespace",
  method: "vault-method",
  path: "vault-auth-path",
  token: "vault-token",
  role: "vault-role",
  roleId: "vault-role-id",
  secretId: "vault-secret-id",
  username: "vault-username",
  password: "vault-password",
  githubToken: "vault-github-token",
  jwtGithubAudience: "vault-jwt-audience",
  jwtPrivateKey: "vault-jwt-private-key",
  jwtKeyPassword: "vault-jwt-key-password",
  jwtTtl: "vault-jwt-ttl",
  kubernetesTokenPath: "vault-kubernetes-token-path",
  authPayload: "vault-auth-payload",
  extraHeaders: "vault-extra-headers",
  caCertificate: "vault-ca-cert",
  clientCertificate: "vault-client-cert",
  clientKey: "vault-client-key",
  tlsSkipVerify: "vault-tls-skip-verify",
  pki: "vault-pki"
};
var COMPAT_ONLY = ["exportEnv", "exportToken", "outputToken", "ignoreNotFound", "secretEncodingType"];
var OWN_DEFAULTS = {
  "vault-method": "token",
  "vault-kubernetes-token-path": "/var/run/secrets/kubernetes.io/serviceaccount/token",
  "vault-tls-skip-verify": "false"
};
var THEIR_METHODS = ["approle", "token", "github", "jwt", "kubernetes", "ldap", "userpass"];
var OURS_TO_THEIRS = new Map(Object.entries(ALIASES).map(([theirs, ours]) => [ours, theirs]));
var given = (name) => {
  const v = getInput(name);
  return v.trim() === "" ? void 0 : v;
};
function isCompatMode() {
  return [...Object.keys(ALIASES), ...COMPAT_ONLY].some((name) => given(name) !== void 0);
}
function rawInput(name) {
  const own = getInput(name);
  const theirName = OURS_TO_THEIRS.get(name);
  const theirs = theirName === void 0 ? void 0 : given(theirName);
  if (theirName === void 0 || theirs === void 0)
    return name === "vault-auth-path" ? compatAuthPath() ?? own : own;
  if (ownGiven(name) && own.trim() !== theirs.trim())
    throw new InputError(
      `${theirName} and ${name} are both set: ${theirName} is hashicorp/vault-action's name for ${name}. Keep one of them.`
    );
  if (theirName === "method") return methodOf(theirs);
  return theirs;
}
function ownGiven(name) {
  const own = getInput(name).trim();
  return own !== "" && own !== OWN_DEFAULTS[name];
}
function inTheirNames(message) {
  let out = message;
  for (const [theirs, ours] of Object.entries(ALIASES)) {
    if (ownGiven(ours)) continue;
    out = out.replace(new RegExp(`(?<![\\w-])${ours}(?![\\w-])`, "g"), theirs);
  }
  return out;
}
function methodOf(theirs) {
  const method = theirs.trim().toLowerCase();
  return THEIR_METHODS.includes(method) || given("authPayload") === void 0 ? method : "custom";
}
function compatAuthPath() {
  const method = given("method")?.trim().toLowerCase();
  if (method === void 0 || THEIR_METHODS.includes(method) || given("authPayload") === void 0) return void 0;
  return method;
}
var ENCODINGS = ["base64", "hex", "utf8"];
function readCompatConfig() {
  const encoding = given("secretEncodingType")?.trim();
  if (encoding !== void 0 && !ENCODINGS.includes(encoding))
    throw new InputError(`secretEncodingType: "${encoding}" is not one of ${ENCODINGS.join(", ")}.`);
  return {
    exportEnv: given("exportEnv")?.trim().toLowerCase() !== "false",
    ignoreNotFound: (given("ignoreNotFound")?.trim().toLowerCase() ?? "false") !== "false",
    encoding
  };
}
function compatTokenDeliveries() {
  const on = (name) => (given(name)?.trim().toLowerCase() ?? "false") !== "false";
  return [...on("exportToken") ? ["env"] : [], ...on("outputToken") ? ["outputs"] : []];
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
function shredDestinations(destinations) {
  const report = { files: 0, bytes: 0, failures: [] };
  for (const d of destinations) {
    let st;
    try {
      st = lstatSync(d.path);
    } catch {
      st = void 0;
    }
    if (st?.isDirectory()) report.failures.push(`${d.path}: a folder now, left alone`);
    else if (st) visit(d.path, report);
    for (const dir of [...d.dirs].reverse()) {
      try {
        rmdirSync(dir);
      } catch {
      }
    }
  }
  return report;
}

export {
  isCompatMode,
  rawInput,
  inTheirNames,
  readCompatConfig,
  compatTokenDeliveries,
  InputError,
  text,
  nonEmpty,
  list,
  need,
  choice,
  bool,
  integer,
  seconds,
  pem,
  shredTree,
  shredDestinations,
  docker,
  reason,
  builderName,
  detectBuilder,
  isDockerDriver,
  writeMainSummary,
  writePostSummary,
  writeGuardSummary,
  writeVerifySummary,
  changeLine,
  writeRefreshSummary
};
//# sourceMappingURL=shared-GST2QUQQ.js.map
