import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  VaultRequestError,
  connect,
  loginAll,
  mapSettled,
  restoreStage
} from "./shared-AUJVKZUA.js";
import "./shared-K2QAIXDX.js";
import {
  MaskRegistry,
  builderName,
  detectBuilder,
  docker,
  envNameRefusal,
  fileVariableRefusal,
  guardImage,
  readMainConfig,
  reason,
  recordCertificate,
  recordForms,
  recordLease,
  recordToken,
  saveDockerConfig,
  saveMainCompleted,
  saveSessionRoot,
  sessionPaths,
  writeMainSummary,
  writePrivateFile
} from "./shared-UCFZKWEK.js";
import "./shared-NYIERDFJ.js";
import {
  MIN_SECRET_LENGTH,
  errorMessage,
  failStep,
  inertMessage,
  inertProperties,
  say,
  shortParts
} from "./shared-YW6EPKTQ.js";
import {
  error,
  exportVariable,
  group,
  info,
  notice,
  setFailed,
  setOutput,
  setSecret,
  warning
} from "./shared-QCDMWCIP.js";
import {
  assertUniqueNames,
  deriveName,
  groupByPath,
  isValidName
} from "./shared-SL72OVGL.js";
import "./shared-BDLR4YRK.js";

// src/mask/emit.ts
import { EOL } from "node:os";
function addMaskLines(texts) {
  return texts.map((t) => `::add-mask::${t.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}${EOL}`).join("");
}
function addMasks(texts) {
  if (texts.length > 0) process.stdout.write(addMaskLines(texts));
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
function deliverEnv(secrets, warn = true) {
  requireFileCommand("GITHUB_ENV", "env");
  if (warn)
    warning(
      `deliver env: ${secrets.length} secret(s) exported as environment variables. Every later step and every process it starts inherits them, and \`docker inspect\` shows env passed to containers. Files (the default) reach only what reads them.`
    );
  for (const s of secrets) exportVariable(s.name, s.reveal());
}
function deliverOutputs(secrets, warn = true) {
  requireFileCommand("GITHUB_OUTPUT", "outputs");
  if (warn)
    warning(
      `deliver outputs: ${secrets.length} secret(s) set as step outputs. The runner drops any job output that holds a secret, and an output expression copies the value into every place it is used. Prefer files (the default).`
    );
  for (const s of secrets) setOutput(s.outputName, s.reveal());
}
function requireFileCommand(variable, delivery) {
  if (!process.env[variable]) {
    throw new Error(
      `deliver ${delivery}: ${variable} is not set, so the value would have to be printed as a workflow command. Run this on a runner (or act) that provides ${variable}, or deliver files.`
    );
  }
}

// src/deliver/check.ts
function checkDelivery(secrets, deliveries) {
  const names = new Set(secrets.map((s) => s.name.toUpperCase()));
  for (const s of secrets) {
    for (const d of ["env", "env-file"]) {
      const why = deliveries.has(d) ? envNameRefusal(s.name) : void 0;
      if (why !== void 0)
        throw new Error(
          `deliver ${d}: ${s.name} would replace a variable that changes how ${d === "env" ? "later programs" : "the container's programs"} run (${why}); it comes from ${s.source}. Give it another NAME in the secrets spec, e.g. "| APP_${s.name}".`
        );
    }
    if (deliveries.has("files")) {
      const variable = `${s.name}_FILE`;
      const why = fileVariableRefusal(variable);
      if (why !== void 0)
        throw new Error(
          `deliver files: ${s.name} would export ${variable}, ${why}, pointing at the secret; it comes from ${s.source}. Give it another NAME in the secrets spec (a prefix after \`*\`, e.g. "| APP_").`
        );
      if (deliveries.has("env") && names.has(variable.toUpperCase()))
        throw new Error(
          `deliver files, env: ${variable} is both the path of ${s.name}'s file and a secret's name, so one would overwrite the other. Rename one of them in the secrets spec.`
        );
    }
    for (const d of ["env", "outputs"]) {
      if (deliveries.has(d) && s.reveal().includes("\0"))
        throw new Error(
          `deliver ${d}: ${s.name} (from ${s.source}) holds a NUL byte, which ${d === "env" ? "environment variables" : "step outputs"} cannot carry. Deliver it as files.`
        );
    }
  }
}

// src/deliver/stage.ts
function deliverStage(secrets, deliveries, session, compat = false) {
  setOutput("names", secrets.map((s) => s.name).join(" "));
  if (secrets.length === 0) return /* @__PURE__ */ new Map();
  checkDelivery(secrets, deliveries);
  let files = /* @__PURE__ */ new Map();
  if (deliveries.has("files")) {
    files = deliverFiles(secrets, session.files);
    info(
      `Wrote ${secrets.length} file(s) (0600) to ${session.files}${session.memoryBacked ? " (memory-backed)" : ""}; each path is in NAME_FILE.`
    );
  }
  if (deliveries.has("env-file")) {
    deliverEnvFile(secrets, session.envFile);
    info(`Wrote the env-file ${session.envFile} (0600) for docker run --env-file.`);
  }
  if (deliveries.has("env")) deliverEnv(secrets, !compat);
  if (deliveries.has("outputs")) deliverOutputs(secrets, !compat);
  return files;
}

// src/deliver/token.ts
import { join as join3 } from "node:path";
function deliverToken(token, ways, session) {
  if (ways.has("files")) {
    const path = join3(session.files, "VAULT_TOKEN");
    writePrivateFile(path, token.reveal());
    exportVariable("VAULT_TOKEN_FILE", path);
    setOutput("vault-token-file", path);
    info(`Wrote the Vault token to ${path} (0600); its path is in VAULT_TOKEN_FILE.`);
  }
  if (ways.has("env")) {
    requireFileCommand("GITHUB_ENV", "the token to env");
    exportVariable("VAULT_TOKEN", token.reveal());
  }
  if (ways.has("outputs")) {
    requireFileCommand("GITHUB_OUTPUT", "the token to outputs");
    setOutput("vault_token", token.reveal());
  }
}

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
      for (const p of list.filter((i) => PASSWORD_KEYS.test(i.key)))
        pairs.push({ user: u.value, password: p.value, name: p.name });
    }
  }
  return pairs;
}

