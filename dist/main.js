import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  MIN_SECRET_LENGTH,
  MaskRegistry,
  VaultRequestError,
  assertUniqueNames,
  connect,
  deriveName,
  exportVariable,
  group,
  groupByPath,
  info,
  isValidName,
  readMainConfig,
  recordLease,
  recordToken,
  saveSessionRoot,
  sessionPaths,
  setFailed,
  setOutput,
  setSecret,
  warning,
  writeMainSummary,
  writePrivateFile
} from "./shared-S72SBBUG.js";

// src/mask/pairs.ts
var USER_KEYS = /^(user(name)?|login|access[_-]?key([_-]?id)?)$/i;
var PASSWORD_KEYS = /^(pass(word)?|secret([_-]?(access[_-]?)?key)?|token|api[_-]?key)$/i;
function credentialPairs(items) {
  const bySecret = /* @__PURE__ */ new Map();
  for (const item of items) {
    const [secret = "", key = ""] = item.source.split("#");
    const list = bySecret.get(secret) ?? [];
    list.push({ key: key.split(".").pop() ?? key, name: item.name, value: item.value });
    bySecret.set(secret, list);
  }
  const pairs = [];
  for (const list of bySecret.values()) {
    for (const u of list.filter((i) => USER_KEYS.test(i.key))) {
      for (const p of list.filter((i) => PASSWORD_KEYS.test(i.key))) pairs.push({ user: u.value, password: p.value, name: p.name });
    }
  }
  return pairs;
}

