import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  deriveName,
  isValidName,
  parseSpec
} from "./shared-TIJMJNMW.js";
import {
  InputError,
  bool,
  choice,
  compatTokenDeliveries,
  inTheirNames,
  integer,
  isCompatMode,
  list,
  need,
  nonEmpty,
  pem,
  rawInput,
  readCompatConfig,
  seconds,
  text
} from "./shared-2TF6D427.js";
import {
  proxyEnv
} from "./shared-NYIERDFJ.js";
import {
  LARGE_VALUE_CHARS,
  MIN_DERIVED_LENGTH,
  MIN_SECRET_LENGTH,
  basicAuthForms,
  encodingsOf,
  formsOf,
  recordedForms,
  shortParts
} from "./shared-J5QQXKHR.js";
import {
  errorMessage,
  inert,
  say
} from "./shared-73F27MEW.js";
import {
  getInput,
  info,
  setFailed,
  warning
} from "./shared-QCDMWCIP.js";

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

// src/deliver/owner.ts
import { chownSync, lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";
function parseOwner(text2, platform = process.platform) {
  if (platform === "win32")
    throw new Error(
      "files-owner: Windows has no uids (chown does nothing there): drop files-owner; the session folder is already restricted to the runner user by an ACL."
    );
  const m = /^(\d{1,10})(?::(\d{1,10}))?$/.exec(text2);
  if (!m) throw new Error(`files-owner: "${text2}" is not UID or UID:GID in numbers (e.g. 1000 or 1000:1000).`);
  const uid = Number(m[1]);
  return { uid, gid: m[2] === void 0 ? uid : Number(m[2]) };
}
function giveFiles(dir, owner) {
  let files = 0;
  try {
    for (const entry of readdirSync(dir)) {
      const path2 = join(dir, entry);
      if (!lstatSync(path2).isFile()) continue;
      chownSync(path2, owner.uid, owner.gid);
      files++;
    }
    chownSync(dir, owner.uid, owner.gid);
  } catch (err) {
    if (err.code === "EPERM")
      throw new Error(
        `files-owner: changing the owner needs root: run the runner as root (self-hosted), or drop files-owner and grant read access yourself, e.g. \`setfacl -m u:${owner.uid}:r "$NAME_FILE"\` and \`setfacl -m u:${owner.uid}:x "$FILES_DIR"\`.`,
        { cause: err }
      );
    throw err;
  }
  return files;
}

// src/refresh/argv.ts
function splitCommandLine(line) {
  const words = [];
  let word = "";
  let inWord = false;
  let quote;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = void 0;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = void 0;
      else if (c === "\\" && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) word += line.charAt(++i);
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === "\\" && i + 1 < line.length) {
      word += line.charAt(++i);
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote !== void 0) throw new Error(`on-change: a ${quote} quote is not closed.`);
  if (inWord) words.push(word);
  return words;
}

// src/inputs/templates.ts
var LINE = /^(.*\S)\s*\|\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s*>\s*(\S.*))?$/;
var HEREDOC = /^<<([A-Za-z_][A-Za-z0-9_]*)$/;
function readTemplatesConfig() {
  return { lines: parseTemplates(rawInput("templates")), allowWorkspace: bool("templates-allow-workspace", false) };
}
function parseTemplates(input) {
  const lines = input.split(/\r?\n/);
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (line === "" || line.startsWith("#")) continue;
    const n = i + 1;
    const m = LINE.exec(line);
    if (!m)
      throw new InputError(
        `templates line ${n}: write \`FILE | NAME\`, \`FILE | NAME > ~/DEST\` or \`<<END | NAME\` followed by the template and a line END.`
      );
    const [, head = "", name = "", dest] = m;
    const heredoc = HEREDOC.exec(head.trim());
    let source;
    if (heredoc) {
      const word = heredoc[1] ?? "";
      const end = lines.findIndex((l, j) => j > i && l.trim() === word);
      if (end < 0)
        throw new InputError(`templates line ${n}: the inline template <<${word} has no closing line ${word}.`);
      source = { kind: "inline", text: lines.slice(i + 1, end).join("\n") + "\n" };
      i = end;
    } else if (head.startsWith("<<")) {
      throw new InputError(`templates line ${n}: an inline template opens with <<WORD (letters, digits, _).`);
    } else {
      source = { kind: "file", path: head.trim() };
    }
    if (out.some((t) => t.name === name)) throw new InputError(`templates line ${n}: ${name} is rendered twice.`);
    out.push({ line: n, source, name, dest: dest?.trim() });
  }
  return out;
}

// src/inputs/refresh.ts
function readRefreshStepConfig() {
  const line = text("on-change");
  let onChange;
  if (line !== void 0) {
    try {
      onChange = splitCommandLine(line);
    } catch (err) {
      throw new InputError(err.message);
    }
    if (onChange.length === 0) onChange = void 0;
  }
  return {
    names: list("secrets", true),
    rotate: bool("rotate", false),
    onChange,
    timeoutMs: seconds("timeout", 120),
    summary: bool("summary", true),
    templates: readTemplatesConfig()
  };
}

// src/inputs/vault.ts
import { createPrivateKey } from "node:crypto";