// src/secret.ts
import { inspect } from "node:util";
var Secret = class {
  constructor(name, source, value, outputName = name) {
    this.name = name;
    this.source = source;
    this.outputName = outputName;
    this.#value = value;
  }
  name;
  source;
  outputName;
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
    return {
      read: `${base}data/${encodePath(rest)}${query}`,
      list: `${base}metadata/${encodePath(rest)}/`,
      unwrap: "kv2"
    };
  }
  if (version !== void 0) {
    const what = mount ? `a ${mount.type}${mount.kvVersion ? ` v${mount.kvVersion}` : ""} mount` : "a mount whose type Vault would not tell";
    throw new Error(
      `"${path}?version=${version}": versions exist on KV v2 only, and ${path} is on ${what}. Remove ?version=.`
    );
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
      if (err instanceof VaultRequestError && (err.status === 403 || err.status === 404 || err.status === 400))
        return void 0;
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

// src/vault/select.ts
function selectValues(req, data, readPath, leaf) {
  const at = (key) => `${readPath}#${key}`;
  switch (req.selector.kind) {
    case "compat":
      throw new Error(`secrets line ${req.line}: a vault-action selector is evaluated by compat/select.ts.`);
    case "whole":
      return [{ name: req.name ?? "", value: JSON.stringify(data), source: readPath, line: req.line }];
    case "all":
      return Object.entries(data).map(([key, v]) => {
        const name = deriveName(leaf === void 0 ? [key] : [leaf, key], req.name ?? "");
        if (!isValidName(name)) {
          throw new Error(
            `secrets line ${req.line}: key "${key}" of ${readPath} gives no usable name; select it explicitly with \`| NAME\`.`
          );
        }
        return { name, value: stringify(v, req, at(key)), source: at(key), line: req.line };
      });
    case "key": {
      const shown = req.selector.segments.join(".");
      const value = dig(data, req.selector.segments, req, readPath);
      return [
        {
          name: req.name ?? deriveName(req.selector.segments),
          value: stringify(value, req, at(shown)),
          source: at(shown),
          line: req.line
        }
      ];
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
      throw new Error(
        `secrets line ${req.line}: "${segment}" not found in ${where} (${describe(container, i === 0)}). Check the key's spelling and case.`
      );
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
function describe(node, topLevel) {
  if (Array.isArray(node)) return `an array of ${node.length}`;
  if (node !== null && typeof node === "object") {
    const keys = Object.keys(node);
    if (!topLevel) return "an object, whose keys are part of the value and not listed";
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
    super(
      failures.length === 1 ? failures[0] ?? "" : `${failures.length} secrets could not be fetched:
- ${failures.join("\n- ")}`
    );
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
    let data;
    try {
      data = await readData(paths);
    } catch (err) {
      if (opts.compat?.onNotFound === void 0 || !(err instanceof VaultRequestError) || err.status !== 404) throw err;
      opts.compat.onNotFound(err.message);
      return [];
    }
    if (!data)
      throw new Error(
        `secrets line ${first.line}: ${paths.read} returned no data: check that it is a secret and not a folder (a folder ends with "/").`
      );
    const fetched2 = [];
    for (const req of group2) {
      for (const s of await select(req, data, path, leaf)) {
        opts.onValue(s.name, s.value);
        fetched2.push({ secret: new Secret(s.name, s.source, s.value, s.outputName), line: s.line });
      }
    }
    return fetched2;
  };
  const select = async (req, data, path, leaf) => {
    if (req.selector.kind !== "compat") return selectValues(req, data, path, leaf);
    const { selectCompat } = await import("./shared-AFHOMHTG.js");
    return selectCompat({ ...req, selector: req.selector }, data, path, { encoding: opts.compat?.encoding });
  };
  const readFolder = async (group2) => {
    const first = group2[0];
    const depth = first.depth ?? 1;
    const leaves = await listFolder(first, depth);
    if (leaves.length === 0)
      throw new Error(
        depth === 1 ? `secrets line ${first.line}: no secrets directly under ${first.path}/ (sub-folders are read with \`${first.path}/ **\` or ?depth=N).` : `secrets line ${first.line}: no secrets under ${first.path}/.`
      );
    const settled2 = await mapSettled(
      leaves,
      opts.concurrency,
      (leaf) => atLine(first.line, readOne(group2, `${first.path}/${leaf}`, leaf))
    );
    return unwrapAll(settled2).flat();
  };
  const listFolder = async (req, depth) => {
    const found = [];
    let level = [""];
    for (let d = 1; d <= depth && level.length > 0; d++) {
      const listed = unwrapAll(
        await mapSettled(level, opts.concurrency, async (prefix) => {
          const folder = prefix === "" ? req.path : `${req.path}/${prefix.slice(0, -1)}`;
          const paths = apiPathsFor(folder, await mounts.resolve(folder), void 0);
          return (await api.list(paths.list)).map((key) => {
            if (!/^[^/?#%\\\p{Cc}]+\/?$/u.test(key) || key === "./" || key === "../" || key === "." || key === "..")
              throw new Error(`secrets line ${req.line}: Vault listed an unusable key under ${folder}/.`);
            return prefix + key;
          });
        })
      ).flat();
      level = listed.filter((k) => k.endsWith("/"));
      found.push(...listed.filter((k) => !k.endsWith("/")));
      if (found.length > opts.maxFolderSecrets)
        throw new Error(
          `secrets line ${req.line}: ${req.path}/ holds more than ${opts.maxFolderSecrets} secrets${depth > 1 ? ` within ${d} level(s)` : ""}: pick a narrower folder or depth, or raise vault-folder-limit.`
        );
    }
    return found;
  };
  const settled = await mapSettled(groups, opts.concurrency, (group2) => {
    const first = group2[0];
    return atLine(first.line, first.folder ? readFolder(group2) : readOne(group2, first.path));
  });
  const fetched = unwrapAll(settled).flat();
  assertUniqueNames(fetched.map((f) => ({ name: f.secret.name, line: f.line, what: f.secret.source })));
  return fetched.map((f) => f.secret);
}
async function atLine(line, work) {
  try {
    return await work;
  } catch (err) {
    if (err instanceof FetchError || !(err instanceof Error) || err.message.startsWith("secrets line ")) throw err;
    err.message = `secrets line ${line}: ${err.message}`;
    throw err;
  }
}
function unwrapAll(settled) {
  const failures = settled.flatMap((r) => {
    if (r.status === "fulfilled") return [];
    if (r.reason instanceof FetchError) return r.reason.failures;
    return [errorMessage(r.reason)];
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

// src/vault/pki.ts
var PARTS = [
  ["CERT", "certificate"],
  ["KEY", "private_key"],
  ["CA", "issuing_ca"],
  ["CA_CHAIN", "ca_chain"]
];
async function issueCertificate(req, api, onValue) {
  const reply = await api.write(req.path, { ...req.parameters }, "issue certificate");
  const data = reply?.data;
  const fields = typeof data === "object" && data !== null ? data : {};
  const bad = (what) => new Error(`vault-pki entry ${req.line}: ${req.path} returned no ${what}: check that ${req.mount} is a PKI engine.`);
  const values = /* @__PURE__ */ new Map();
  for (const [suffix, field] of [PARTS[1], PARTS[0], PARTS[2], PARTS[3]]) {
    const raw = fields[field];
    const value = field === "ca_chain" && isStringList(raw) ? raw.join("\n") : raw;
    if (typeof value !== "string" || field !== "ca_chain" && !value.includes("-----BEGIN")) throw bad(field);
    onValue(`${req.name}_${suffix}`, value);
    values.set(suffix, value);
  }
  const serial = fields["serial_number"];
  if (typeof serial !== "string" || !/^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2})*$/.test(serial)) throw bad("serial_number");
  return {
    secrets: PARTS.map(
      ([suffix]) => new Secret(`${req.name}_${suffix}`, `${req.path}#${suffix}`, values.get(suffix) ?? "")
    ),
    mount: req.mount,
    serial
  };
}
function isStringList(v) {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}

// src/vault/stage.ts
async function vaultStage({
  vault,
  requests,
  masks: masks2,
  session,
  cancel: cancel2,
  compat
}) {
  const started = Date.now();
  const conn = await group("Log in to Vault", async () => {
    const c = await connect(vault.connection, vault.auth, (name, value) => masks2.addHandle(name, value), cancel2);
    const policies = c.login.policies.length ? say` (policies: ${c.login.policies.join(", ")})` : "";
    info(`Authenticated at ${vault.connection.shownAddr} with ${vault.auth.method}${policies}.`);
    return c;
  });
  try {
    let tokenRecorded = false;
    const ensureToken = () => {
      if (!tokenRecorded) recordToken(session, conn.login.token, vault.revokeToken);
      tokenRecorded = true;
    };
    if (vault.revokeToken) ensureToken();
    let leases = 0;
    const paths = groupByPath(requests).size;
    const secrets = await group(
      `Fetch ${requests.length} secret entr${requests.length === 1 ? "y" : "ies"}`,
      async () => {
        const fetched = await fetchSecrets(requests, conn.api, {
          concurrency: vault.connection.concurrency,
          ...compat ? {
            compat: {
              encoding: compat.encoding,
              ...compat.ignoreNotFound ? { onNotFound: (failure) => error(inertMessage(`\u2718 ${failure}`)) } : {}
            }
          } : {},
          maxFolderSecrets: vault.folderLimit,
          onValue: (name, value) => addValue(masks2, name, value),
          onLease: (lease) => {
            masks2.addHandle("lease", lease.id);
            ensureToken();
            recordLease(session, lease.id);
            leases++;
          }
        });
        for (const pair of credentialPairs(
          fetched.map((s) => ({ source: s.source, name: s.name, value: s.reveal() }))
        )) {
          masks2.addBasicAuth(pair.name, pair.user, pair.password);
        }
        if (requests.length > 0)
          info(`Fetched ${fetched.length} secret(s) from ${paths} path(s) in ${Date.now() - started} ms.`);
        for (const req of vault.pki.requests) {
          const issued = await issueCertificate(req, conn.api, (name, value) => masks2.addSecret(name, value));
          if (vault.pki.revoke) ensureToken();
          recordCertificate(session, issued, vault.pki.revoke);
          info(say`Issued certificate ${req.name} from ${req.path} (serial ${issued.serial}).`);
          fetched.push(...issued.secrets);
        }
        if (vault.pki.requests.length > 0) {
          assertUniqueNames(fetched.map((s) => ({ name: s.name, line: 0, what: s.source })));
        }
        return fetched;
      }
    );
    const facts = {
      addr: vault.connection.shownAddr,
      method: vault.auth.method,
      paths,
      millis: Date.now() - started,
      retries: conn.transport.stats.retries,
      leases
    };
    return { secrets, facts, token: new Secret("VAULT_TOKEN", `${vault.auth.method} login`, conn.login.token) };
  } finally {
    conn.transport.close();
  }
}
function warnIfShort(name, value) {
  if (value.trim() === "") {
    warning(
      `${name} is empty or only whitespace: the runner masks no such value (there is nothing to hide), and it is delivered as it is.`
    );
    return;
  }
  if (value.trim().length < MIN_SECRET_LENGTH) {
    warning(
      `${name} is shorter than ${MIN_SECRET_LENGTH} characters: it is masked, but masking text that short blanks out unrelated log text too, and such a secret is easy to guess.`
    );
  }
  const parts = shortParts(value);
  const lines = parts.filter((p) => p.kind === "line").length;
  const leaves = parts.length - lines;
  if (lines > 0) {
    warning(
      `${name}: ${lines} line(s) are shorter than ${MIN_SECRET_LENGTH} characters. The runner masks every line of a value however short, so those words are blanked wherever they appear in the log. Keep secrets in separate keys of at least ${MIN_SECRET_LENGTH} characters.`
    );
  }
  if (leaves > 0) {
    warning(
      `${name}: ${leaves} JSON value(s) inside it are shorter than ${MIN_SECRET_LENGTH} characters and are not masked on their own (the whole value and its lines are). Keep secrets in separate keys of at least ${MIN_SECRET_LENGTH} characters.`
    );
  }
}
function addValue(masks2, name, value) {
  const printable = value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  masks2.addSecret(name, printable);
  warnIfShort(name, printable);
  if (printable !== value)
    throw new Error(
      `${name}: the value Vault returned is not valid Unicode (a lone UTF-16 surrogate, \\uD800-\\uDFFF in its JSON), so it can be neither masked nor delivered faithfully. Store it as UTF-8 text, or base64-encode it.`
    );
}

// src/docker/stage.ts
import { mkdirSync as mkdirSync2 } from "node:fs";
import { homedir } from "node:os";
import { join as join5 } from "node:path";

// src/docker/build.ts
import { readFileSync } from "node:fs";
import { join as join4, relative, isAbsolute } from "node:path";

// src/docker/dockerfile/space.ts
var SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;
function isSpace(ch) {
  return ch !== void 0 && SPACE.test(ch);
}
function trimLeadingSpace(s) {
  let start = 0;
  while (isSpace(s[start])) start++;
  return s.slice(start);
}
function trimSpace(s) {
  let end = s.length;
  while (isSpace(s[end - 1])) end--;
  return trimLeadingSpace(s.slice(0, end));
}

// src/docker/dockerfile/shell.ts
function lex(input, escape, raw) {
  let text = "";
  const words = [];
  let word = "";
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] ?? "";
    if (ch === "'" || ch === '"') {
      const quoted = ch === "'" ? singleQuoted(input, i) : doubleQuoted(input, i, escape);
      if (quoted === void 0) return void 0;
      text += quoted.value;
      word += raw ? input.slice(i, quoted.end + 1) : quoted.value;
      i = quoted.end;
    } else if (ch === escape) {
      const next = input[++i];
      if (next === void 0) break;
      text += next;
      word += raw ? ch + next : next;
    } else if (isSpace(ch)) {
      text += ch;
      if (word !== "") words.push(word);
      word = "";
    } else {
      text += ch;
      word += ch;
    }
  }
  if (word !== "") words.push(word);
  return { text, words };
}
function singleQuoted(input, start) {
  const end = input.indexOf("'", start + 1);
  return end < 0 ? void 0 : { value: input.slice(start + 1, end), end };
}
function doubleQuoted(input, start, escape) {
  let value = "";
  for (let i = start + 1; i < input.length; i++) {
    const ch = input[i] ?? "";
    if (ch === '"') return { value, end: i };
    const next = input[i + 1];
    if (ch === escape && (next === '"' || next === "$" || next === escape)) {
      value += next;
      i++;
    } else {
      value += ch;
    }
  }
  return void 0;
}

// src/docker/dockerfile/assignments.ts
function argAssignments(args, escape) {
  return rawWords(args, escape).map((word) => assignment(word, escape));
}
var LEGACY_SEPARATOR = /[\t\v\f\r ]+/;
function envAssignments(args, escape) {
  const words = rawWords(args, escape);
  if (words[0]?.includes("=") === false) {
    const gap = LEGACY_SEPARATOR.exec(args);
    if (!gap) return [{ key: unquote(args, escape), value: void 0 }];
    return [
      { key: unquote(args.slice(0, gap.index), escape), value: unquote(args.slice(gap.index + gap[0].length), escape) }
    ];
  }
  return words.filter((word) => word.includes("=")).map((word) => assignment(word, escape));
}
function rawWords(args, escape) {
  return lex(args, escape, true)?.words ?? [];
}
function assignment(word, escape) {
  const eq = word.indexOf("=");
  if (eq < 0) return { key: unquote(word, escape), value: void 0 };
  return { key: unquote(word.slice(0, eq), escape), value: unquote(word.slice(eq + 1), escape) };
}
function unquote(text, escape) {
  return lex(text, escape, false)?.text ?? text;
}

// src/docker/dockerfile/directives.ts
var NAMES = /* @__PURE__ */ new Set(["syntax", "escape", "check"]);
var DIRECTIVE = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*([^\n]*)$/;
var GO_SPACE = /* @__PURE__ */ new Set(["	", "\n", "\f", "\r", " "]);
var DirectiveScanner = class {
  constructor(prefix) {
    this.prefix = prefix;
  }
  prefix;
  done = false;
  seen = /* @__PURE__ */ new Set();
  read(line, lineNumber) {
    if (this.done) return void 0;
    const match = line.startsWith(this.prefix) ? DIRECTIVE.exec(trimLeadingSpace(line.slice(this.prefix.length))) : null;
    const name = match?.[1]?.toLowerCase();
    const value = trimGoSpace(match?.[2] ?? "");
    if (name === void 0 || !NAMES.has(name) || this.seen.has(name) || value === "") {
      this.done = true;
      return void 0;
    }
    this.seen.add(name);
    return { name, value, line: lineNumber };
  }
};
function trimGoSpace(s) {
  let end = s.length;
  while (end > 0 && GO_SPACE.has(s[end - 1] ?? "")) end--;
  return s.slice(0, end);
}

// src/docker/dockerfile/frontend.ts
function detectSyntax(text) {
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  const shebang = lines[0]?.startsWith("#!") ? 1 : 0;
  const body = lines.slice(shebang);
  for (const prefix of ["#", "//"]) {
    const scanner = new DirectiveScanner(prefix);
    for (const [index, raw] of body.entries()) {
      const directive = scanner.read(raw.endsWith("\r") ? raw.slice(0, -1) : raw, index + 1 + shebang);
      if (directive === void 0) break;
      if (directive.name === "syntax") return directive;
    }
  }
  const value = jsonSyntax(body.join("\n"));
  return value ? { name: "syntax", value, line: 1 + shebang } : void 0;
}
function jsonSyntax(text) {
  try {
    const parsed = JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      const syntax = parsed["syntax"];
      return typeof syntax === "string" ? syntax : void 0;
    }
  } catch {
  }
  return void 0;
}

// src/docker/dockerfile/command.ts
var TOKEN_SPACE = /[\t\v\f\r ]+/;
function splitCommand(line) {
  const trimmed = trimSpace(line);
  const match = TOKEN_SPACE.exec(trimmed);
  if (!match) return { keyword: trimmed.toUpperCase(), args: "" };
  return {
    keyword: trimmed.slice(0, match.index).toUpperCase(),
    args: trimSpace(trimmed.slice(match.index + match[0].length))
  };
}
function splitFlags(line) {
  const flags = [];
  let phase = "spaces";
  let word = "";
  let quote = "";
  let blankOk = false;
  let parsingFlagArg = false;
  let needFlagArg = true;
  for (let pos = 0; pos <= line.length; pos++) {
    let ch = line[pos] ?? "";
    if (phase === "spaces") {
      if (pos === line.length) break;
      if (isSpace(ch)) continue;
      if (!parsingFlagArg && !line.startsWith("--", pos)) return { flags, rest: line.slice(pos) };
      phase = "word";
    }
    if (pos === line.length) {
      if (word !== "--" && (blankOk || word !== "")) flags.push(word);
      break;
    }
    if (phase === "word") {
      if (isSpace(ch)) {
        phase = "spaces";
        if (parsingFlagArg) {
          flags.push(`${flags.pop() ?? ""}=${word}`);
          parsingFlagArg = false;
          needFlagArg = true;
        } else {
          if (word === "--") return { flags, rest: line.slice(pos) };
          if (blankOk || word !== "") {
            parsingFlagArg = needFlagArg;
            flags.push(word);
          }
        }
        word = "";
        blankOk = false;
        continue;
      }
      if (ch === "=") needFlagArg = false;
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOk = true;
        phase = "quote";
        continue;
      }
      if (ch === "\\") {
        if (pos + 1 === line.length) continue;
        ch = line[++pos] ?? "";
      }
      word += ch;
      continue;
    }
    if (ch === quote) {
      phase = "word";
      continue;
    }
    if (ch === "\\") {
      if (pos + 1 === line.length) {
        phase = "word";
        continue;
      }
      ch = line[++pos] ?? "";
    }
    word += ch;
  }
  return { flags, rest: "" };
}
function flagValues(flags, name) {
  const values = [];
  for (const flag of flags) {
    if (flag === "--") break;
    const eq = flag.indexOf("=");
    if (eq >= 0 && flag.slice(2, eq) === name) values.push(flag.slice(eq + 1));
  }
  return values;
}

// src/docker/dockerfile/mounts.ts
function secretMounts(args) {
  return flagValues(splitFlags(args).flags, "mount").flatMap((value) => {
    const fields = csvRecord(value);
    const mount = fields && readFields(fields);
    return mount?.type === "secret" ? [secretMount(mount)] : [];
  });
}
function readFields(fields) {
  const mount = { type: "bind", id: "", source: "", target: "", required: false };
  for (const field of fields) {
    const eq = field.indexOf("=");
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? void 0 : field.slice(eq + 1);
    if (key === "required") mount.required = value === void 0 || GO_TRUE.has(value);
    else if (value === void 0) continue;
    else if (key === "type") mount.type = value.toLowerCase();
    else if (key === "id") mount.id = value;
    else if (key === "source" || key === "src") mount.source = value;
    else if (key === "target" || key === "dst" || key === "destination") mount.target = value;
  }
  return mount;
}
var GO_TRUE = /* @__PURE__ */ new Set(["1", "t", "T", "TRUE", "true", "True"]);
function secretMount(mount) {
  if (mount.source !== "" && mount.id !== "") return { kind: "invalid", reason: "both source and id can't be set" };
  const id = mount.source || mount.id || (mount.target === "" ? "" : pathBase(mount.target));
  if (id === "") return { kind: "invalid", reason: "invalid secret mount. one of source, target required" };
  return id.includes("$") ? { kind: "dynamic" } : { kind: "id", id, required: mount.required };
}
function pathBase(path) {
  let end = path.length;
  while (path[end - 1] === "/") end--;
  return end === 0 ? "/" : path.slice(path.lastIndexOf("/", end - 1) + 1, end);
}
function csvRecord(text) {
  if (text === "") return void 0;
  const fields = [];
  for (let pos = 0; ; pos++) {
    let field;
    if (text[pos] === '"') {
      field = "";
      for (pos++; ; pos += 2) {
        const close = text.indexOf('"', pos);
        if (close < 0) return void 0;
        field += text.slice(pos, close);
        pos = close;
        if (text[close + 1] !== '"') break;
        field += '"';
      }
      pos++;
      if (pos < text.length && text[pos] !== ",") return void 0;
    } else {
      const comma = text.indexOf(",", pos);
      const end = comma < 0 ? text.length : comma;
      field = text.slice(pos, end);
      if (field.includes('"')) return void 0;
      pos = end;
    }
    fields.push(field);
    if (pos >= text.length) return fields;
  }
}

// src/docker/dockerfile/heredoc.ts
var TAKES_HEREDOCS = /* @__PURE__ */ new Set(["ADD", "COPY", "RUN"]);
var HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;
var JSON_STRING = String.raw`"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"`;
var JSON_FORM = new RegExp(
  String.raw`^\[[ \t\n\r]*(?:${JSON_STRING}[ \t\n\r]*(?:,[ \t\n\r]*${JSON_STRING}[ \t\n\r]*)*)?\]`
);
function heredocsOf(keyword, args, line) {
  const inner = keyword === "ONBUILD" ? splitCommand(args) : { keyword, args };
  if (!TAKES_HEREDOCS.has(inner.keyword) || !line.includes("<<")) return [];
  if (JSON_FORM.test(splitFlags(inner.args).rest)) return [];
  return (lex(line, "\\", true)?.words ?? []).flatMap((word) => {
    const match = HEREDOC_WORD.exec(word);
    const names = match?.[3] ? lex(match[3], "\\", false)?.words : void 0;
    const name = names?.length === 1 ? names[0] : void 0;
    return name === void 0 ? [] : [{ name, chomp: match?.[2] === "-" }];
  });
}

// src/docker/dockerfile/parse.ts
function parseDockerfile(text) {
  const lines = text.replace(/^\uFEFF/, "").split("\n").map(trimLineEnd);
  const scanner = new DirectiveScanner("#");
  const directives = [];
  const instructions = [];
  let escape = "\\";
  for (let next = 0; next < lines.length; ) {
    const line = next + 1;
    const first = trimLeadingSpace(lines[next++] ?? "");
    const directive = scanner.read(first, line);
    if (directive) {
      directives.push(directive);
      if (directive.name === "escape" && (directive.value === "\\" || directive.value === "`"))
        escape = directive.value;
    }
    let { text: joined, continues } = trimContinuation(isComment(first) ? "" : first, escape);
    if (!continues && joined === "") continue;
    while (continues && next < lines.length) {
      const part = lines[next++] ?? "";
      if (isComment(part) || trimLeadingSpace(part) === "") continue;
      const trimmed = trimContinuation(part, escape);
      joined += trimmed.text;
      continues = trimmed.continues;
    }
    const { keyword, args } = splitCommand(joined);
    if (keyword === "") continue;
    const heredocs = heredocsOf(keyword, args, joined).map((heredoc) => {
      const body = readHeredoc(lines, next, heredoc);
      next = body.next;
      return body.text;
    });
    instructions.push({ keyword, args, line, heredocs });
  }
  return { directives, escape, instructions };
}
function isComment(line) {
  return trimLeadingSpace(line).startsWith("#");
}
function trimLineEnd(line) {
  let end = line.length;
  while (line[end - 1] === "\r") end--;
  return line.slice(0, end);
}
function trimContinuation(line, escape) {
  let end = line.length;
  while (line[end - 1] === " " || line[end - 1] === "	") end--;
  const at = end - 1;
  const continues = at >= 0 && line[at] === escape && line[at - 1] !== escape;
  return { text: continues ? line.slice(0, at) : line, continues };
}
function readHeredoc(lines, from, heredoc) {
  let index = from;
  for (; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if ((heredoc.chomp ? line.replace(/^\t+/, "") : line) === heredoc.name) break;
  }
  return { text: lines.slice(from, index).join("\n"), next: index + 1 };
}

// src/docker/dockerfile/check.ts
var SECRET_NAME = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/iu;
var ALLOWED_NAME = /(?:_|^)(?:public|file|version)(?:_|$)/iu;
var INSTRUCTIONS = new Set(
  "ADD ARG CMD COPY ENTRYPOINT ENV EXPOSE FROM HEALTHCHECK LABEL MAINTAINER ONBUILD RUN SHELL STOPSIGNAL USER VOLUME WORKDIR".split(
    " "
  )
);
function checkDockerfile(text, opts) {
  const parsed = parseDockerfile(text);
  const show = (fragment) => {
    const secret = opts.findSecret(fragment);
    return secret === void 0 ? fragment : `(text holding secret ${secret})`;
  };
  const used = /* @__PURE__ */ new Set();
  let dynamicMount = false;
  const findings = [...remoteFrontend(text, show)];
  for (const instruction of parsed.instructions) {
    findings.push(...instructionFindings(instruction, parsed.escape, opts.findSecret, show));
    if (instruction.keyword !== "RUN") continue;
    for (const mount of secretMounts(instruction.args)) {
      if (mount.kind === "dynamic") dynamicMount = true;
      else if (mount.kind === "invalid") findings.push(invalidMount(instruction.line, mount.reason));
      else {
        used.add(mount.id);
        if (!opts.secretIds.includes(mount.id))
          findings.push(unknownMount(instruction.line, show(mount.id), mount.required));
      }
    }
  }
  if (!dynamicMount) findings.push(...[...new Set(opts.secretIds)].filter((id) => !used.has(id)).map(unusedSecret));
  return findings.map((f) => ({ ...f, severity: levelled(f.severity, opts.level) })).sort((a, b) => a.line - b.line);
}
function levelled(natural, level) {
  if (level === "default") return natural;
  return level === "error" ? "error" : "warning";
}
function instructionFindings(instruction, escape, findSecret, show) {
  const { keyword, args, line } = instruction;
  const assignments = keyword === "ARG" ? argAssignments(args, escape) : keyword === "ENV" ? envAssignments(args, escape) : [];
  const findings = [];
  for (const { key, value } of assignments) {
    if (SECRET_NAME.test(key) && !ALLOWED_NAME.test(key)) {
      findings.push({
        rule: "secret-name",
        severity: "warning",
        line,
        message: `${keyword} ${show(key)} looks like a secret: build args and ENV are stored in the image history and provenance. Mount it with RUN --mount=type=secret,id=... instead.`
      });
    }
    const secret2 = value === void 0 ? void 0 : findSecret(value);
    if (secret2 !== void 0) {
      findings.push({
        rule: "secret-value",
        severity: "error",
        line,
        message: `${keyword} ${show(key)} holds the value of secret ${secret2}: it would be baked into the image layers and history. Use RUN --mount=type=secret.`
      });
    }
  }
  if (findings.some((f) => f.rule === "secret-value")) return findings;
  const secret = findSecret([args, ...instruction.heredocs].join("\n"));
  if (secret === void 0) return findings;
  return [
    ...findings,
    {
      rule: "secret-value",
      severity: "error",
      line,
      message: `${INSTRUCTIONS.has(keyword) ? keyword : "This instruction"} contains the value of secret ${secret}: instruction text is kept in the image history, layers or provenance. Read it from a RUN --mount=type=secret file instead.`
    }
  ];
}
function remoteFrontend(text, show) {
  const syntax = detectSyntax(text);
  if (!syntax) return [];
  const image = show(syntax.value.split(" ")[0] ?? "");
  const pin = image.includes("@") ? "" : ` Pin it by digest (${image}@sha256:...) or remove it to use the frontend built into BuildKit.`;
  return [
    {
      rule: "remote-frontend",
      severity: "warning",
      line: syntax.line,
      message: `The syntax directive makes BuildKit pull the frontend image ${image} from a registry at build time and hand it the whole build, secrets included.${pin}`
    }
  ];
}
function unknownMount(line, id, required) {
  const message = required ? `RUN mounts secret "${id}" with required=true, which this build does not provide: add it to build-secrets, or this step fails.` : `RUN mounts secret "${id}", which this build does not provide: add it to build-secrets (or the mount is silently empty unless required=true).`;
  return { rule: "unknown-secret-mount", severity: required ? "error" : "warning", line, message };
}
function invalidMount(line, reason2) {
  return {
    rule: "unknown-secret-mount",
    severity: "error",
    line,
    message: `RUN has a secret mount that BuildKit rejects ("${reason2}"): name the secret with id=ID alone, or give only target=PATH, whose last path element is then the id.`
  };
}
function unusedSecret(id) {
  return {
    rule: "unused-secret",
    severity: "warning",
    line: 0,
    message: `This build passes secret "${id}", but no RUN --mount=type=secret uses it: remove it from build-secrets, or mount it where it is needed.`
  };
}

// src/docker/command.ts
function buildCommand(builder, build, secrets, iidFile, metadataFile) {
  if (builder === "buildkit" && build.platforms.length > 1) {
    throw new Error(
      `build-platforms lists ${build.platforms.length} platforms, and docker build without buildx builds one: install the buildx plugin for multi-platform builds.`
    );
  }
  const args = builder === "buildx" ? ["buildx", "build"] : ["build"];
  if (build.file !== void 0) args.push("--file", build.file);
  for (const tag of build.tags) args.push("--tag", tag);
  for (const arg of build.args) args.push("--build-arg", `${arg.name}=${arg.value}`);
  if (build.target !== void 0) args.push("--target", build.target);
  if (build.platforms.length > 0) args.push("--platform", build.platforms.join(","));
  for (const s of secrets)
    args.push("--secret", "file" in s.source ? `id=${s.id},src=${s.source.file}` : `id=${s.id},env=${s.source.env}`);
  args.push("--iidfile", iidFile);
  if (builder === "buildx") {
    args.push(`--provenance=${build.provenance ?? "mode=min"}`);
    args.push("--metadata-file", metadataFile);
    args.push(build.push ? "--push" : "--load");
  }
  args.push(build.context);
  return { args, env: builder === "buildkit" ? { DOCKER_BUILDKIT: "1" } : {} };
}

// src/docker/build.ts
var MAX_SECRET_BYTES = 500 * 1024;
function prepareBuild(config, builder, deps) {
  refuseSecretBuildArgs(config, deps.masks);
  checkFile(config, deps.masks);
  return { config, builder, sources: secretSources(config, deps) };
}
async function runBuild(prepared, deps) {
  const { config, builder, sources } = prepared;
  const iidFile = join4(deps.privateDir, "image-id");
  const metadataFile = join4(deps.privateDir, "build-metadata.json");
  const pushInBuild = pushesInBuild(config.push, builder, deps.scanImage !== void 0);
  const command = buildCommand(builder, { ...config, push: pushInBuild }, sources.list, iidFile, metadataFile);
  await group(`Build ${config.context} with ${builderName(builder)}`, async () => {
    const run2 = await docker(command.args, { env: { ...deps.env, ...command.env, ...sources.env }, silent: false });
    if (run2.exitCode !== 0)
      throw new Error(`the build failed (${builderName(builder)}): ${deps.masks.redact(reason(run2))}`);
  });
  const imageId = readFileSync(iidFile, "utf8").trim();
  if (deps.scanImage) await deps.scanImage(config.tags[0] ?? imageId, deps.env);
  let digest;
  if (pushInBuild) digest = metadataDigest(metadataFile);
  else if (config.push) digest = await pushAll(config.tags, deps);
  return { builder, imageId, digest };
}
function pushesInBuild(push, builder, scanning) {
  return push && builder === "buildx" && !scanning;
}
function refuseSecretBuildArgs(config, masks2) {
  const hits = config.args.flatMap((arg) => {
    const form = masks2.find(arg.value);
    return form ? [`${arg.name} holds secret ${form.name}${form.kind === "value" ? "" : ` (as ${form.kind})`}`] : [];
  });
  if (hits.length > 0) {
    throw new Error(
      `build-args: ${hits.join("; ")}. Build args are stored in the image history and in provenance: pass secrets with build-secrets and RUN --mount=type=secret instead.`
    );
  }
}
function checkFile(config, masks2) {
  if (config.check === "off") return;
  const path = config.file ?? join4(config.context, "Dockerfile");
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new Error(
      `cannot read the Dockerfile ${path} (${err.code ?? "error"}): check build-context and build-file.`,
      { cause: err }
    );
  }
  const findings = checkDockerfile(text, {
    secretIds: config.secrets.map((s) => s.id),
    findSecret: (t) => masks2.find(t)?.name,
    level: config.check
  });
  const file = workspaceRelative(path);
  for (const f of findings) {
    const props = { title: `Dockerfile ${f.rule}`, file, ...f.line > 0 ? { startLine: f.line } : {} };
    if (f.severity === "error") error(inertMessage(f.message), inertProperties(props));
    else warning(inertMessage(f.message), inertProperties(props));
  }
  const errors = findings.filter((f) => f.severity === "error").length;
  if (errors > 0)
    throw new Error(
      `the Dockerfile check found ${errors} problem(s) in ${file} (see the annotations); nothing was built. Set dockerfile-check: warn to build anyway.`
    );
}
function secretSources(config, deps) {
  const env = {};
  const list = config.secrets.map((entry) => {
    const secret = deps.secrets.get(entry.name);
    if (!secret)
      throw new Error(
        `build-secrets: ${entry.name} was not fetched: add it to secrets (fetched: ${[...deps.secrets.keys()].join(", ") || "none"}).`
      );
    if (secret.bytes > MAX_SECRET_BYTES)
      throw new Error(
        `build-secrets: ${entry.name} is ${secret.bytes} bytes; BuildKit takes at most 500 KB per secret.`
      );
    if (entry.via === "env") {
      const variable = `BUILD_SECRET_${entry.id.replace(/[^A-Za-z0-9_]/g, "_").toUpperCase()}`;
      env[variable] = secret.reveal();
      return { id: entry.id, source: { env: variable } };
    }
    let file = deps.files.get(entry.name);
    if (file === void 0) {
      file = join4(deps.privateDir, `build-secret-${entry.id}`);
      writePrivateFile(file, secret.reveal());
    }
    return { id: entry.id, source: { file } };
  });
  return { list, env };
}
async function pushAll(tags, deps) {
  let digest;
  for (const tag of tags) {
    await group(`docker push ${tag}`, async () => {
      const run2 = await docker(["push", tag], { env: deps.env, silent: false });
      if (run2.exitCode !== 0) throw new Error(`docker push ${tag} failed: ${deps.masks.redact(reason(run2))}`);
      digest = /digest: (sha256:[0-9a-f]{64})/.exec(run2.stdout)?.[1] ?? digest;
    });
  }
  return digest;
}
function metadataDigest(path) {
  try {
    const meta = JSON.parse(readFileSync(path, "utf8"));
    const digest = meta["containerimage.digest"];
    return typeof digest === "string" ? digest : void 0;
  } catch {
    return void 0;
  }
}
function workspaceRelative(path) {
  const workspace = process.env["GITHUB_WORKSPACE"];
  if (!workspace) return path;
  const rel = relative(workspace, path);
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

// src/docker/stage.ts
async function dockerPreflight(config) {
  if (config.build) return detectBuilder();
  if (config.logins.length > 0) {
    const run2 = await docker(["version", "--format", "{{.Client.Version}}"]);
    if (run2.exitCode !== 0) throw new Error(`docker does not run: ${reason(run2)}`);
  }
  return void 0;
}
async function dockerStage({
  config,
  builder,
  secrets,
  files,
  masks: masks2,
  session,
  scanImage
}) {
  if (config.logins.length === 0 && config.build === void 0) return void 0;
  const configDir = dockerConfigDir(config, session);
  const env = { DOCKER_CONFIG: configDir };
  const deps = {
    secrets: new Map(secrets.map((s) => [s.name, s])),
    files,
    masks: masks2,
    privateDir: session.private,
    env,
    scanImage
  };
  const prepared = config.build && builder ? prepareBuild(config.build, builder, deps) : void 0;
  const registries = await loginAll(config.logins, deps.secrets, masks2, env);
  const build = prepared ? await runBuild(prepared, deps) : void 0;
  if (build) {
    setOutput("image-id", build.imageId);
    setOutput("builder", builderName(build.builder));
    if (build.digest) setOutput("digest", build.digest);
    info(
      `Built ${build.imageId} with ${builderName(build.builder)}${build.digest ? `, pushed as ${build.digest}` : ""}.`
    );
  }
  return { configDir, registries, build };
}
function dockerConfigDir(config, session) {
  let dir;
  if (config.configMode === "job") {
    dir = session.docker;
    mkdirSync2(dir, { mode: 448 });
    exportVariable("DOCKER_CONFIG", dir);
    setOutput("docker-config", dir);
  } else {
    dir = process.env["DOCKER_CONFIG"] || join5(homedir(), ".docker");
  }
  saveDockerConfig(dir);
  return dir;
}

// src/cancel.ts
var GRACE_MS = 2500;
var EXIT_AFTER_MS = GRACE_MS + 1500;
function watchCancel() {
  const controller = new AbortController();
  let by;
  const onSignal = (signal) => {
    if (by !== void 0) process.exit(1);
    by = signal;
    info(`${signal}: cancelling. No new Vault requests; replies in flight get ${GRACE_MS} ms to land.`);
    controller.abort();
    setTimeout(() => {
      setFailed(cancelMessage(signal));
      process.exit(1);
    }, EXIT_AFTER_MS).unref();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return { signal: controller.signal, graceMs: GRACE_MS, by: () => by };
}
function cancelMessage(signal) {
  return `cancelled by ${signal}: the token and leases Vault issued are recorded, and the post step revokes them and removes the files.`;
}

// src/main.ts
async function run(masks2, cancel2) {
  const config = await readMainConfig(masks2);
  if (config.compat)
    notice(
      "hashicorp/vault-action inputs: secrets go to env and outputs as vault-action delivers them (and to files). For new workflows, `deliver: files` keeps them out of every process environment."
    );
  const builder = await dockerPreflight(config.docker);
  const needed = config.vault !== void 0 || config.docker.logins.length > 0 || config.docker.build !== void 0;
  const session = needed ? createSession(config.filesBaseDir) : void 0;
  if (config.guard.cache) await restoreStage(config.guard.cache);
  if (!config.vault) info("No secrets requested: Vault is not contacted.");
  const { fetched, files, docker: docker2 } = session ? await sessionStages({ config, session, builder, masks: masks2, cancel: cancel2 }) : { fetched: void 0, files: /* @__PURE__ */ new Map(), docker: void 0 };
  const secrets = fetched?.secrets ?? [];
  if (config.summary) {
    await writeMainSummary({
      secrets,
      deliveries: config.deliveries,
      vault: fetched?.facts,
      docker: docker2,
      filesDir: files.size > 0 ? session?.files : void 0,
      memoryBacked: session?.memoryBacked ?? false,
      masks: masks2.forms().length
    });
  }
  saveMainCompleted();
}
async function sessionStages({ config, session, builder, masks: masks2, cancel: cancel2 }) {
  masks2.persistTo((forms) => recordForms(session, forms));
  const fetched = config.vault ? await vaultStage({
    vault: config.vault,
    requests: config.requests,
    masks: masks2,
    session,
    cancel: cancel2,
    compat: config.compat
  }) : void 0;
  cancel2.signal.throwIfAborted();
  const secrets = fetched?.secrets ?? [];
  if (fetched) deliverToken(fetched.token, config.tokenDeliveries, session);
  const files = deliverStage(secrets, config.deliveries, session, config.compat !== void 0);
  const scanImage = config.guard.scanImage ? (image, env) => guardImage(masks2, image, env) : void 0;
  const docker2 = await dockerStage({ config: config.docker, builder, secrets, files, masks: masks2, session, scanImage });
  return { fetched, files, docker: docker2 };
}
var masks = new MaskRegistry((value) => setSecret(value), addMasks);
var cancel = watchCancel();
run(masks, cancel).catch((err) => {
  const by = cancel.by();
  failStep(by ? new Error(cancelMessage(by)) : err, (text) => masks.redact(text));
});
//# sourceMappingURL=main.js.map