// src/deliver/session.ts
import { accessSync, constants, mkdirSync, mkdtempSync, statfsSync, statSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
var TMPFS_MAGIC = 16914836;
function createSession(baseOverride) {
  const base = baseOverride ?? chooseBase();
  const root = mkdtempSync(join(base, "vault-secrets-"));
  chmodSync(root, 448);
  saveSessionRoot(root);
  const paths = sessionPaths(root);
  mkdirSync(paths.files, { mode: 448 });
  mkdirSync(paths.private, { mode: 448 });
  return { ...paths, memoryBacked: isMemoryBacked(root) };
}
function chooseBase() {
  const candidates = ["/dev/shm", process.env["RUNNER_TEMP"], tmpdir()];
  for (const dir of candidates) {
    if (dir && isWritableDir(dir) && (dir !== "/dev/shm" || isMemoryBacked(dir))) return dir;
  }
  return tmpdir();
}
function isWritableDir(dir) {
  try {
    accessSync(dir, constants.W_OK);
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
function isMemoryBacked(dir) {
  try {
    return statfsSync(dir).type === TMPFS_MAGIC;
  } catch {
    return false;
  }
}

// src/deliver/files.ts
import { join as join2 } from "node:path";
function deliverFiles(secrets, dir) {
  const paths = /* @__PURE__ */ new Map();
  for (const secret of secrets) {
    const path = join2(dir, secret.name);
    writePrivateFile(path, secret.reveal());
    paths.set(secret.name, path);
    exportVariable(`${secret.name}_FILE`, path);
  }
  setOutput("files-dir", dir);
  return paths;
}

// src/deliver/env-file.ts
function renderEnvFile(secrets) {
  const refused = secrets.filter((s) => /[\r\n\0]/.test(s.reveal())).map((s) => s.name);
  if (refused.length > 0) {
    throw new Error(
      `deliver env-file: ${refused.join(", ")} ${refused.length === 1 ? "holds" : "hold"} a line break or NUL, which docker --env-file cannot carry. Deliver ${refused.length === 1 ? "it" : "them"} as files (mount the files folder with -v DIR:/run/secrets:ro) or select single-line values.`
    );
  }
  return secrets.map((s) => `${s.name}=${s.reveal()}
`).join("");
}
function deliverEnvFile(secrets, path) {
  writePrivateFile(path, renderEnvFile(secrets));
  setOutput("env-file", path);
}

// src/deliver/env.ts
var RESERVED = /^(PATH|HOME|SHELL|USER|PWD|TMPDIR|NODE_OPTIONS|NODE_PATH|LD_PRELOAD|LD_LIBRARY_PATH|BASH_ENV|ENV|CI|(GITHUB|RUNNER|ACTIONS|INPUT|STATE)_.*)$/i;
function deliverEnv(secrets) {
  requireFileCommand("GITHUB_ENV", "env");
  const clashing = secrets.filter((s) => RESERVED.test(s.name)).map((s) => s.name);
  if (clashing.length > 0) {
    throw new Error(`deliver env: ${clashing.join(", ")} would replace a variable the runner or the job relies on. Give ${clashing.length === 1 ? "it" : "them"} another NAME in the secrets spec.`);
  }
  warning(
    `deliver env: ${secrets.length} secret(s) exported as environment variables. Every later step and every process it starts inherits them, and \`docker inspect\` shows env passed to containers. Files (the default) reach only what reads them.`
  );
  for (const s of secrets) exportVariable(s.name, s.reveal());
}
function deliverOutputs(secrets) {
  requireFileCommand("GITHUB_OUTPUT", "outputs");
  warning(
    `deliver outputs: ${secrets.length} secret(s) set as step outputs. The runner drops any job output that holds a secret, and an output expression copies the value into every place it is used. Prefer files (the default).`
  );
  for (const s of secrets) setOutput(s.name, s.reveal());
}
function requireFileCommand(variable, delivery) {
  if (!process.env[variable]) {
    throw new Error(`deliver ${delivery}: ${variable} is not set, so the value would have to be printed as a workflow command. Run this on a runner (or act) that provides ${variable}, or deliver files.`);
  }
}

// src/secret.ts
import { inspect } from "node:util";
var Secret = class {
  constructor(name, source, value) {
    this.name = name;
    this.source = source;
    this.#value = value;
  }
  name;
  source;
  #value;
  /** The value itself: only delivery code calls this. */
  reveal() {
    return this.#value;
  }
  get bytes() {
    return Buffer.byteLength(this.#value, "utf8");
  }
  toString() {
    return "***";
  }
  toJSON() {
    return "***";
  }
  [inspect.custom]() {
    return `Secret(${this.name} from ${this.source}: ***)`;
  }
};

// src/vault/paths.ts
function apiPathsFor(path, mount, version) {
  if (mount?.kvVersion === 2) {
    let rest = path.slice(mount.path.length);
    if (rest.startsWith("data/")) rest = rest.slice("data/".length);
    const query = version !== void 0 ? `?version=${version}` : "";
    const base = encodePath(mount.path);
    return { read: `${base}data/${encodePath(rest)}${query}`, list: `${base}metadata/${encodePath(rest)}/`, unwrap: "kv2" };
  }
  if (version !== void 0) {
    const what = mount ? `a ${mount.type}${mount.kvVersion ? ` v${mount.kvVersion}` : ""} mount` : "a mount whose type Vault would not tell";
    throw new Error(`"${path}?version=${version}": versions exist on KV v2 only, and ${path} is on ${what}. Remove ?version=.`);
  }
  return { read: encodePath(path), list: `${encodePath(path)}/`, unwrap: mount ? "plain" : "detect" };
}
function encodePath(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}
function secretData(body, unwrap) {
  const data = body?.data;
  if (!isObject(data)) return void 0;
  const looksKv2 = isObject(data.data) && isObject(data.metadata);
  if (unwrap === "kv2" || unwrap === "detect" && looksKv2) return isObject(data.data) ? data.data : void 0;
  return data;
}
function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

// src/vault/mounts.ts
var MountResolver = class {
  #api;
  #bySegment = /* @__PURE__ */ new Map();
  constructor(api) {
    this.#api = api;
  }
  async resolve(path) {
    const segment = path.split("/")[0] ?? path;
    const known = this.#bySegment.get(segment);
    if (known) {
      const mount = await known;
      if (mount && path.startsWith(mount.path)) return mount;
      return this.#preflight(path);
    }
    const pending = this.#preflight(path);
    this.#bySegment.set(segment, pending);
    return pending;
  }
  /** undefined: Vault would not tell (no access to the preflight): read the path as written. */
  async #preflight(path) {
    let body;
    try {
      body = await this.#api.read(`sys/internal/ui/mounts/${encodePath(path)}`, "mount lookup");
    } catch (err) {
      if (err instanceof VaultRequestError && (err.status === 403 || err.status === 404 || err.status === 400)) return void 0;
      throw err;
    }
    const data = body?.data;
    if (typeof data?.path !== "string" || typeof data.type !== "string") return void 0;
    const version = data.options?.version;
    const isKv = data.type === "kv" || data.type === "generic";
    return {
      path: data.path.endsWith("/") ? data.path : `${data.path}/`,
      type: data.type,
      kvVersion: isKv ? version === "2" || version === 2 ? 2 : 1 : void 0
    };
  }
};

// src/vault/pool.ts
async function mapSettled(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = { status: "fulfilled", value: await fn(items[i]) };
      } catch (reason) {
        results[i] = { status: "rejected", reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

// src/vault/select.ts
function selectValues(req, data, readPath, leaf) {
  const at = (key) => `${readPath}#${key}`;
  switch (req.selector.kind) {
    case "whole":
      return [{ name: req.name ?? "", value: JSON.stringify(data), source: readPath, line: req.line }];
    case "all":
      return Object.entries(data).map(([key, v]) => {
        const name = deriveName(leaf === void 0 ? [key] : [leaf, key], req.name ?? "");
        if (!isValidName(name)) {
          throw new Error(`secrets line ${req.line}: key "${key}" of ${readPath} gives no usable name; select it explicitly with \`| NAME\`.`);
        }
        return { name, value: stringify(v, req, at(key)), source: at(key), line: req.line };
      });
    case "key": {
      const shown = req.selector.segments.join(".");
      const value = dig(data, req.selector.segments, req, readPath);
      return [{ name: req.name ?? deriveName(req.selector.segments), value: stringify(value, req, at(shown)), source: at(shown), line: req.line }];
    }
  }
}
function dig(data, segments, req, readPath) {
  let node = data;
  for (const [i, segment] of segments.entries()) {
    const container = parsedIfJson(node);
    if (Array.isArray(container) && /^\d+$/.test(segment) && Number(segment) < container.length) {
      node = container[Number(segment)];
    } else if (container !== null && typeof container === "object" && !Array.isArray(container) && Object.hasOwn(container, segment)) {
      node = container[segment];
    } else {
      const where = i === 0 ? readPath : `${readPath}#${segments.slice(0, i).join(".")}`;
      throw new Error(`secrets line ${req.line}: "${segment}" not found in ${where} (${describe(container)}). Check the key's spelling and case.`);
    }
  }
  return node;
}
function parsedIfJson(node) {
  if (typeof node !== "string" || !/^\s*[[{]/.test(node)) return node;
  try {
    return JSON.parse(node);
  } catch {
    return node;
  }
}
function describe(node) {
  if (Array.isArray(node)) return `an array of ${node.length}`;
  if (node !== null && typeof node === "object") {
    const keys = Object.keys(node);
    return keys.length === 0 ? "it has no keys" : `it has: ${keys.slice(0, 20).join(", ")}${keys.length > 20 ? ", \u2026" : ""}`;
  }
  return "it is a plain value, not an object";
}
function stringify(value, req, source) {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  throw new Error(`secrets line ${req.line}: ${source} is null; nothing to deliver.`);
}

// src/vault/fetch.ts
var FetchError = class extends Error {
  constructor(failures) {
    super(failures.length === 1 ? failures[0] ?? "" : `${failures.length} secrets could not be fetched:
- ${failures.join("\n- ")}`);
    this.failures = failures;
    this.name = "FetchError";
  }
  failures;
};
async function fetchSecrets(requests, api, opts) {
  const mounts = new MountResolver(api);
  const groups = [...groupByPath(requests).values()];
  const reads = /* @__PURE__ */ new Map();
  const readData = (paths) => {
    let pending = reads.get(paths.read);
    if (!pending) {
      pending = api.read(paths.read).then((body) => {
        recordLease2(body, paths.read, opts);
        return secretData(body, paths.unwrap);
      });
      reads.set(paths.read, pending);
    }
    return pending;
  };
  const readOne = async (group2, path, leaf) => {
    const first = group2[0];
    const paths = apiPathsFor(path, await mounts.resolve(path), first.version);
    const data = await readData(paths);
    if (!data) throw new Error(`secrets line ${first.line}: ${paths.read} returned no data: check that it is a secret and not a folder (a folder ends with "/").`);
    const fetched2 = [];
    for (const req of group2) {
      for (const s of selectValues(req, data, path, leaf)) {
        opts.onValue(s.name, s.value);
        fetched2.push({ secret: new Secret(s.name, s.source, s.value), line: s.line });
      }
    }
    return fetched2;
  };
  const readFolder = async (group2) => {
    const first = group2[0];
    const paths = apiPathsFor(first.path, await mounts.resolve(first.path), void 0);
    const leaves = (await api.list(paths.list)).filter((k) => !k.endsWith("/"));
    if (leaves.length === 0) throw new Error(`secrets line ${first.line}: no secrets directly under ${first.path}/ (sub-folders are not read).`);
    const settled2 = await mapSettled(leaves, opts.concurrency, (leaf) => readOne(group2, `${first.path}/${leaf}`, leaf));
    return unwrapAll(settled2).flat();
  };
  const settled = await mapSettled(groups, opts.concurrency, (group2) => {
    const first = group2[0];
    return first.folder ? readFolder(group2) : readOne(group2, first.path);
  });
  const fetched = unwrapAll(settled).flat();
  assertUniqueNames(fetched.map((f) => ({ name: f.secret.name, line: f.line, what: f.secret.source })));
  return fetched.map((f) => f.secret);
}
function unwrapAll(settled) {
  const failures = settled.flatMap((r) => {
    if (r.status === "fulfilled") return [];
    if (r.reason instanceof FetchError) return r.reason.failures;
    return [r.reason instanceof Error ? r.reason.message : "unknown error"];
  });
  if (failures.length > 0) throw new FetchError(failures);
  return settled.map((r) => r.value);
}
function recordLease2(body, path, opts) {
  const reply = body;
  if (typeof reply?.lease_id !== "string" || reply.lease_id === "") return;
  opts.onLease({
    id: reply.lease_id,
    durationSeconds: typeof reply.lease_duration === "number" ? reply.lease_duration : 0,
    renewable: reply.renewable === true,
    path
  });
}

// src/main.ts
async function run(masks2) {
  const config = readMainConfig(masks2);
  if (config.auth.method === "userpass" || config.auth.method === "ldap") masks2.addBasicAuth("vault-password", config.auth.username, config.auth.password);
  const session = createSession(config.filesBaseDir);
  const started = Date.now();
  const conn = await group("Log in to Vault", async () => {
    const c = await connect(config.connection, config.auth, (name, value) => masks2.addHandle(name, value));
    info(`Authenticated at ${config.connection.addr} with ${config.auth.method}${c.login.policies.length ? ` (policies: ${c.login.policies.join(", ")})` : ""}.`);
    return c;
  });
  try {
    let tokenRecorded = false;
    const ensureToken = () => {
      if (!tokenRecorded) recordToken(session, conn.login.token, config.revokeToken);
      tokenRecorded = true;
    };
    if (config.revokeToken) ensureToken();
    let leases = 0;
    const secrets = await group(`Fetch ${config.requests.length} secret entr${config.requests.length === 1 ? "y" : "ies"}`, async () => {
      const fetched = await fetchSecrets(config.requests, conn.api, {
        concurrency: config.connection.concurrency,
        onValue: (name, value) => warnIfShort(name, masks2.addSecret(name, value)),
        onLease: (lease) => {
          masks2.addHandle("lease", lease.id);
          ensureToken();
          recordLease(session, lease.id);
          leases++;
        }
      });
      for (const pair of credentialPairs(fetched.map((s) => ({ source: s.source, name: s.name, value: s.reveal() })))) {
        masks2.addBasicAuth(pair.name, pair.user, pair.password);
      }
      info(`Fetched ${fetched.length} secret(s) from ${groupByPath(config.requests).size} path(s) in ${Date.now() - started} ms.`);
      return fetched;
    });
    deliver(secrets, config, session);
    if (config.summary) {
      await writeMainSummary(secrets, config.deliveries, {
        addr: config.connection.addr,
        method: config.auth.method,
        paths: groupByPath(config.requests).size,
        millis: Date.now() - started,
        retries: conn.transport.stats.retries,
        leases,
        filesDir: config.deliveries.has("files") ? session.files : void 0,
        memoryBacked: session.memoryBacked
      });
    }
  } finally {
    conn.transport.close();
  }
}
function deliver(secrets, config, session) {
  setOutput("names", secrets.map((s) => s.name).join(" "));
  if (config.deliveries.has("files")) {
    deliverFiles(secrets, session.files);
    info(`Wrote ${secrets.length} file(s) (0600) to ${session.files}${session.memoryBacked ? " (memory-backed)" : ""}; each path is in NAME_FILE.`);
  }
  if (config.deliveries.has("env-file")) {
    deliverEnvFile(secrets, session.envFile);
    info(`Wrote the env-file ${session.envFile} (0600) for docker run --env-file.`);
  }
  if (config.deliveries.has("env")) deliverEnv(secrets);
  if (config.deliveries.has("outputs")) deliverOutputs(secrets);
}
function warnIfShort(name, found) {
  if (found.short) {
    warning(`${name} is shorter than ${MIN_SECRET_LENGTH} characters: it is masked, but masking text that short blanks out unrelated log text too, and such a secret is easy to guess.`);
  }
  if (found.shortParts > 0) {
    warning(`${name}: ${found.shortParts} line(s) or JSON leaves are shorter than ${MIN_SECRET_LENGTH} characters and are not masked on their own (the whole value is). Keep secrets in separate keys of at least ${MIN_SECRET_LENGTH} characters.`);
  }
}
var masks = new MaskRegistry((value) => setSecret(value));
run(masks).catch((err) => {
  setFailed(masks.redact(err instanceof Error ? err.message : String(err)));
});