// src/inputs/pki.ts
function parsePki(text2) {
  const out = [];
  for (const [i, raw] of text2.split(/[;\n]/).entries()) {
    const entry = raw.trim();
    if (entry === "" || entry.startsWith("#")) continue;
    const line = i + 1;
    const where = `vault-pki entry ${line}`;
    const m = /^(\S+)\s+(\{[\s\S]*\})\s*(?:\|\s*(\S+))?$/.exec(entry);
    if (!m)
      throw new InputError(
        `${where} is not "pki/issue/ROLE {JSON parameters} | NAME": give the issue path, a JSON object, and optionally a name.`
      );
    const [, path2 = "", json = "", explicit] = m;
    const issue = /^((?:[A-Za-z0-9_.-]+\/)*[A-Za-z0-9_.-]+)\/issue\/([A-Za-z0-9_.-]+)$/.exec(path2.replace(/^\/+/, ""));
    if (!issue) throw new InputError(`${where}: ${path2} is not an issue endpoint (MOUNT/issue/ROLE).`);
    let parameters;
    try {
      parameters = JSON.parse(json);
    } catch {
      throw new InputError(`${where}: the parameters are not valid JSON.`);
    }
    if (typeof parameters !== "object" || parameters === null || Array.isArray(parameters))
      throw new InputError(`${where}: the parameters must be a JSON object.`);
    const role = issue[2] ?? "";
    const name = explicit ?? deriveName([role]);
    if (!isValidName(name))
      throw new InputError(
        `${where}: "${name}" is not a usable name: letters, digits and "_", not starting with a digit.`
      );
    out.push({ path: issue[0], mount: issue[1] ?? "", parameters, name, line });
  }
  return out;
}

