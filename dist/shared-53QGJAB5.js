import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  MIN_SECRET_LENGTH,
  Scanner,
  basicAuthForms,
  encodingsOf,
  formsOf,
  shortParts
} from "./shared-EEZICAB7.js";
import {
  error,
  exportVariable,
  getExecOutput,
  getInput,
  getState,
  group,
  info,
  saveState,
  summary,
  warning
} from "./shared-M7NTE7GS.js";

// src/inputs/read.ts
import { readFileSync } from "node:fs";
var InputError = class extends Error {
  name = "InputError";
};
function text(name) {
  return nonEmpty(getInput(name));
}
function nonEmpty(v) {
  const t = v?.trim();
  return t === void 0 || t === "" ? void 0 : t;
}
function list(name, commas = false) {
  const raw = getInput(name);
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

// src/inputs/guard.ts
function readGuardConfig() {
  const paths = list("cache-paths");
  const key = text("cache-key");
  if (paths.length > 0 !== (key !== void 0))
    throw new InputError("cache-paths and cache-key go together: give both to restore and save a cache, or neither.");
  return {
    scanPaths: list("scan-paths"),
    onLeak: choice("on-leak", ["fail", "delete", "warn"], "fail"),
    sarifFile: text("sarif-file"),
    scanImage: bool("scan-image", false),
    cache: key !== void 0 ? { paths, key, restoreKeys: list("cache-restore-keys") } : void 0
  };
}
function readGuardStepConfig() {
  const paths = list("paths");
  const image = text("image");
  if (paths.length === 0 && image === void 0)
    throw new InputError("nothing to scan: give paths (files, folders or globs), an image, or both.");
  return {
    paths,
    image,
    onLeak: choice("on-leak", ["fail", "delete", "warn"], "fail"),
    sarifFile: text("sarif-file"),
    valuesFromEnv: list("values-from-env"),
    valuesFromFiles: list("values-from-files"),
    workers: integer("workers", 0, 0, 256)
  };
}

// src/spec/group.ts
function groupByPath(requests) {
  const groups = /* @__PURE__ */ new Map();
  for (const request of requests) {
    const version = request.version === void 0 ? "" : `?version=${request.version}`;
    const key = `${request.path}${request.folder ? "/" : ""}${version}`;
    const group2 = groups.get(key);
    if (group2 === void 0) groups.set(key, [request]);
    else group2.push(request);
  }
  return groups;
}

// src/spec/types.ts
var SpecError = class extends Error {
  name = "SpecError";
  line;
  /** 1-based, in UTF-16 code units, when the problem has a position on the line. */
  column;
  constructor(line, message, column) {
    super(`secrets line ${line}: ${message}`);
    this.line = line;
    this.column = column;
  }
};

// src/spec/names.ts
var NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
function isValidName(s) {
  return NAME_PATTERN.test(s);
}
function deriveName(segments, prefix = "") {
  const core = segments.join("_").toUpperCase().replace(/[^A-Z0-9_]/gu, "_");
  if (!/[A-Z0-9]/.test(core)) return "";
  const name = prefix + core;
  return /^[0-9]/.test(name) ? `_${name}` : name;
}
function assertUniqueNames(items) {
  const seen = /* @__PURE__ */ new Map();
  for (const item of items) {
    const key = item.name.toUpperCase();
    const first = seen.get(key);
    if (first !== void 0) {
      throw new SpecError(
        item.line,
        `name ${item.name} from \`${item.what}\` clashes with ${first.name} from line ${first.line} (\`${first.what}\`); names must differ even ignoring case \u2014 give one of them another NAME with \`| NAME\` (or another prefix after \`*\`)`
      );
    }
    seen.set(key, item);
  }
}

// src/spec/cursor.ts
var SPACE = /^[^\S\n\v\f\r]$/;
var CONTROL = /^[\u0000-\u001f\u007f-\u009f]$/;
var Cursor = class {
  text;
  line;
  pos = 0;
  constructor(text2, line) {
    this.text = text2;
    this.line = line;
  }
  get char() {
    return this.text[this.pos];
  }
  get column() {
    return this.pos + 1;
  }
  /** The character at `pos` if it belongs to a word: not a space, `;`, `|` or the end. */
  wordChar(pos = this.pos) {
    const c = this.text[pos];
    return c === void 0 || SPACE.test(c) || c === ";" || c === "|" ? void 0 : c;
  }
  fail(message, column = this.column) {
    throw new SpecError(this.line, message, column);
  }
  skipSpaces() {
    while (this.char !== void 0 && SPACE.test(this.char)) this.pos++;
  }
  /** Every character that ends up in a request passes through here. */
  accept(c) {
    if (CONTROL.test(c)) {
      const code = c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
      this.fail(`control character U+${code} at column ${this.column}; remove it`);
    }
    this.pos++;
    return c;
  }
  /** PATH and NAME never need quoting, so they end at the first space, `;` or `|`. */
  readPlain() {
    const start = this.pos;
    for (let c = this.wordChar(); c !== void 0; c = this.wordChar()) this.accept(c);
    return this.text.slice(start, this.pos);
  }
};

// src/spec/path.ts
var EXAMPLE = "e.g. secret/data/ci/aws";
function parsePath(cur, raw, column) {
  const query = raw.indexOf("?");
  const version = query < 0 ? void 0 : parseVersion(cur, raw.slice(query + 1), column + query);
  let path = query < 0 ? raw : raw.slice(0, query);
  if (path.startsWith("/")) path = path.slice(1);
  const folder = path.endsWith("/");
  if (folder) path = path.slice(0, -1);
  if (path === "") cur.fail(`PATH \`${raw}\` names no secret; write the path after the mount, ${EXAMPLE}`, column);
  for (const segment of path.split("/")) {
    if (segment === "") {
      cur.fail(`PATH \`${raw}\` has an empty segment ('//'); remove the extra '/'`, column);
    }
    if (segment === "." || segment === "..") {
      cur.fail(`PATH \`${raw}\` has a '${segment}' segment; write the path without '.' or '..', ${EXAMPLE}`, column);
    }
  }
  if (folder && version !== void 0) {
    cur.fail(`PATH \`${raw}\` is a folder (ends with '/'), which has no version; remove ?version=${version}`, column);
  }
  return { path, folder, version };
}
function parseVersion(cur, query, column) {
  const match = /^version=([1-9][0-9]*)$/.exec(query);
  const version = Number(match?.[1]);
  if (Number.isSafeInteger(version)) return version;
  cur.fail(
    query.startsWith("version=") ? `bad version \`${query.slice("version=".length)}\`; write ?version=N, N a positive whole number, e.g. ?version=3` : `unsupported query \`?${query}\` after the PATH; only ?version=N (a KV v2 version) is allowed`,
    column
  );
}

// src/spec/selector.ts
function readSelector(cur) {
  if (cur.char === "*" && cur.wordChar(cur.pos + 1) === void 0) {
    cur.pos++;
    return { kind: "all" };
  }
  if (cur.char === "#") {
    cur.fail(
      "a selector cannot start with '#', which looks like a comment; comments start their line or follow `;`, and a key starting with # must be quoted, e.g. \"#key\""
    );
  }
  const segments = [];
  for (; ; ) {
    segments.push(cur.char === '"' ? readQuoted(cur) : readBare(cur));
    if (cur.char !== ".") return { kind: "key", segments };
    cur.pos++;
  }
}
function readBare(cur) {
  const start = cur.pos;
  for (let c = cur.wordChar(); c !== void 0 && c !== "."; c = cur.wordChar()) {
    if (c === '"') {
      cur.fail(
        'a quote must wrap a whole selector segment; write e.g. config."a.b".c, with \\" for a quote inside the key'
      );
    }
    if (c === "*") {
      cur.fail(`'*' (every key) must be the whole selector; to select a key containing '*', quote it, e.g. "a*b"`);
    }
    cur.accept(c);
  }
  if (cur.pos === start) {
    cur.fail(`empty selector segment; remove the extra '.', or quote a key that contains dots, e.g. "tls.crt"`);
  }
  return cur.text.slice(start, cur.pos);
}
function readQuoted(cur) {
  const open = cur.column;
  const unterminated = () => cur.fail('unterminated quote in the selector; end the key with " (write \\" for a quote inside it)', open);
  cur.pos++;
  let key = "";
  for (let c = cur.char; c !== '"'; c = cur.char) {
    if (c === void 0) unterminated();
    if (c === "\\") {
      const escaped = cur.text[cur.pos + 1];
      if (escaped === void 0) unterminated();
      if (escaped !== '"' && escaped !== "\\") {
        cur.fail('in a quoted key a backslash must be followed by " or \\; write \\\\ for a backslash itself');
      }
      cur.pos += 2;
      key += escaped;
    } else {
      key += cur.accept(c);
    }
  }
  cur.pos++;
  if (cur.wordChar() !== void 0 && cur.char !== ".") {
    cur.fail(`text right after a closing quote; put the whole key inside the quotes, or separate segments with '.'`);
  }
  if (key === "") cur.fail('empty quoted key ""; write the key between the quotes', open);
  return key;
}

// src/spec/entry.ts
function parseEntry(cur) {
  const start = cur.pos;
  if (cur.char === "|") cur.fail("missing PATH before `|`; write PATH [SELECTOR] [| NAME]");
  const pathColumn = cur.column;
  const rawPath = cur.readPlain();
  const { path, folder, version } = parsePath(cur, rawPath, pathColumn);
  cur.skipSpaces();
  const selectorColumn = cur.column;
  const selector = cur.wordChar() === void 0 ? void 0 : readSelector(cur);
  if (folder && selector?.kind === "key") {
    cur.fail(
      `\`${rawPath}\` is a folder (it ends with '/'), which takes '*' or no selector, not a key; remove the trailing '/' to read one secret`,
      selectorColumn
    );
  }
  rejectExtraWord(cur, "the selector", 'quote a key that contains spaces (e.g. "my key"), or ');
  const name = readName(cur, folder || selector?.kind === "all" ? "prefix" : "NAME");
  return {
    line: cur.line,
    text: cur.text.slice(start, cur.pos).trimEnd(),
    path,
    folder,
    version,
    ...resolve(cur, rawPath, folder, selector, name, selectorColumn)
  };
}
var MORE_THAN_ONE_PIPE = "more than one `|`; write PATH [SELECTOR] [| NAME], quoting a key that contains `|`";
function readName(cur, noun) {
  if (cur.char !== "|") return void 0;
  const pipeColumn = cur.column;
  cur.pos++;
  cur.skipSpaces();
  if (cur.char === "|") cur.fail(MORE_THAN_ONE_PIPE);
  const nameColumn = cur.column;
  const name = cur.readPlain();
  if (name === "") cur.fail(`\`|\` has nothing after it; write a ${noun} after it or remove it`, pipeColumn);
  if (!isValidName(name)) {
    cur.fail(
      `invalid ${noun} \`${name}\`; use letters, digits and _, not starting with a digit, e.g. ${suggestName(name)}`,
      nameColumn
    );
  }
  cur.skipSpaces();
  if (cur.char === "|") cur.fail(MORE_THAN_ONE_PIPE);
  rejectExtraWord(cur, `the ${noun}`, "");
  return name;
}
function rejectExtraWord(cur, after, hint) {
  cur.skipSpaces();
  const column = cur.column;
  const word = cur.readPlain();
  if (word === "") return;
  const fix = word.startsWith("#") ? "a comment must start its line or follow `;`" : `${hint}end the entry with \`;\` or a new line`;
  cur.fail(`unexpected \`${word}\` after ${after}; ${fix}`, column);
}
function resolve(cur, rawPath, folder, selector, name, selectorColumn) {
  if (folder || selector?.kind === "all") return { selector: { kind: "all" }, name: name ?? "" };
  if (selector === void 0) {
    if (name === void 0) {
      cur.fail(
        `\`${rawPath}\` has neither a selector nor a NAME; add a key (\`${rawPath} password\`), \`*\` for every key, or \`| NAME\` for the whole secret as one JSON document`,
        selectorColumn
      );
    }
    return { selector: { kind: "whole" }, name };
  }
  const derived = name ?? deriveName(selector.segments);
  if (derived === "") {
    cur.fail(
      "cannot make a NAME from this selector (it has no letter or digit A-Z, 0-9); add `| NAME`",
      selectorColumn
    );
  }
  return { selector, name: derived };
}
function suggestName(name) {
  const cleaned = name.replace(/[^A-Za-z0-9_]/gu, "_");
  if (!/[A-Za-z0-9]/.test(cleaned)) return "MY_SECRET";
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

// src/spec/parse.ts
var MAX_BYTES = 1024 * 1024;
var MAX_ENTRIES = 1e4;
function parseSpec(text2) {
  const bytes = Buffer.byteLength(text2, "utf8");
  if (bytes > MAX_BYTES) {
    throw new SpecError(1, `the spec is ${bytes} bytes, over the 1 MiB limit; split the secrets across several steps`);
  }
  const requests = [];
  for (const [index, raw] of text2.split("\n").entries()) {
    const cur = new Cursor(raw.endsWith("\r") ? raw.slice(0, -1) : raw, index + 1);
    for (cur.skipSpaces(); cur.char !== void 0 && cur.char !== "#"; cur.skipSpaces()) {
      if (cur.char === ";") {
        cur.pos++;
      } else if (requests.length === MAX_ENTRIES) {
        cur.fail(`more than ${MAX_ENTRIES} entries; split the secrets across several steps`);
      } else {
        requests.push(parseEntry(cur));
      }
    }
  }
  assertUniqueNames(
    requests.filter((request) => request.selector.kind !== "all").map((request) => ({ name: request.name, line: request.line, what: request.text }))
  );
  return requests;
}

// src/inputs/vault.ts
var METHODS = ["token", "approle", "jwt", "kubernetes", "userpass", "ldap"];
function readVaultConfig(masks) {
  const connection = readConnectionConfig(masks);
  const auth = readAuth(masks);
  const revoke = choice("vault-revoke-token", ["auto", "true", "false"], "auto");
  return { connection, auth, revokeToken: revoke === "auto" ? auth.method !== "token" : revoke === "true" };
}
function readConnectionConfig(masks) {
  const addr = text("vault-addr") ?? process.env["VAULT_ADDR"] ?? "";
  if (addr === "")
    throw new InputError(
      "vault-addr is empty and VAULT_ADDR is not set: give the Vault address, e.g. https://vault.example.com:8200."
    );
  let url;
  try {
    url = new URL(addr);
  } catch {
    throw new InputError(`vault-addr "${addr}" is not a URL: write it as https://host:8200.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new InputError(`vault-addr must start with https:// or http://, not ${url.protocol}`);
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    warning(
      `vault-addr uses plain http to ${url.hostname}: tokens and secrets cross the network unencrypted. Use https.`
    );
  }
  const skipVerify = bool("vault-tls-skip-verify", false);
  if (skipVerify)
    warning(
      "vault-tls-skip-verify is on: the Vault server certificate is not checked, so anyone in the path can read the secrets. Give vault-ca-cert instead."
    );
  const key = pem("vault-client-key");
  if (key !== void 0) masks.addSecret("vault-client-key", key);
  const cert = pem("vault-client-cert");
  if (key === void 0 !== (cert === void 0))
    throw new InputError("vault-client-cert and vault-client-key go together: give both or neither.");
  const ca = pem("vault-ca-cert");
  const namespace = text("vault-namespace") ?? nonEmpty(process.env["VAULT_NAMESPACE"]);
  return {
    addr: addr.replace(/\/+$/, ""),
    namespace,
    authNamespace: text("vault-auth-namespace") ?? namespace,
    tls: {
      ...ca !== void 0 ? { ca } : {},
      ...cert !== void 0 ? { cert } : {},
      ...key !== void 0 ? { key } : {},
      rejectUnauthorized: !skipVerify
    },
    requestTimeoutMs: seconds("vault-request-timeout", 10),
    timeoutMs: seconds("vault-timeout", 120),
    retries: integer("vault-retries", 4, 0, 20),
    concurrency: integer("vault-concurrency", 16, 1, 256)
  };
}
function readAuth(masks) {
  const method = choice("vault-method", METHODS, "token");
  const mount = (text("vault-auth-path") ?? method).replace(/^\/+|\/+$/g, "");
  if (!/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(mount))
    throw new InputError(
      `vault-auth-path "${mount}" is not a mount path: letters, digits, "_", "-", "." and "/" only.`
    );
  const secret = (name, fallback) => {
    const value = text(name) ?? nonEmpty(fallback);
    if (value !== void 0) masks.addHandle(name, value);
    return value;
  };
  switch (method) {
    case "token":
      return {
        method,
        token: need(
          secret("vault-token", process.env["VAULT_TOKEN"]),
          "vault-token",
          "the token method (or set VAULT_TOKEN)"
        )
      };
    case "approle":
      return {
        method,
        mount,
        roleId: need(text("vault-role-id"), "vault-role-id", "approle"),
        secretId: need(secret("vault-secret-id"), "vault-secret-id", "approle")
      };
    case "jwt":
      return {
        method,
        mount,
        role: need(text("vault-role"), "vault-role", "jwt"),
        audience: text("vault-jwt-audience"),
        jwt: secret("vault-jwt")
      };
    case "kubernetes":
      return {
        method,
        mount,
        role: need(text("vault-role"), "vault-role", "kubernetes"),
        tokenPath: text("vault-kubernetes-token-path") ?? "/var/run/secrets/kubernetes.io/serviceaccount/token"
      };
    case "userpass":
    case "ldap":
      return {
        method,
        mount,
        username: need(text("vault-username"), "vault-username", method),
        password: need(secret("vault-password"), "vault-password", method)
      };
  }
}
function isLoopback(host) {
  return host === "localhost" || host === "[::1]" || host.startsWith("127.");
}

// src/inputs/docker.ts
function readDockerConfig(masks) {
  return {
    logins: [...readSingleLogin(masks), ...list("registry-logins").map((line, i) => parseLoginLine(line, i + 1))],
    configMode: choice("docker-config", ["job", "default"], "job"),
    build: readBuild()
  };
}
function readSingleLogin(masks) {
  const registry = text("registry");
  const username = text("registry-username");
  const password = text("registry-password");
  if (password !== void 0) masks.addSecret("registry-password", password);
  if (registry === void 0) {
    if (username !== void 0 || password !== void 0)
      throw new InputError("registry-username and registry-password need registry (the host to log in to).");
    return [];
  }
  if (username === void 0 || password === void 0)
    throw new InputError(
      `registry ${registry}: give registry-username and registry-password, or use registry-logins with a fetched secret.`
    );
  return [{ registry, username: { literal: username }, password: { literal: password } }];
}
function parseLoginLine(line, n) {
  const words = line.split(/\s+/);
  const [registry, user, password] = words;
  if (words.length !== 3 || registry === void 0 || user === void 0 || password === void 0) {
    throw new InputError(
      `registry-logins line ${n}: write \`HOST USER PASSWORD_SECRET\` (three words), e.g. \`ghcr.io octo-bot $GHCR_TOKEN\`.`
    );
  }
  const name = password.replace(/^\$/, "");
  if (!isValidName(name))
    throw new InputError(
      `registry-logins line ${n}: the password must be the NAME of a fetched secret, and "${name}" is not a valid NAME.`
    );
  const username = user.startsWith("$") ? { secret: user.slice(1) } : { literal: user };
  return { registry, username, password: { secret: name } };
}
function readBuild() {
  const context = text("build-context");
  const buildInputs = ["build-tags", "build-args", "build-secrets", "build-target", "build-platforms", "build-file"];
  if (context === void 0) {
    const stray = buildInputs.find((n) => text(n) !== void 0);
    if (stray)
      throw new InputError(
        `${stray} is set but build-context is empty: give build-context (the folder to build) to build an image.`
      );
    return void 0;
  }
  const push = bool("build-push", false);
  const tags = list("build-tags", true);
  if (push && tags.length === 0)
    throw new InputError("build-push is true but build-tags is empty: give the tag(s) to push.");
  return {
    context,
    file: text("build-file"),
    tags,
    args: list("build-args").map((line, i) => {
      const eq = line.indexOf("=");
      if (eq <= 0) throw new InputError(`build-args line ${i + 1}: write NAME=VALUE.`);
      return { name: line.slice(0, eq).trim(), value: line.slice(eq + 1) };
    }),
    target: text("build-target"),
    platforms: list("build-platforms", true),
    push,
    secrets: list("build-secrets", true).map(parseBuildSecret),
    provenance: text("build-provenance"),
    check: choice("dockerfile-check", ["default", "error", "warn", "off"], "default")
  };
}
function parseBuildSecret(entry, i) {
  const [left, right] = entry.includes("=") ? entry.split("=", 2) : [entry, entry];
  const id = (left ?? "").trim();
  let name = (right ?? "").trim();
  let via = "file";
  if (name.startsWith("env:")) {
    via = "env";
    name = name.slice(4);
  }
  if (!/^[A-Za-z0-9_.-]+$/.test(id))
    throw new InputError(
      `build-secrets entry ${i + 1}: the id "${id}" may hold letters, digits, "_", "-" and "." only.`
    );
  if (!isValidName(name))
    throw new InputError(
      `build-secrets entry ${i + 1}: "${name}" is not the NAME of a fetched secret; write NAME, ID=NAME or ID=env:NAME.`
    );
  return { id, name, via };
}

// src/inputs/index.ts
var DELIVERIES = ["files", "env-file", "env", "outputs"];
function readMainConfig(masks) {
  const requests = parseSpec(text("secrets") ?? "");
  const vault = requests.length > 0 ? readVaultConfig(masks) : void 0;
  return {
    requests,
    vault,
    deliveries: readDeliveries(),
    filesBaseDir: text("files-base-dir"),
    docker: readDockerConfig(masks),
    guard: readGuardConfig(),
    summary: bool("summary", true)
  };
}
function readDeliveries() {
  const words = (text("deliver") ?? "files").split(/[\s,]+/).filter(Boolean);
  const out = /* @__PURE__ */ new Set();
  for (const w of words) {
    if (!DELIVERIES.includes(w))
      throw new InputError(`deliver: "${w}" is not one of ${DELIVERIES.join(", ")}.`);
    out.add(w);
  }
  if (out.size === 0) throw new InputError(`deliver is empty: give one or more of ${DELIVERIES.join(", ")}.`);
  return out;
}

// src/mask/registry.ts
var MaskRegistry = class {
  #register;
  #forms = /* @__PURE__ */ new Map();
  #persist;
  /** forms() sorted, kept until the next registration: find() runs once per Dockerfile instruction. */
  #sorted;
  constructor(register) {
    this.#register = register;
  }
  /**
   * Registers a secret value and all its forms. Says whether the value is shorter than
   * MIN_SECRET_LENGTH and how many of its lines or JSON leaves were too short to mask
   * on their own, for a warning.
   */
  addSecret(name, value) {
    this.#addAll(name, formsOf(value));
    return { short: value.trim().length < MIN_SECRET_LENGTH, shortParts: shortParts(value).length };
  }
  /** A credential the action handles itself (token, secret id, lease id): value and encodings. */
  addHandle(name, value) {
    if (value.trim() === "") return;
    this.#addAll(name, [{ kind: "value", text: value }, ...encodingsOf(value)]);
  }
  /** base64("user:password"), as docker and HTTP basic auth write it. */
  addBasicAuth(name, user, password) {
    this.#addAll(name, basicAuthForms(user, password));
  }
  /**
   * Hands every form registered so far, and each one from now on, to `persist`: the
   * post step's leak guard needs them, and post is another process.
   */
  persistTo(persist) {
    this.#persist = persist;
    for (const form of this.#forms.values()) persist(form);
  }
  /** Every form registered so far, longest first (so redaction prefers whole matches). */
  forms() {
    this.#sorted ??= [...this.#forms.values()].sort((a, b) => b.text.length - a.text.length);
    return this.#sorted;
  }
  /**
   * The first registered form found in `text`, longest first. Forms shorter than
   * MIN_SECRET_LENGTH are not looked for: they match ordinary text by chance.
   */
  find(text2) {
    return this.forms().find((f) => f.text.length >= MIN_SECRET_LENGTH && text2.includes(f.text));
  }
  /** Replaces every registered form in `text` with `***`. */
  redact(text2) {
    let out = text2;
    for (const form of this.forms()) if (out.includes(form.text)) out = out.split(form.text).join("***");
    return out;
  }
  #addAll(name, forms) {
    for (const form of forms) {
      if (this.#forms.has(form.text)) continue;
      const registered = { ...form, name };
      this.#forms.set(form.text, registered);
      this.#sorted = void 0;
      this.#register(form.text);
      this.#persist?.(registered);
    }
  }
};

// src/state.ts
import { appendFileSync, readFileSync as readFileSync2 } from "node:fs";
import { join } from "node:path";

// src/deliver/private-file.ts
import { closeSync, constants, fchmodSync, fsyncSync, openSync, writeSync } from "node:fs";
function writePrivateFile(path, data) {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 384);
  try {
    fchmodSync(fd, 384);
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

// src/state.ts
var ROOT_KEY = "session-root";
var REVOKE_KEY = "revoke-token";
var DOCKER_CONFIG_KEY = "docker-config";
var REGISTRIES_KEY = "registries";
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
    formsFile: join(priv, "forms")
  };
}
var SESSION_ENV = "VAULT_SECRETS_SESSION";
function saveSessionRoot(root) {
  saveState(ROOT_KEY, root);
  exportVariable(SESSION_ENV, root);
}
function findSessionRoot() {
  const root = process.env[SESSION_ENV];
  return root === void 0 || root === "" ? void 0 : root;
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
  appendFileSync(paths.leasesFile, `${leaseId}
`, { mode: 384 });
}
function recordForm(paths, form) {
  appendFileSync(paths.formsFile, `${JSON.stringify({ text: form.text, name: form.name, kind: form.kind })}
`, {
    mode: 384
  });
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
    leases: (readOptional(paths.leasesFile) ?? "").split("\n").filter(Boolean)
  };
}
function readOptional(path) {
  try {
    return readFileSync2(path, "utf8");
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
  let registries = [];
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

// src/docker/cli.ts
async function docker(args, opts = {}) {
  try {
    const env = { ...process.env, ...opts.env };
    return await getExecOutput("docker", [...args], {
      ...opts.input !== void 0 ? { input: opts.input } : {},
      env,
      ignoreReturnCode: true,
      silent: opts.silent ?? true
    });
  } catch (err) {
    if (err instanceof Error && /Unable to locate executable file/.test(err.message)) {
      throw new Error(
        "docker is not installed or not on PATH: install the Docker CLI and engine on the runner, or remove the registry and build inputs."
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
async function detectBuilder() {
  const version = await docker(["version", "--format", "{{.Client.Version}}|{{.Server.Version}}"]);
  const [client = "", server = ""] = version.stdout.trim().split("|");
  if (version.exitCode !== 0 || server === "") {
    throw new Error(
      `cannot reach the Docker engine: ${reason(version)}. Start dockerd (or check DOCKER_HOST) before building.`
    );
  }
  if ((await docker(["buildx", "version"])).exitCode === 0) return "buildx";
  const major = Number(client.split(".")[0]);
  if (Number.isFinite(major) && major < 23) return "buildkit";
  throw new Error(
    `docker ${client} has no buildx plugin, and Docker 23 and later build with BuildKit only through buildx: install the docker-buildx-plugin, or put a docker that has it first on PATH.`
  );
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
  if (vault) {
    const storage = report.filesDir === void 0 ? "" : ` Files are in \`${report.filesDir}\` (${report.memoryBacked ? "memory-backed" : "on disk; removed by the post step"}).`;
    summary2.addRaw(
      `${report.secrets.length} secret(s) from ${vault.paths} path(s) at ${escape(vault.addr)} (auth: ${vault.method}) in ${vault.millis} ms${vault.retries > 0 ? `, ${vault.retries} retried request(s)` : ""}${vault.leases > 0 ? `, ${vault.leases} lease(s) to revoke` : ""}.${storage} ${report.masks} mask(s) registered (values, lines, JSON leaves, encodings, credentials), each before any line that could hold it.`,
      true
    );
    summary2.addTable([
      ["Name", "Source", "Delivered as", "Bytes"].map((data) => ({ data, header: true })),
      ...secretRows(report.secrets, report.deliveries).map((row) => row.map(escape))
    ]);
  }
  if (docker2) {
    const lines = docker2.registries.map((r) => `logged in to ${escape(r)} (DOCKER_CONFIG ${escape(docker2.configDir)})`);
    if (docker2.build) {
      lines.push(
        `built ${escape(docker2.build.imageId)} with ${builderName(docker2.build.builder)}${docker2.build.digest ? `, pushed as ${escape(docker2.build.digest)}` : ""}`
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
function escape(text2) {
  return text2.replace(/[&<>"'|`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
async function writeGuardSummary(lines) {
  if (!process.env["GITHUB_STEP_SUMMARY"]) return;
  await summary.addHeading("Leak guard", 3).addList(lines.map(escape)).write();
}

// src/guard/image.ts
import { spawn } from "node:child_process";

// src/guard/report.ts
import { closeSync as closeSync2, openSync as openSync2, readSync } from "node:fs";
function addLineNumbers(hits) {
  const byFile = /* @__PURE__ */ new Map();
  for (const h of hits) if (h.inner === "") byFile.set(h.path, [...byFile.get(h.path) ?? [], h]);
  const buf = Buffer.allocUnsafe(1 << 20);
  for (const [path, fileHits] of byFile) {
    let fd;
    try {
      fd = openSync2(path, "r");
    } catch {
      continue;
    }
    try {
      const sorted = [...fileHits].sort((a, b) => a.offset - b.offset);
      let pos = 0;
      let line = 1;
      let binary = false;
      for (const hit of sorted) {
        while (pos < hit.offset && !binary) {
          const n = readSync(fd, buf, 0, Math.min(buf.length, hit.offset - pos), pos);
          if (n === 0) break;
          const chunk = buf.subarray(0, n);
          const nul = chunk.indexOf(0);
          const end = nul >= 0 ? nul : n;
          for (let i = chunk.indexOf(10); i >= 0 && i < end; i = chunk.indexOf(10, i + 1)) line++;
          binary = nul >= 0;
          pos += n;
        }
        if (!binary) hit.line = line;
      }
    } finally {
      closeSync2(fd);
    }
  }
}
function tally(hits) {
  const counts = /* @__PURE__ */ new Map();
  for (const h of hits) {
    const key = `${h.name} as ${h.form}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort().map(([k, n]) => `${k}: ${n}`);
}
function where(hit) {
  return `${hit.path}${hit.inner ? `!${hit.inner}` : ""} at byte ${hit.offset}${hit.line !== void 0 ? ` (line ${hit.line})` : ""}`;
}

// src/guard/image.ts
async function scanImage(scanner, image, env) {
  const child = spawn("docker", ["save", image], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env }
  });
  let stderr = "";
  child.stderr.on("data", (d) => stderr += d.toString());
  const closed = new Promise((resolve2, reject) => {
    child.once("error", reject);
    child.once("close", resolve2);
  });
  await scanner.scanStream(`image ${image}`, child.stdout);
  const code = await closed;
  if (code !== 0) throw new Error(`docker save ${image} failed: ${stderr.trim().split("\n")[0] ?? `exit ${code}`}`);
}
async function guardImage(masks, image, env) {
  const scanner = new Scanner(masks.forms());
  await group(`Leak guard: scan image ${image}`, () => scanImage(scanner, image, env));
  info(
    `leak guard: image ${image}: ${scanner.stats.bytes} byte(s) in ${scanner.stats.files} stream(s), ${scanner.hits.length} hit(s)`
  );
  if (scanner.hits.length === 0) return;
  for (const hit of scanner.hits.slice(0, 20))
    error(`secret ${hit.name} (as ${hit.form}) is in image ${image} at ${hit.inner || "its config"}`, {
      title: "Leaked secret"
    });
  throw new Error(
    `the image holds secrets (${tally(scanner.hits).join("; ")}): it was not pushed. Read secrets with RUN --mount=type=secret and do not write them into the image.`
  );
}

export {
  groupByPath,
  isValidName,
  deriveName,
  assertUniqueNames,
  readConnectionConfig,
  readGuardConfig,
  readGuardStepConfig,
  readMainConfig,
  MaskRegistry,
  writePrivateFile,
  sessionPaths,
  saveSessionRoot,
  findSessionRoot,
  loadSessionRoot,
  recordToken,
  loadRevokeFlag,
  recordLease,
  recordForm,
  readForms,
  saveMainCompleted,
  loadMainCompleted,
  saveCacheMatch,
  loadCacheMatch,
  readRecords,
  saveDockerConfig,
  saveRegistries,
  loadDockerRecords,
  docker,
  reason,
  builderName,
  detectBuilder,
  writeMainSummary,
  writePostSummary,
  writeGuardSummary,
  addLineNumbers,
  tally,
  where,
  scanImage,
  guardImage
};
