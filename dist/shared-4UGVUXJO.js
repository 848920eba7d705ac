import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  shredTree
} from "./shared-2TF6D427.js";
import {
  readChildToken,
  readRecords,
  sessionPaths
} from "./shared-NV2LB3MZ.js";
import {
  writePrivateFile
} from "./shared-73F27MEW.js";
import {
  exportVariable
} from "./shared-QCDMWCIP.js";

// src/cleanup/sessions.ts
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, readlinkSync, renameSync } from "node:fs";
import { join } from "node:path";
var SESSION_PREFIX = "vault-secrets-";
var RECORD_FILE = "session.json";
var KIND = "vault-secrets-action session";
var SESSIONS_ENV = "VAULT_SECRETS_SESSIONS";
var SESSION_ENV = "VAULT_SECRETS_SESSION";
function vaultId(conn) {
  return createHash("sha256").update(JSON.stringify([conn.addr, conn.namespace ?? "", conn.authNamespace ?? ""])).digest("hex");
}
function readText(path) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return void 0;
  }
}
function startTime(pid) {
  const stat = readText(`/proc/${pid}/stat`);
  const fields = stat?.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields?.[19];
}
function canJudgeOwners(platform) {
  return platform === "linux";
}
function machine(platform) {
  if (!canJudgeOwners(platform)) return void 0;
  const boot = readText("/proc/sys/kernel/random/boot_id")?.trim();
  let pidns;
  try {
    pidns = readlinkSync("/proc/self/ns/pid");
  } catch {
    return void 0;
  }
  return boot ? { boot, pidns } : void 0;
}
function jobOwner(platform = process.platform) {
  const m = machine(platform);
  const start = startTime(process.ppid);
  return m && start !== void 0 ? { pid: process.ppid, start, ...m } : void 0;
}
function ownerLiveness(owner, platform = process.platform) {
  const m = machine(platform);
  if (m === void 0) return "unknown";
  if (m.boot !== owner.boot) return "gone";
  if (m.pidns !== owner.pidns) return "unknown";
  const start = startTime(owner.pid);
  return start === owner.start ? "alive" : "gone";
}
function writeSessionRecord(root, opts) {
  const record = {
    kind: KIND,
    created: opts.now ?? Date.now(),
    owner: jobOwner(),
    vault: opts.vault,
    revokeToken: opts.revokeToken
  };
  writePrivateFile(join(root, RECORD_FILE), `${JSON.stringify(record)}
`);
}
function readSessionRecord(root) {
  try {
    const r = JSON.parse(readFileSync(join(root, RECORD_FILE), "utf8"));
    if (r.kind !== KIND || typeof r.created !== "number") return void 0;
    const o = r.owner;
    const owner = o && typeof o.pid === "number" && [o.start, o.boot, o.pidns].every((v) => typeof v === "string") ? o : void 0;
    return {
      kind: KIND,
      created: r.created,
      owner,
      vault: typeof r.vault === "string" ? r.vault : void 0,
      revokeToken: r.revokeToken === true
    };
  } catch {
    return void 0;
  }
}
function jobSessions(env = process.env) {
  let listed;
  try {
    listed = JSON.parse(env[SESSIONS_ENV] || "[]");
  } catch {
    listed = [];
  }
  const roots = Array.isArray(listed) ? listed.filter((p) => typeof p === "string" && p !== "") : [];
  const last = env[SESSION_ENV];
  return [.../* @__PURE__ */ new Set([...roots, ...last ? [last] : []])];
}
function joinJobSessions(root) {
  exportVariable(SESSIONS_ENV, JSON.stringify([...jobSessions().filter((r) => r !== root), root]));
  exportVariable(SESSION_ENV, root);
}
function findStaleSessions(base, minAgeMs, now = Date.now(), platform = process.platform) {
  let names;
  try {
    names = readdirSync(base);
  } catch {
    return [];
  }
  const uid = process.getuid?.();
  return names.flatMap((name) => {
    if (!name.startsWith(SESSION_PREFIX)) return [];
    const root = join(base, name);
    try {
      const st = lstatSync(root);
      if (!st.isDirectory() || uid !== void 0 && st.uid !== uid) return [];
    } catch {
      return [];
    }
    const record = readSessionRecord(root);
    if (record?.owner === void 0) return [];
    if (now - record.created < minAgeMs) return [];
    return ownerLiveness(record.owner, platform) === "gone" ? [{ root, record }] : [];
  });
}
function sweepStaleSessions(base, minAgeMs, now = Date.now()) {
  return findStaleSessions(base, minAgeMs, now).flatMap(({ root, record }) => {
    const claimed = `${root}.sweep-${process.pid}`;
    try {
      renameSync(root, claimed);
    } catch {
      return [];
    }
    const paths = sessionPaths(claimed);
    const records = { ...readRecords(paths), childToken: readChildToken(paths) };
    const entries = readdirSync(claimed).filter((e) => e !== RECORD_FILE);
    const shreds = [...entries.map((e) => shredTree(join(claimed, e))), shredTree(claimed)];
    const files = shreds.reduce((n, s) => n + s.files, 0);
    return [{ root, record, records, files, failures: shreds.flatMap((s) => s.failures) }];
  });
}

export {
  vaultId,
  canJudgeOwners,
  writeSessionRecord,
  jobSessions,
  joinJobSessions,
  sweepStaleSessions
};
//# sourceMappingURL=shared-4UGVUXJO.js.map