// src/vault/audit-headers.ts
var RUN_HEADER = "X-GitHub-Run";
var RUN_FIELDS = [
  ["repository", "GITHUB_REPOSITORY"],
  ["workflow_ref", "GITHUB_WORKFLOW_REF"],
  ["run_id", "GITHUB_RUN_ID"],
  ["run_attempt", "GITHUB_RUN_ATTEMPT"],
  ["job", "GITHUB_JOB"],
  ["event", "GITHUB_EVENT_NAME"]
];
var MAX_FIELD_CHARS = 512;
var CUT = "%E2%80%A6";
var SAFE = /^[A-Za-z0-9._~/@:-]$/;
function runHeaderValue(env) {
  const fields = RUN_FIELDS.flatMap(([field, variable]) => {
    const value = env[variable];
    return value === void 0 || value === "" ? [] : [`${field}=${encodeField(value)}`];
  });
  return fields.length === 0 ? void 0 : fields.join("; ");
}
function encodeField(value) {
  let out = "";
  for (const char of value) {
    const piece = SAFE.test(char) ? char : [...Buffer.from(char, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
    if (out.length + piece.length > MAX_FIELD_CHARS - CUT.length) return out + CUT;
    out += piece;
  }
  return out;
}
function runHeaders(enabled, env) {
  const value = enabled ? runHeaderValue(env) : void 0;
  return value === void 0 ? {} : { [RUN_HEADER]: value };
}

// src/inputs/vault.ts
var METHODS = [
  "token",
  "approle",
  "jwt",
  "kubernetes",
  "userpass",
  "ldap",
  "github",
  "cert",
  "aws",
  "custom"
];
function readVaultConfig(masks) {
  const connection = readConnectionConfig(masks);
  const auth = readAuth(masks, connection.tls.cert);
  const revoke = choice("vault-revoke-token", ["auto", "true", "false"], "auto");
  return {
    connection,
    auth,
    revokeToken: revoke === "auto" ? auth.method !== "token" : revoke === "true",
    pki: { requests: parsePki(getInput("vault-pki")), revoke: bool("vault-pki-revoke", false) },
    folderLimit: integer("vault-folder-limit", 500, 1, 1e5)
  };
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
    throw new InputError("vault-addr is not a URL: write it as https://host:8200.");
  }
  maskUserinfo(masks, addr, url);
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new InputError(`vault-addr must start with https:// or http://, not ${url.protocol}`);
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    warning(
      say`vault-addr uses plain http to ${url.hostname}: tokens and secrets cross the network unencrypted. Use https.`
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
    shownAddr: `${url.protocol}//${url.host}`,
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
    revokeTimeoutMs: seconds("vault-revoke-timeout", 5),
    retries: integer("vault-retries", 4, 0, 20),
    concurrency: integer("vault-concurrency", 16, 1, 256),
    maxReplyBytes: integer("vault-max-reply-size", 8, 1, 1024) * 1024 * 1024,
    ...readHeaders(masks),
    proxy: readProxy(masks)
  };
}
function readHeaders(masks) {
  const headers = readExtraHeaders(masks);
  const runHeader = runHeaders(bool("vault-audit-headers", true), process.env);
  const clash = Object.keys(runHeader).find((name) => name.toLowerCase() in headers);
  if (clash !== void 0)
    throw new InputError(
      `vault-extra-headers sets ${clash}, the header the action sends with the run's identity for Vault's audit log: drop that line, or set vault-audit-headers: false to send your own.`
    );
  return { headers, runHeader };
}
function readProxy(masks) {
  let proxy;
  try {
    proxy = proxyEnv(process.env);
  } catch (err) {
    throw new InputError(errorMessage(err));
  }
  for (const url of [proxy.https, proxy.http]) if (url?.password) masks.addHandle("proxy password", url.password);
  return proxy;
}
var RESERVED_HEADERS = /* @__PURE__ */ new Set(["x-vault-token", "x-vault-namespace", "authorization"]);
var TRANSPORT_HEADERS = /* @__PURE__ */ new Set([
  "host",
  "content-length",
  "content-type",
  "accept",
  "connection",
  "transfer-encoding"
]);
function readExtraHeaders(masks) {
  const out = {};
  for (const [i, line] of list("vault-extra-headers").entries()) {
    const colon = line.indexOf(":");
    const name = line.slice(0, Math.max(colon, 0)).trim();
    const value = line.slice(colon + 1).trim();
    const where = `vault-extra-headers line ${i + 1}`;
    if (colon <= 0 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      throw new InputError(`${where} is not "Header-Name: value" (a name of letters, digits and "-", then a colon).`);
    const lower = name.toLowerCase();
    if (RESERVED_HEADERS.has(lower) || TRANSPORT_HEADERS.has(lower))
      throw new InputError(
        `${where}: ${name} is set by the action itself (token, namespace or HTTP framing): use vault-token or vault-namespace instead.`
      );
    if (lower in out) throw new InputError(`${where}: ${name} is given twice.`);
    masks.addHandle(`header ${name}`, value);
    if (/[^\t\x20-\x7e\x80-\xff]/.test(value))
      throw new InputError(
        `${where}: the value of ${name} holds a line break, a control character or a character outside Latin-1, which an HTTP header cannot carry: remove it, or give the value encoded (e.g. base64) if the server expects that.`
      );
    out[lower] = value;
  }
  return out;
}
function readAuth(masks, cert) {
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
    case "token": {
      const token = need(
        secret("vault-token", process.env["VAULT_TOKEN"]),
        "vault-token",
        "the token method (or set VAULT_TOKEN)"
      );
      if (/[^\x21-\x7e]/.test(token))
        throw new InputError(
          "vault-token (or VAULT_TOKEN) holds a line break, space or other character a Vault token never has: copy the token again, without the line break."
        );
      return { method, token };
    }
    case "approle": {
      const secretId = secret("vault-secret-id");
      const roleId = secretId === void 0 ? secret("vault-role-id") : text("vault-role-id");
      return { method, mount, roleId: need(roleId, "vault-role-id", "approle"), secretId };
    }
    case "jwt": {
      const key = readJwtKey(masks);
      return {
        method,
        mount,
        // Without a role Vault uses the mount's default_role, as vault-action allows.
        role: text("vault-role"),
        audience: text("vault-jwt-audience"),
        jwt: secret("vault-jwt"),
        signing: key ? { key, ttlSeconds: integer("vault-jwt-ttl", 3600, 1, 86400) } : void 0
      };
    }
    case "github":
      return { method, mount, token: need(secret("vault-github-token"), "vault-github-token", "github") };
    case "custom":
      need(text("vault-auth-path"), "vault-auth-path", "custom");
      return { method, mount, payload: readPayload(masks) };
    case "cert":
      if (cert === void 0)
        throw new InputError(
          "vault-method cert logs in with a client certificate: give vault-client-cert and vault-client-key."
        );
      return { method, mount, name: text("vault-cert-role") };
    case "aws":
      return {
        method,
        mount,
        role: text("vault-aws-role"),
        // Not AWS_REGION: Vault replays the request to the STS endpoint it is configured with, so the
        // region must match Vault's setting, not wherever the job's other AWS calls go.
        region: text("vault-aws-region") ?? "us-east-1",
        serverId: text("vault-aws-iam-server-id"),
        credentials: readAwsCredentials(masks)
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
function readJwtKey(masks) {
  const pemText = pem("vault-jwt-private-key");
  const password = text("vault-jwt-key-password");
  if (password !== void 0) masks.addHandle("vault-jwt-key-password", password);
  if (pemText === void 0) return void 0;
  masks.addSecret("vault-jwt-private-key", pemText);
  let key;
  try {
    key = createPrivateKey({ key: pemText, ...password === void 0 ? {} : { passphrase: password } });
  } catch {
    throw new InputError(
      `vault-jwt-private-key cannot be read as a private key${password === void 0 ? " (if it is encrypted, give vault-jwt-key-password)" : ": check vault-jwt-key-password"}.`
    );
  }
  if (key.asymmetricKeyType !== "rsa")
    throw new InputError(
      `vault-jwt-private-key is a ${key.asymmetricKeyType ?? "non-RSA"} key: JWTs are signed RS256, give an RSA key.`
    );
  return key;
}
function readPayload(masks) {
  const raw = need(text("vault-auth-payload"), "vault-auth-payload", "custom");
  masks.addHandle("vault-auth-payload", raw);
  let body;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new InputError(
      'vault-auth-payload is not JSON: give the login body as a JSON object, e.g. {"role": "ci", "jwt": "..."}.'
    );
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new InputError("vault-auth-payload must be a JSON object (the body of the login request).");
  const walk = (v) => {
    if (typeof v === "string") masks.addHandle("vault-auth-payload", v);
    else if (typeof v === "object" && v !== null) Object.values(v).forEach(walk);
  };
  walk(body);
  return body;
}
function readAwsCredentials(masks) {
  const accessKeyId = nonEmpty(process.env["AWS_ACCESS_KEY_ID"]);
  const secretAccessKey = nonEmpty(process.env["AWS_SECRET_ACCESS_KEY"]);
  if (accessKeyId === void 0 || secretAccessKey === void 0)
    throw new InputError(
      "vault-method aws signs with the runner's AWS credentials, and AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY is not set: run aws-actions/configure-aws-credentials first."
    );
  const sessionToken = nonEmpty(process.env["AWS_SESSION_TOKEN"]);
  masks.addHandle("AWS_SECRET_ACCESS_KEY", secretAccessKey);
  if (sessionToken !== void 0) masks.addHandle("AWS_SESSION_TOKEN", sessionToken);
  return { accessKeyId, secretAccessKey, sessionToken };
}
function maskUserinfo(masks, addr, url) {
  if (url.username === "" && url.password === "") return;
  const bare = addr.replace(/\/+$/, "");
  for (const spelling of /* @__PURE__ */ new Set([addr, bare, `${bare}/`, url.href, url.href.replace(/\/+$/, "")]))
    masks.addHandle("vault-addr", spelling);
  const userinfo = addr.slice(addr.indexOf("//") + 2, addr.lastIndexOf("@"));
  masks.addHandle("vault-addr userinfo", userinfo);
  for (const part of [url.password, decoded(url.password)]) masks.addHandle("vault-addr password", part);
}
function decoded(text2) {
  try {
    return decodeURIComponent(text2);
  } catch {
    return text2;
  }
}
function isLoopback(host) {
  return host === "localhost" || host === "[::1]" || host.startsWith("127.");
}

// src/inputs/build.ts
var BUILD_INPUTS = [
  "build-tags",
  "build-args",
  "build-secrets",
  "build-target",
  "build-platforms",
  "build-file",
  "build-labels",
  "build-annotations",
  "build-cache-from",
  "build-cache-to",
  "build-outputs",
  "build-contexts",
  "build-ssh",
  "build-secret-envs",
  "build-secret-files",
  "build-network",
  "build-add-hosts"
];
var LOCAL_EXPORTS = /* @__PURE__ */ new Set(["local", "tar", "oci", "docker"]);
function readBuild() {
  const context = text("build-context");
  if (context === void 0) {
    const stray = BUILD_INPUTS.find((n) => text(n) !== void 0);
    if (stray)
      throw new InputError(
        `${stray} is set but build-context is empty: give build-context (the folder to build) to build an image.`
      );
    return void 0;
  }
  refuseRemoteContext(context);
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
    sbom: text("build-sbom"),
    check: choice("dockerfile-check", ["default", "error", "warn", "off"], "default"),
    labels: pairs("build-labels"),
    annotations: list("build-annotations"),
    cacheFrom: list("build-cache-from"),
    cacheTo: list("build-cache-to").map((spec) => exportTarget("build-cache-to", spec)),
    cacheToUnscanned: bool("build-cache-to-unscanned", false),
    outputs: list("build-outputs").map((spec) => exportTarget("build-outputs", spec)),
    load: bool("build-load", false),
    noCache: bool("build-no-cache", false),
    noCacheFilters: list("build-no-cache-filters", true),
    pull: bool("build-pull", false),
    network: text("build-network"),
    addHosts: list("build-add-hosts", true),
    contexts: pairs("build-contexts"),
    ssh: list("build-ssh"),
    outerSecrets: [
      ...pairs("build-secret-envs").map((l) => outerSecret("build-secret-envs", l, "env")),
      ...pairs("build-secret-files").map((l) => outerSecret("build-secret-files", l, "file"))
    ],
    builderName: text("build-builder"),
    shmSize: text("build-shm-size"),
    ulimits: list("build-ulimit"),
    cgroupParent: text("build-cgroup-parent")
  };
}
function refuseRemoteContext(context) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith("git@") || context === "-")
    throw new InputError(
      "build-context: give a folder on this machine; a git, HTTP or stdin context is fetched by BuildKit past the Dockerfile check (check out the repository first)."
    );
}
function pairs(name) {
  return list(name).map((line, i) => {
    if (line.indexOf("=") <= 0) throw new InputError(`${name} line ${i + 1}: write NAME=VALUE.`);
    return line;
  });
}
function csvFields(spec) {
  const fields = /* @__PURE__ */ new Map();
  let field = "";
  let quoted = false;
  const flush = () => {
    const eq = field.indexOf("=");
    if (eq > 0) fields.set(field.slice(0, eq).trim().toLowerCase(), field.slice(eq + 1).trim());
    else if (field.trim() !== "") fields.set("type", field.trim());
    field = "";
  };
  for (const ch of spec) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) flush();
    else field += ch;
  }
  flush();
  return fields;
}
function exportTarget(input, spec) {
  const fields = csvFields(spec);
  const type = fields.get("type") ?? (input === "build-outputs" ? "local" : "");
  if (type === "") throw new InputError(`${input}: "${spec}" has no type= (e.g. type=local,dest=out).`);
  if (input === "build-outputs" && (type === "image" || type === "registry") && /push=true/i.test(spec))
    throw new InputError(
      `build-outputs: "${type}" with push=true would push before the leak guard reads the image: use build-push, which scans first.`
    );
  if (input === "build-outputs" && type === "registry")
    throw new InputError(
      "build-outputs: type=registry pushes before the leak guard reads the image: use build-push, which scans first."
    );
  const dest = LOCAL_EXPORTS.has(type) ? fields.get("dest") : void 0;
  if ((type === "local" || type === "tar") && dest === void 0)
    throw new InputError(`${input}: type=${type} needs dest= (the folder or file to write).`);
  return { spec, type, dest };
}
function outerSecret(input, line, kind) {
  const eq = line.indexOf("=");
  const id = line.slice(0, eq).trim();
  const source = line.slice(eq + 1).trim();
  if (!/^[A-Za-z0-9_.-]+$/.test(id))
    throw new InputError(`${input}: the id "${id}" may hold letters, digits, "_", "-" and "." only.`);
  if (kind === "env" && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(source))
    throw new InputError(`${input}: "${source}" is not an environment variable name; write ID=VARIABLE.`);
  if (source === "") throw new InputError(`${input}: write ID=${kind === "env" ? "VARIABLE" : "PATH"}.`);
  return { id, from: kind === "env" ? { env: source } : { file: source } };
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

// src/inputs/renew.ts
var UNITS = { s: 1, m: 60, h: 3600 };
function readRenewConfig() {
  const raw = text("vault-renew-for") ?? "6h";
  const match = /^(\d+(?:\.\d+)?)\s*([smh]?)$/.exec(raw);
  const seconds2 = match ? Number(match[1]) * (UNITS[match[2] || "s"] ?? 1) : NaN;
  if (!Number.isFinite(seconds2) || seconds2 < 10 || seconds2 > 5 * 24 * 3600)
    throw new InputError(
      `vault-renew-for: "${raw}" must be a duration from 10s to 120h, as seconds or with s, m or h (e.g. 6h).`
    );
  return { mode: choice("vault-renew", ["auto", "true", "false"], "auto"), forSeconds: Math.round(seconds2) };
}

// src/deliver/env-names.ts
var EXACT = new Set(
  [
    // the runner and the job
    "PATH",
    "HOME",
    "SHELL",
    "USER",
    "LOGNAME",
    "PWD",
    "OLDPWD",
    "TMPDIR",
    "TMP",
    "TEMP",
    "CI",
    "TERM",
    "LANG",
    "LANGUAGE",
    "TZ",
    // shells (bash(1), dash(1), zsh)
    "IFS",
    "ENV",
    "BASH_ENV",
    "SHELLOPTS",
    "BASHOPTS",
    "PS1",
    "PS2",
    "PS3",
    "PS4",
    "PROMPT_COMMAND",
    "CDPATH",
    "GLOBIGNORE",
    "HISTFILE",
    "FPATH",
    "ZDOTDIR",
    "INPUTRC",
    // C library and loader (ld.so(8), glibc)
    "GCONV_PATH",
    "GLIBC_TUNABLES",
    "HOSTALIASES",
    "LOCPATH",
    "NLSPATH",
    "RESOLV_HOST_CONF",
    "MALLOC_CHECK_",
    // C toolchains and make (the compiler and flags every build runs)
    "CC",
    "CXX",
    "CPP",
    "AR",
    "AS",
    "LD",
    "CFLAGS",
    "CXXFLAGS",
    "CPPFLAGS",
    "LDFLAGS",
    "MAKEFLAGS",
    "MAKEFILES",
    "PKG_CONFIG_PATH",
    // runtimes that take code or options from the environment
    "JAVA_TOOL_OPTIONS",
    "_JAVA_OPTIONS",
    "JDK_JAVA_OPTIONS",
    "CLASSPATH",
    "MAVEN_OPTS",
    "MAVEN_ARGS",
    "GRADLE_OPTS",
    "GRADLE_USER_HOME",
    "SBT_OPTS",
    // Go (`go help environment`)
    "GOFLAGS",
    "GOPROXY",
    "GOTOOLCHAIN",
    "GOENV",
    "GOAUTH",
    "GOCACHEPROG",
    "GOPATH",
    "GOROOT",
    "GOBIN",
    "GOCACHE",
    "GOMODCACHE",
    "GOWORK",
    "GOPRIVATE",
    "GONOPROXY",
    "GONOSUMDB",
    "GOINSECURE",
    "GOSUMDB",
    "GOVCS",
    "GODEBUG",
    "GOEXPERIMENT",
    "GOTMPDIR",
    // Rust (cargo's "Environment variables" page)
    "RUSTC",
    "RUSTDOC",
    "RUSTC_WRAPPER",
    "RUSTFLAGS",
    "RUSTDOCFLAGS",
    "DOTNET_STARTUP_HOOKS",
    // programs tools start
    "EDITOR",
    "VISUAL",
    "PAGER",
    "LESSOPEN",
    "LESSCLOSE",
    "MANPAGER",
    "SSH_AUTH_SOCK",
    "SSH_ASKPASS",
    "SUDO_ASKPASS",
    // a path to trust anchors: whoever picks the file picks whom TLS trusts
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "SSLKEYLOGFILE",
    "CURL_CA_BUNDLE",
    "REQUESTS_CA_BUNDLE",
    "NIX_SSL_CERT_FILE",
    "HTTPLIB2_CA_CERTS",
    "GRPC_DEFAULT_SSL_ROOTS_FILE_PATH",
    // a path to a config or credentials file a tool runs commands from, or an endpoint
    // that receives credentials
    // AWS CLI and SDKs ("Environment variables to configure the AWS CLI", SDK reference)
    "AWS_CONFIG_FILE",
    "AWS_SHARED_CREDENTIALS_FILE",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_CA_BUNDLE",
    "AWS_DATA_PATH",
    "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    // Azure CLI and azure-identity
    "AZURE_CONFIG_DIR",
    "AZURE_FEDERATED_TOKEN_FILE",
    "AZURE_CLIENT_CERTIFICATE_PATH",
    "AZURE_AUTHORITY_HOST",
    // Google Cloud (ADC, gsutil's boto)
    "GOOGLE_APPLICATION_CREDENTIALS",
    "GOOGLE_GHA_CREDS_PATH",
    "BOTO_CONFIG",
    "BOTO_PATH",
    // curl, wget, .netrc readers, GnuPG, Kerberos, PostgreSQL's libpq, MySQL, Mercurial, gh
    "CURL_HOME",
    "NETRC",
    "WGETRC",
    "GNUPGHOME",
    "KRB5_CONFIG",
    "KRB5CCNAME",
    "KRB5_KTNAME",
    "PGPASSFILE",
    "PGSERVICEFILE",
    "PGSYSCONFDIR",
    "PGSSLROOTCERT",
    "PGSSLCERT",
    "PGSSLKEY",
    "PGSSLCRL",
    "MYSQL_TEST_LOGIN_FILE",
    "MYSQL_HOME",
    "HGRCPATH",
    "GH_CONFIG_DIR",
    "GH_HOST",
    // package managers' single files (the rest are families below)
    "GEMRC",
    "CONDARC",
    "PNPM_HOME"
  ].map((n) => n.toUpperCase())
);
var PREFIXES = [
  "LD_",
  "DYLD_",
  "GIT_",
  "GCM_",
  "DOCKER_",
  "BUILDKIT_",
  "BUILDX_",
  "COMPOSE_",
  "KUBE",
  "HELM_",
  "TF_",
  "ANSIBLE_",
  "CLOUDSDK_",
  "AWS_ENDPOINT_URL",
  "NODE_",
  "NPM_CONFIG_",
  "YARN_",
  "COREPACK_",
  "DENO_",
  "PYTHON",
  "PIP_",
  "PIPX_",
  "UV_",
  "POETRY_",
  "CONDA_",
  "PERL5",
  "PERL_",
  "RUBY",
  "GEM_",
  "BUNDLE_",
  "CARGO_",
  "RUSTUP_",
  "CGO_",
  "DOTNET_",
  "CORECLR_",
  "COMPLUS_",
  "OPENSSL_",
  "LC_",
  "XDG_",
  "BASH_FUNC_",
  "VAULT_",
  "GITHUB_",
  "RUNNER_",
  "ACTIONS_",
  "INPUT_",
  "STATE_"
];
var ALLOWED = /* @__PURE__ */ new Set(["NODE_AUTH_TOKEN", "NODE_AUTH_TOKEN_FILE"]);
var ALLOWED_PREFIXES = ["TF_VAR_", "TF_TOKEN_"];
function variableRefusal(name) {
  const upper = name.toUpperCase();
  if (ALLOWED.has(upper) || ALLOWED_PREFIXES.some((p) => upper.startsWith(p))) return void 0;
  if (EXACT.has(upper)) return "a variable shells, the loader, a runtime, a tool or the runner read";
  if (upper.endsWith("_PROXY")) return "a proxy setting every HTTP client reads";
  const prefix = PREFIXES.find((p) => upper.startsWith(p));
  return prefix === void 0 ? void 0 : `in the ${prefix}* family, read by the tool of that name`;
}
var envNameRefusal = variableRefusal;
function fileVariableRefusal(variable) {
  const why = variableRefusal(variable);
  return why === void 0 ? void 0 : `a variable a tool reads a path or setting from (${why})`;
}
function prefixNeededFor(deliveries) {
  if (deliveries.has("env")) return "env";
  return deliveries.has("env-file") ? "env-file" : void 0;
}

// src/inputs/child.ts
var DEFAULT_CHILD_TTL = 3600;
var MAX_CHILD_TTL = 5 * 86400;
var CHILD_INPUTS = ["vault-child-policies", "vault-child-ttl", "vault-child-uses"];
function readChildConfig(tokenDelivered, ownDelivery) {
  const on = bool("vault-child-token", true);
  if (!tokenDelivered) return void 0;
  if (!on) {
    warning(
      "vault-child-token is false: later steps get the login token itself, which post revokes only per vault-revoke-token and which a renewal can keep alive. Leave vault-child-token on to deliver a child token that ends with the job."
    );
    return void 0;
  }
  return {
    policies: readPolicies(),
    ttlSeconds: readTtl(),
    uses: integer("vault-child-uses", 0, 0, 1e6),
    strict: ownDelivery || CHILD_INPUTS.some((name) => rawInput(name).trim() !== "")
  };
}
function readPolicies() {
  const raw = text("vault-child-policies");
  if (raw === void 0) return void 0;
  const names = [
    ...new Set(
      raw.split(/[\s,]+/).filter(Boolean).map((p) => p.toLowerCase())
    )
  ];
  for (const name of names)
    if (!/^[a-z0-9_.@/+-]+$/.test(name))
      throw new InputError(
        `vault-child-policies: "${name}" is not a policy name (letters, digits and _ . @ / + - only): list the names separated by commas or spaces.`
      );
  return names;
}
var UNITS2 = { s: 1, m: 60, h: 3600, d: 86400 };
function readTtl() {
  const v = text("vault-child-ttl");
  if (v === void 0) return DEFAULT_CHILD_TTL;
  const m = /^(\d+)([smhd]?)$/.exec(v);
  const seconds2 = m ? Number(m[1]) * (UNITS2[m[2] || "s"] ?? 1) : NaN;
  if (!Number.isInteger(seconds2) || seconds2 < 60 || seconds2 > MAX_CHILD_TTL)
    throw new InputError(
      `vault-child-ttl: "${v}" must be a duration from 60s to 5d (seconds, or a number with s, m, h or d, e.g. 2h).`
    );
  return seconds2;
}

// src/inputs/index.ts
var DELIVERIES = ["files", "env-file", "env", "outputs"];
var TOKEN_DELIVERIES = ["files", "env", "outputs"];
async function readMainConfig(masks) {
  if (!isCompatMode()) return readConfig(masks, void 0);
  try {
    return await readConfig(masks, readCompatConfig());
  } catch (err) {
    throw err instanceof InputError ? new InputError(inTheirNames(err.message)) : err;
  }
}
async function readConfig(masks, compat) {
  const spec = text("secrets") ?? "";
  const requests = compat ? (await import("./shared-BUCMSVG3.js")).parseCompatSpec(spec) : parseSpec(spec);
  const tokenDeliveries = readTokenDeliveries();
  const vault = requests.length > 0 || tokenDeliveries.size > 0 || text("vault-pki") !== void 0 ? readVaultConfig(masks) : void 0;
  const deliveries = readDeliveries();
  const prefixed = prefixNeededFor(deliveries);
  if (!compat && prefixed !== void 0) requireEnvPrefixes(requests, prefixed);
  if (compat) {
    deliveries.add("outputs");
    if (compat.exportEnv) deliveries.add("env");
  }
  return {
    requests,
    vault,
    deliveries,
    tokenDeliveries,
    childToken: readChildConfig(tokenDeliveries.size > 0, text("vault-token-delivery") !== void 0),
    compat,
    filesBaseDir: text("files-base-dir"),
    docker: readDockerConfig(masks),
    guard: readGuardConfig(),
    summary: bool("summary", true),
    templates: readTemplatesConfig(),
    filesOwner: readOwner(),
    staleSessionMs: readStaleSessionMs(),
    renew: readRenewConfig()
  };
}
function readStaleSessionMs() {
  if (text("stale-session-minutes")?.toLowerCase() === "off") return void 0;
  try {
    return integer("stale-session-minutes", 60, 0, 525600) * 6e4;
  } catch (err) {
    throw new InputError(`${errorMessage(err)} Or off, to never sweep.`, { cause: err });
  }
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
function readTokenDeliveries() {
  const out = /* @__PURE__ */ new Set();
  for (const w of (text("vault-token-delivery") ?? "").split(/[\s,]+/).filter(Boolean)) {
    if (!TOKEN_DELIVERIES.includes(w))
      throw new InputError(`vault-token-delivery: "${w}" is not one of ${TOKEN_DELIVERIES.join(", ")}.`);
    out.add(w);
  }
  for (const w of compatTokenDeliveries()) out.add(w).add("files");
  return out;
}
function requireEnvPrefixes(requests, delivery) {
  for (const r of requests) {
    if (r.selector.kind === "all" && (r.name ?? "") === "")
      throw new InputError(
        `secrets line ${r.line}: with deliver ${delivery}, \`${r.text}\` takes variable names from Vault's ${r.folder ? "secret and key" : "key"} names: give it a prefix, e.g. \`${r.text} | APP_\`, so Vault cannot choose a variable such as LD_PRELOAD or BASH_ENV.`
      );
  }
}
function readOwner() {
  const given = text("files-owner");
  if (given === void 0) return void 0;
  try {
    return parseOwner(given);
  } catch (err) {
    throw new InputError(errorMessage(err), { cause: err });
  }
}

// src/mask/act.ts
var UNSAFE = /:{2,}|%0[AD]/;
function actSafeMasks(texts) {
  return texts.flatMap(
    (text2) => UNSAFE.test(text2) ? text2.split(new RegExp(UNSAFE.source, "g")).map((piece) => piece.replace(/^:+/, "")).filter((piece) => piece.trim().length >= MIN_SECRET_LENGTH) : [text2]
  );
}
var actSplits = (text2) => UNSAFE.test(text2);
var underAct = () => process.env["ACT"] === "true";

// src/mask/tool-forms.ts
var TOOL_FORMS_MAX_BYTES = 4 * 1024;
var WRAPS = [
  { kind: "base64", width: 76 },
  // coreutils base64
  { kind: "base64", width: 64 },
  // openssl base64, PEM bodies
  { kind: "hex", width: 60 }
  // xxd -p
];
function toolForms(value) {
  const bytes = Buffer.from(value, "utf8");
  if (bytes.length === 0 || bytes.length > TOOL_FORMS_MAX_BYTES) return [];
  const out = /* @__PURE__ */ new Map();
  const add = (kind, text2) => {
    if (text2.length >= MIN_DERIVED_LENGTH && text2 !== value) out.set(text2, { kind, text: text2 });
  };
  for (const withNewline of [false, true]) {
    const encoded = withNewline ? Buffer.concat([bytes, Buffer.from("\n")]) : bytes;
    for (const { kind, width } of WRAPS) {
      const text2 = encoded.toString(kind === "base64" ? "base64" : "hex");
      if (text2.length <= width) continue;
      for (let i = 0; i < text2.length; i += width) add(kind, text2.slice(i, i + width));
    }
  }
  add("shell-escape", printfQ(value));
  return [...out.values()];
}
function printfQ(value) {
  if (value === "") return "''";
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    const inner = Array.from(value).map((c) => {
      const named = {
        "\n": "\\n",
        "	": "\\t",
        "\r": "\\r",
        "\x07": "\\a",
        "\b": "\\b",
        "\x1B": "\\E",
        "\f": "\\f",
        "\v": "\\v",
        "\\": "\\\\",
        "'": "\\'"
      };
      const code = c.codePointAt(0) ?? 0;
      return named[c] ?? (code < 32 || code === 127 ? `\\${code.toString(8).padStart(3, "0")}` : c);
    }).join("");
    return `$'${inner}'`;
  }
  return value.replace(/[ \t'"\\|&;()<>!{}*[\]?^$`,]/g, "\\$&").replace(/^[~#]/, "\\$&");
}

// src/mask/registry.ts
var NEEDS_INERT_FORM = /##\[|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
var MaskRegistry = class {
  #register;
  #forms = /* @__PURE__ */ new Map();
  #persist;
  /** forms() sorted, kept until the next registration: find() runs once per Dockerfile instruction. */
  #sorted;
  /**
   * `register` hands one text to the runner (core.setSecret); `registerMany`, when given,
   * hands a value's forms over at once (src/mask/emit.ts: one write for all of them).
   */
  constructor(register, registerMany) {
    this.#register = registerMany ?? ((texts) => texts.forEach((t) => register(t)));
  }
  /**
   * Registers a secret value and all its forms. Says whether the value is shorter than
   * MIN_SECRET_LENGTH and how many of its lines or JSON leaves were too short to mask
   * on their own, for a warning.
   */
  addSecret(name, value) {
    const large = value.length > LARGE_VALUE_CHARS;
    this.#addAll(name, large ? formsOf(value) : [...formsOf(value), ...toolForms(value)], large);
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
   * Hands every form registered so far, and the new forms of each later value in one
   * batch, to `persist`: the post step's leak guard needs them, and post is another
   * process. A large value's forms are handed over bounded (recordedForms): they would
   * otherwise fill memory-backed storage with several copies of the value.
   */
  persistTo(persist) {
    this.#persist = persist;
    if (this.#forms.size > 0) persist([...this.#forms.values()]);
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
  /** `large`: the forms of a large value, handed to `persist` bounded (recordedForms). */
  #addAll(name, given, large = false) {
    const forms = given.flatMap((f) => NEEDS_INERT_FORM.test(f.text) ? [f, { ...f, text: inert(f.text) }] : [f]);
    const added = [];
    for (const form of forms) {
      if (this.#forms.has(form.text)) continue;
      const registered = { ...form, name };
      this.#forms.set(form.text, registered);
      this.#sorted = void 0;
      added.push(registered);
    }
    if (added.length === 0) return;
    const texts = added.map((f) => f.text);
    this.#register(underAct() ? actSafeMasks(texts) : texts);
    this.#persist?.(large ? recordedForms(added) : added);
  }
};

// src/cancel.ts
var GRACE_MS = 2500;
var EXIT_AFTER_MS = GRACE_MS + 1500;
function cancelSignals(platform) {
  return platform === "win32" ? ["SIGINT", "SIGBREAK", "SIGTERM"] : ["SIGINT", "SIGTERM"];
}
function watchCancel(plan = {}) {
  const controller = new AbortController();
  let by;
  const onSignal = (signal) => {
    plan.first?.();
    if (by !== void 0) process.exit(1);
    by = signal;
    info(
      plan.notice?.(signal) ?? `${signal}: cancelling. No new Vault requests; replies in flight get ${GRACE_MS} ms to land.`
    );
    controller.abort();
    setTimeout(() => {
      setFailed((plan.failure ?? cancelMessage)(signal));
      process.exit(1);
    }, EXIT_AFTER_MS).unref();
  };
  for (const signal of cancelSignals(process.platform)) process.on(signal, onSignal);
  return { signal: controller.signal, graceMs: GRACE_MS, by: () => by, failure: plan.failure ?? cancelMessage };
}
function cancelMessage(signal) {
  return `cancelled by ${signal}: the token and leases Vault issued are recorded, and the post step revokes them and removes the files.`;
}
function exitOnSignal(failure) {
  const onSignal = (signal) => {
    setFailed(failure(signal));
    process.exit(1);
  };
  for (const signal of cancelSignals(process.platform)) process.on(signal, onSignal);
}

// src/paths.ts
import path from "node:path";
function pathApi(platform = process.platform) {
  return platform === "win32" ? path.win32 : path.posix;
}
function isWithin(child, parent, platform = process.platform) {
  const p = pathApi(platform);
  const rel = p.relative(p.resolve(parent), p.resolve(child));
  return rel === "" || rel !== ".." && !rel.startsWith(`..${p.sep}`) && !p.isAbsolute(rel);
}

export {
  readConnectionConfig,
  readGuardConfig,
  readGuardStepConfig,
  giveFiles,
  envNameRefusal,
  fileVariableRefusal,
  readRefreshStepConfig,
  readMainConfig,
  actSplits,
  underAct,
  MaskRegistry,
  GRACE_MS,
  watchCancel,
  cancelMessage,
  exitOnSignal,
  pathApi,
  isWithin
};
//# sourceMappingURL=shared-DTXL6YP6.js.map
