import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  proxyEnv
} from "./shared-NYIERDFJ.js";
import {
  LARGE_VALUE_CHARS,
  MIN_DERIVED_LENGTH,
  MIN_SECRET_LENGTH,
  Scanner,
  basicAuthForms,
  childEnv,
  encodingsOf,
  errorMessage,
  formsOf,
  inert,
  recordedForms,
  say,
  shortParts,
  summaryText
} from "./shared-YW6EPKTQ.js";
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
} from "./shared-QCDMWCIP.js";
import {
  deriveName,
  isValidName,
  parseSpec
} from "./shared-SL72OVGL.js";

// src/inputs/read.ts
import { readFileSync } from "node:fs";

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

// src/inputs/read.ts
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
  const decoded2 = /^[A-Za-z0-9+/=\s]+$/.test(value) && value.length > 64 ? Buffer.from(value, "base64").toString("utf8") : "";
  if (decoded2.includes("-----BEGIN")) return decoded2;
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

// src/inputs/vault.ts
import { createPrivateKey } from "node:crypto";

// src/inputs/pki.ts
function parsePki(text2) {
  const out = [];
  for (const [i, raw] of text2.split(/[;\n]/).entries()) {
    const entry = raw.trim();
    if (entry === "" || entry.startsWith("#")) continue;
    const line = i + 1;
    const where2 = `vault-pki entry ${line}`;
    const m = /^(\S+)\s+(\{[\s\S]*\})\s*(?:\|\s*(\S+))?$/.exec(entry);
    if (!m)
      throw new InputError(
        `${where2} is not "pki/issue/ROLE {JSON parameters} | NAME": give the issue path, a JSON object, and optionally a name.`
      );
    const [, path = "", json = "", explicit] = m;
    const issue = /^((?:[A-Za-z0-9_.-]+\/)*[A-Za-z0-9_.-]+)\/issue\/([A-Za-z0-9_.-]+)$/.exec(path.replace(/^\/+/, ""));
    if (!issue) throw new InputError(`${where2}: ${path} is not an issue endpoint (MOUNT/issue/ROLE).`);
    let parameters;
    try {
      parameters = JSON.parse(json);
    } catch {
      throw new InputError(`${where2}: the parameters are not valid JSON.`);
    }
    if (typeof parameters !== "object" || parameters === null || Array.isArray(parameters))
      throw new InputError(`${where2}: the parameters must be a JSON object.`);
    const role = issue[2] ?? "";
    const name = explicit ?? deriveName([role]);
    if (!isValidName(name))
      throw new InputError(
        `${where2}: "${name}" is not a usable name: letters, digits and "_", not starting with a digit.`
      );
    out.push({ path: issue[0], mount: issue[1] ?? "", parameters, name, line });
  }
  return out;
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
    headers: readExtraHeaders(masks),
    proxy: readProxy(masks)
  };
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
    const where2 = `vault-extra-headers line ${i + 1}`;
    if (colon <= 0 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      throw new InputError(`${where2} is not "Header-Name: value" (a name of letters, digits and "-", then a colon).`);
    const lower = name.toLowerCase();
    if (RESERVED_HEADERS.has(lower) || TRANSPORT_HEADERS.has(lower))
      throw new InputError(
        `${where2}: ${name} is set by the action itself (token, namespace or HTTP framing): use vault-token or vault-namespace instead.`
      );
    if (lower in out) throw new InputError(`${where2}: ${name} is given twice.`);
    masks.addHandle(`header ${name}`, value);
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
    case "approle":
      return {
        method,
        mount,
        roleId: need(text("vault-role-id"), "vault-role-id", "approle"),
        secretId: secret("vault-secret-id")
      };
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
  const requests = compat ? (await import("./shared-G4R5VJBE.js")).parseCompatSpec(spec) : parseSpec(spec);
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
    compat,
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
  #addAll(name, given2, large = false) {
    const forms = given2.flatMap((f) => NEEDS_INERT_FORM.test(f.text) ? [f, { ...f, text: inert(f.text) }] : [f]);
    const added = [];
    for (const form of forms) {
      if (this.#forms.has(form.text)) continue;
      const registered = { ...form, name };
      this.#forms.set(form.text, registered);
      this.#sorted = void 0;
      added.push(registered);
    }
    if (added.length === 0) return;
    this.#register(added.map((f) => f.text));
    this.#persist?.(large ? recordedForms(added) : added);
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
var escape = summaryText;
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
    env: childEnv(env)
  });
  let stderr = "";
  child.stderr.on("data", (d) => stderr += d.toString());
  const closed = new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  const end = new TarEnd();
  await scanner.scanStream(`image ${image}`, end.watch(child.stdout));
  const code = await closed;
  if (code !== 0) throw new Error(`docker save ${image} failed: ${stderr.trim().split("\n")[0] ?? `exit ${code}`}`);
  if (!end.complete())
    throw new Error(
      `docker save ${image} failed: the stream was cut short after ${end.bytes} byte(s), before the end of the archive, so part of the image was not scanned.`
    );
}
var TarEnd = class {
  bytes = 0;
  #tail = Buffer.alloc(0);
  async *watch(source) {
    for await (const chunk of source) {
      this.bytes += chunk.length;
      this.#tail = Buffer.concat([this.#tail, chunk]).subarray(-1024);
      yield chunk;
    }
  }
  complete() {
    return this.bytes >= 1024 && this.bytes % 512 === 0 && this.#tail.every((b) => b === 0);
  }
};
async function guardImage(masks, image, env) {
  const scanner = new Scanner(masks.forms());
  await group(`Leak guard: scan image ${image}`, () => scanImage(scanner, image, env));
  info(
    say`leak guard: image ${image}: ${scanner.stats.bytes} byte(s) in ${scanner.stats.files} stream(s), ${scanner.hits.length} hit(s)`
  );
  if (scanner.hits.length === 0) return;
  for (const hit of scanner.hits.slice(0, 20))
    error(say`secret ${hit.name} (as ${hit.form}) is in image ${image} at ${hit.inner || "its config"}`, {
      title: "Leaked secret"
    });
  throw new Error(
    `the image holds secrets (${tally(scanner.hits).join("; ")}): it was not pushed. Read secrets with RUN --mount=type=secret and do not write them into the image.`
  );
}

export {
  readConnectionConfig,
  readGuardConfig,
  readGuardStepConfig,
  envNameRefusal,
  fileVariableRefusal,
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
//# sourceMappingURL=shared-UCFZKWEK.js.map
