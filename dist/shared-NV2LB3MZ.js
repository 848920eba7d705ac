import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  replacePrivateFile,
  writePrivateFile
} from "./shared-73F27MEW.js";
import {
  getState,
  saveState
} from "./shared-QCDMWCIP.js";

// src/state.ts
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
var ROOT_KEY = "session-root";
var REVOKE_KEY = "revoke-token";
var DOCKER_CONFIG_KEY = "docker-config";
var REGISTRIES_KEY = "registries";
var PKI_REVOKE_KEY = "pki-revoke";
function sessionPaths(root) {
  const priv = join(root, "private");
  return {
    root,
    files: join(root, "files"),
    private: priv,
    docker: join(root, "docker"),
    envFile: join(root, "secrets.env"),
    tokenFile: join(priv, "vault-token"),
    leasesFile: join(priv, "leases"),
    certificatesFile: join(priv, "certificates"),
    formsFile: join(priv, "forms"),
    destinationsFile: join(priv, "destinations"),
    planFile: join(priv, "plan.json"),
    renewFile: join(priv, "renew.json"),
    renewPidFile: join(priv, "renew.pid"),
    renewLog: join(priv, "renew.log")
  };
}
function saveSessionRoot(root) {
  saveState(ROOT_KEY, root);
}
function loadSessionRoot() {
  const root = getState(ROOT_KEY);
  return root === "" ? void 0 : root;
}
function recordToken(paths, token, revoke) {
  writePrivateFile(paths.tokenFile, token);
  saveState(REVOKE_KEY, String(revoke));
}
function loadRevokeFlag() {
  return getState(REVOKE_KEY) === "true";
}
function recordLease(paths, leaseId) {
  appendFileSync(paths.leasesFile, `${JSON.stringify(leaseId)}
`, { mode: 384 });
}
function recordCertificate(paths, cert, revoke) {
  appendFileSync(paths.certificatesFile, `${cert.mount} ${cert.serial}
`, { mode: 384 });
  saveState(PKI_REVOKE_KEY, String(revoke));
}
function loadPkiRevokeFlag() {
  return getState(PKI_REVOKE_KEY) === "true";
}
function recordForms(paths, forms) {
  const lines = forms.map((f) => `${JSON.stringify({ text: f.text, name: f.name, kind: f.kind })}
`);
  appendFileSync(paths.formsFile, lines.join(""), { mode: 384 });
}
function readForms(paths) {
  return (readOptional(paths.formsFile) ?? "").split("\n").filter(Boolean).flatMap((line) => {
    try {
      const f = JSON.parse(line);
      return typeof f.text === "string" && typeof f.name === "string" && typeof f.kind === "string" ? [{ text: f.text, name: f.name, kind: f.kind }] : [];
    } catch {
      return [];
    }
  });
}
var CACHE_KEY = "cache-matched-key";
var COMPLETED_KEY = "main-completed";
function saveMainCompleted() {
  saveState(COMPLETED_KEY, "true");
}
function loadMainCompleted() {
  return getState(COMPLETED_KEY) === "true";
}
function saveCacheMatch(key) {
  saveState(CACHE_KEY, key);
}
function loadCacheMatch() {
  return getState(CACHE_KEY);
}
function readRecords(paths) {
  return {
    token: readOptional(paths.tokenFile)?.trim() || void 0,
    leases: (readOptional(paths.leasesFile) ?? "").split("\n").flatMap(readLeaseLine),
    certificates: (readOptional(paths.certificatesFile) ?? "").split("\n").flatMap((line) => {
      const [mount, serial] = line.split(" ");
      return mount && serial ? [{ mount, serial }] : [];
    })
  };
}
function readLeaseLine(line) {
  try {
    const id = JSON.parse(line);
    return typeof id === "string" && id !== "" ? [id] : [];
  } catch {
    return [];
  }
}
function readOptional(path) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return void 0;
  }
}
function saveDockerConfig(dir) {
  saveState(DOCKER_CONFIG_KEY, dir);
}
function saveRegistries(hosts) {
  saveState(REGISTRIES_KEY, JSON.stringify(hosts));
}
function loadDockerRecords() {
  const dir = getState(DOCKER_CONFIG_KEY);
  let registries;
  try {
    registries = JSON.parse(getState(REGISTRIES_KEY) || "[]");
  } catch {
    registries = [];
  }
  return {
    configDir: dir === "" ? void 0 : dir,
    registries: Array.isArray(registries) ? registries.filter((r) => typeof r === "string") : []
  };
}
function recordDestination(paths, destination) {
  appendFileSync(paths.destinationsFile, `${JSON.stringify(destination)}
`, { mode: 384 });
}
function readDestinations(paths) {
  return (readOptional(paths.destinationsFile) ?? "").split("\n").flatMap((line) => {
    try {
      const d = JSON.parse(line);
      return typeof d.path === "string" && Array.isArray(d.dirs) ? [{ path: d.path, dirs: d.dirs.filter((x) => typeof x === "string") }] : [];
    } catch {
      return [];
    }
  });
}
function recordPlan(paths, plan) {
  const json = JSON.stringify(plan, (k, v) => k === "depth" && v === Infinity ? -1 : v);
  replacePrivateFile(paths.planFile, json);
}
function readPlan(paths) {
  const text = readOptional(paths.planFile);
  if (text === void 0) return void 0;
  return JSON.parse(text, (k, v) => k === "depth" && v === -1 ? Infinity : v);
}
function replaceLeases(paths, ids) {
  replacePrivateFile(paths.leasesFile, ids.map((id) => `${JSON.stringify(id)}
`).join(""));
}
function childTokenFile(paths) {
  return join(paths.private, "child-token");
}
function recordChildToken(paths, token) {
  writePrivateFile(childTokenFile(paths), token);
}
function readChildToken(paths) {
  return readOptional(childTokenFile(paths))?.trim() || void 0;
}

// src/vault/request-ids.ts
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function requestIdOf(body) {
  const id = body?.request_id;
  return typeof id === "string" && UUID.test(id) ? id : void 0;
}
function requestIdRecord(method, pathname, body) {
  const id = requestIdOf(body);
  if (id === void 0) return void 0;
  const path = decoded(pathname.replace(/^\/v1\//, ""));
  return { operation: operationOf(method, path), path, id };
}
function operationOf(method, path) {
  if (method === "LIST") return "list";
  if (method === "GET") return "read";
  if (method === "DELETE") return "delete";
  return /^auth\/.+\/login(\/|$)/.test(path) ? "login" : "write";
}
function requestIdLine(r) {
  return `${r.operation} ${r.path}: ${r.id}`;
}
function decoded(path) {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export {
  sessionPaths,
  saveSessionRoot,
  loadSessionRoot,
  recordToken,
  loadRevokeFlag,
  recordLease,
  recordCertificate,
  loadPkiRevokeFlag,
  recordForms,
  readForms,
  saveMainCompleted,
  loadMainCompleted,
  saveCacheMatch,
  loadCacheMatch,
  readRecords,
  saveDockerConfig,
  saveRegistries,
  loadDockerRecords,
  recordDestination,
  readDestinations,
  recordPlan,
  readPlan,
  replaceLeases,
  recordChildToken,
  readChildToken,
  requestIdRecord,
  requestIdLine
};
//# sourceMappingURL=shared-NV2LB3MZ.js.map
