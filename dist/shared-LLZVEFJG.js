import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  mapSettled
} from "./shared-S3OPN7WJ.js";
import {
  envNameRefusal,
  fileVariableRefusal,
  isWithin,
  pathApi
} from "./shared-DTXL6YP6.js";
import {
  assertUniqueNames,
  deriveName,
  groupByPath,
  isValidName
} from "./shared-TIJMJNMW.js";
import {
  VaultRequestError
} from "./shared-TU6OUOKE.js";
import {
  recordDestination,
  recordForms
} from "./shared-NV2LB3MZ.js";
import {
  encodingsOf
} from "./shared-J5QQXKHR.js";
import {
  O_NOFOLLOW,
  errorMessage,
  say,
  writePrivateFile
} from "./shared-73F27MEW.js";
import {
  exportVariable,
  info,
  setOutput,
  warning
} from "./shared-QCDMWCIP.js";

// src/mask/emit.ts
import { EOL } from "node:os";
function addMaskLines(texts) {
  return texts.map((t) => `::add-mask::${t.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}${EOL}`).join("");
}
function addMasks(texts) {
  if (texts.length > 0) process.stdout.write(addMaskLines(texts));
}

// src/refresh/plan.ts
import { createHmac, randomBytes } from "node:crypto";
function newPlanKey() {
  return randomBytes(32).toString("hex");
}
function digestOf(key, value) {
  return createHmac("sha256", Buffer.from(key, "hex")).update(value, "utf8").digest("hex");
}
function plannedSecret(key, s) {
  return {
    name: s.name,
    outputName: s.outputName,
    source: s.source,
    path: s.origin?.path ?? "",
    version: s.origin?.version,
    digest: digestOf(key, s.reveal()),
    bytes: s.bytes
  };
}
function planOf(input) {
  const key = newPlanKey();
  return {
    ...input,
    connection: withoutProxy(input.connection),
    key,
    secrets: input.secrets.map((s) => plannedSecret(key, s))
  };
}
function withoutProxy(connection) {
  return Object.fromEntries(Object.entries(connection).filter(([k]) => k !== "proxy"));
}

// src/template/stage.ts
import { closeSync as closeSync2, fstatSync, openSync as openSync2, readSync, realpathSync as realpathSync2 } from "node:fs";
import { join as join2, relative, isAbsolute, resolve, sep } from "node:path";

// src/template/render.ts
var FILTERS = ["json", "base64", "shell", "url", "xml"];
var APPLY = {
  /** A whole JSON string literal, quotes included. */
  json: (v) => JSON.stringify(v),
  base64: (v) => Buffer.from(v, "utf8").toString("base64"),
  /** One POSIX shell word in single quotes: nothing inside is expanded. */
  shell: (v) => `'${v.replace(/'/g, `'\\''`)}'`,
  url: (v) => encodeURIComponent(v),
  /** Text or an attribute value in XML (Maven's settings.xml). */
  xml: (v) => v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
};
var TemplateError = class extends Error {
  constructor(line, column, reason) {
    super(`line ${line}, column ${column}: ${reason}`);
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
  line;
  column;
  reason;
  name = "TemplateError";
};
var OPEN = "{{";
var PLACEHOLDER = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)((?:\s*\|\s*[a-z0-9]+)*)\s*\}\}/;
function renderTemplate(template, values) {
  const parts = [];
  const derived = [];
  const names = /* @__PURE__ */ new Set();
  let at = 0;
  for (let open = template.indexOf(OPEN); open >= 0; open = template.indexOf(OPEN, at)) {
    parts.push(template.slice(at, open));
    const where2 = position(template, open);
    const match = PLACEHOLDER.exec(template.slice(open, open + 512));
    if (!match)
      throw new TemplateError(
        where2.line,
        where2.column,
        `"{{" opens no placeholder: write {{ NAME }} or {{ NAME | ${FILTERS.join(" | ")} }}.`
      );
    const name = match[1] ?? "";
    const value = values.get(name);
    if (value === void 0)
      throw new TemplateError(
        where2.line,
        where2.column,
        `{{ ${name} }} names no secret of this step (it has: ${[...values.keys()].sort().join(", ") || "none"}).`
      );
    let text = value;
    for (const filter of (match[2] ?? "").split("|").map((f) => f.trim()).filter(Boolean)) {
      if (!FILTERS.includes(filter))
        throw new TemplateError(where2.line, where2.column, `unknown filter "${filter}": use ${FILTERS.join(", ")}.`);
      text = APPLY[filter](text);
    }
    if (text !== value) derived.push({ name, text });
    names.add(name);
    parts.push(text);
    at = open + match[0].length;
  }
  parts.push(template.slice(at));
  return { text: parts.join(""), derived, names: [...names] };
}
function position(text, index) {
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  return { line, column: index - before.lastIndexOf("\n") };
}

// src/template/write.ts
import { closeSync, constants, fchmodSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync } from "node:fs";
import { unlinkSync, writeSync } from "node:fs";
import { randomBytes as randomBytes2 } from "node:crypto";
import { basename, dirname, join } from "node:path";
function rootsFromEnv(allowWorkspace) {
  const env = (name) => process.env[name] || void 0;
  return { home: env("HOME"), runnerTemp: env("RUNNER_TEMP"), workspace: env("GITHUB_WORKSPACE"), allowWorkspace };
}
function expandDestination(dest, roots, platform = process.platform) {
  const p = pathApi(platform);
  const slash = platform === "win32" ? String.raw`[\\/]` : "/";
  const m = new RegExp(String.raw`^(~|\$HOME|\$\{HOME\}|\$RUNNER_TEMP|\$\{RUNNER_TEMP\})(${slash}.*)$`).exec(dest);
  if (m) {
    const base = m[1]?.includes("RUNNER_TEMP") ? roots.runnerTemp : roots.home;
    if (base === void 0) throw new Error(`${m[1]} is not set in this step's environment.`);
    return p.resolve(base, `.${m[2] ?? ""}`);
  }
  if (!p.isAbsolute(dest) || platform === "win32" && !/^(?:[A-Za-z]:[\\/]|[\\/]{2})/.test(dest))
    throw new Error("give a destination as ~/PATH, $HOME/PATH, $RUNNER_TEMP/PATH or an absolute path.");
  return p.resolve(dest);
}
var inside = (root, path, platform) => root !== void 0 && isWithin(path, root, platform) && !isWithin(root, path, platform);
function checkDestination(path, roots, platform = process.platform) {
  const under = (root) => inside(root, path, platform);
  if (under(roots.workspace) && !roots.allowWorkspace)
    throw new Error(
      `${path} is in the workspace, which artifacts and caches are made from: write it under ~ or $RUNNER_TEMP, or set templates-allow-workspace: true.`
    );
  const allowed = under(roots.home) || under(roots.runnerTemp);
  if (!allowed && !(roots.allowWorkspace && under(roots.workspace)))
    throw new Error(`${path} is outside $HOME and $RUNNER_TEMP: a template goes only there (or in files-dir).`);
}
function prepareDestination(path, roots) {
  checkDestination(path, roots);
  const dirs = [];
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    try {
      realpathSync(dir);
      break;
    } catch {
      dirs.unshift(dir);
    }
  }
  for (const dir of dirs) mkdirSync(dir, { mode: 448 });
  const real = join(realpathSync(dirname(path)), basename(path));
  const realRoots = {
    ...roots,
    home: roots.home && realOr(roots.home),
    runnerTemp: roots.runnerTemp && realOr(roots.runnerTemp),
    workspace: roots.workspace && realOr(roots.workspace)
  };
  checkDestination(real, realRoots);
  return { real, dirs };
}
function realOr(path) {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
function writeNewFile(path, data, created = () => void 0) {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW, 384);
  let written = false;
  try {
    created();
    fchmodSync(fd, 384);
    const bytes = Buffer.from(data, "utf8");
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
    written = true;
  } finally {
    closeSync(fd);
    if (!written) unlinkSync(path);
  }
}
function replaceFile(path, data, created = () => void 0) {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes2(6).toString("hex")}.tmp`);
  writeNewFile(temp, data, () => created(temp));
  renameSync(temp, path);
}

// src/template/stage.ts
var MAX_TEMPLATE_BYTES = 1 << 20;
function templateStage({ templates, values, session, masks, replace = false }) {
  const roots = rootsFromEnv(templates.allowWorkspace);
  const checked = (path) => {
    checkDestination(path, roots);
    return path;
  };
  const rendered = templates.lines.map((t) => {
    if (values.has(t.name) && !replace)
      throw new Error(
        `templates line ${t.line}: ${t.name} is also the name of a secret: name the rendered file apart.`
      );
    const source = readSource(t);
    const dest = t.dest === void 0 ? void 0 : attempt(t, () => checked(expandDestination(t.dest ?? "", roots)));
    try {
      return { t, dest, out: renderTemplate(source, values) };
    } catch (err) {
      if (err instanceof TemplateError)
        throw new Error(`templates line ${t.line}: ${where(t)} ${err.message}`, { cause: err });
      throw err;
    }
  });
  for (const { t, out } of rendered) {
    for (const d of out.derived) masks.addHandle(d.name, d.text);
    if (out.names.length > 0)
      recordForms(
        session,
        [{ text: out.text, kind: "value" }, ...encodingsOf(out.text)].map((f) => ({ ...f, name: t.name }))
      );
  }
  const paths = /* @__PURE__ */ new Map();
  for (const { t, dest, out } of rendered) {
    const path = attempt(t, () => write(t, dest, out.text, { session, roots, replace }));
    paths.set(t.name, path);
    exportVariable(`${t.name}_FILE`, path);
    info(
      say`Rendered template ${t.name} (templates line ${t.line}, ${Buffer.byteLength(out.text)} bytes, from ${out.names.join(", ") || "no secret"}) to ${path} (0600)`
    );
  }
  return paths;
}
function write(t, dest, text, { session, roots, replace }) {
  if (dest === void 0) {
    const path = join2(session.files, t.name);
    if (replace) replaceFile(path, text);
    else writeNewFile(path, text);
    return path;
  }
  const { real, dirs } = prepareDestination(dest, roots);
  if (replace) replaceFile(real, text, (temp) => recordDestination(session, { path: temp, dirs: [] }));
  else writeNewFile(real, text, () => recordDestination(session, { path: real, dirs }));
  return real;
}
function attempt(t, work) {
  try {
    return work();
  } catch (err) {
    const code = err.code;
    const reason = code === "EEXIST" ? "a file is already there (it is never overwritten)" : errorMessage(err);
    throw new Error(`templates line ${t.line}: cannot write ${t.name}: ${reason}`, { cause: err });
  }
}
function where(t) {
  return t.source.kind === "file" ? t.source.path : "the inline template,";
}
function readSource(t) {
  if (t.source.kind === "inline") return t.source.text;
  const workspace = process.env["GITHUB_WORKSPACE"] || process.cwd();
  const fail = (reason) => new Error(`templates line ${t.line}: ${t.source.kind === "file" ? t.source.path : ""}: ${reason}`);
  let real;
  try {
    real = realpathSync2(resolve(workspace, t.source.path));
  } catch (err) {
    throw fail(`cannot read it (${err.code ?? "error"}): give a file in the workspace.`);
  }
  const rel = relative(realpathSync2(workspace), real);
  if (rel.startsWith(`..${sep}`) || rel === ".." || isAbsolute(rel)) throw fail("it is outside the workspace.");
  const fd = openSync2(real, "r");
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw fail("not a regular file.");
    if (st.size > MAX_TEMPLATE_BYTES) throw fail(`larger than ${MAX_TEMPLATE_BYTES} bytes.`);
    const buf = Buffer.alloc(st.size);
    let n = 0;
    while (n < st.size) {
      const got = readSync(fd, buf, n, st.size - n, null);
      if (got === 0) break;
      n += got;
    }
    return buf.subarray(0, n).toString("utf8");
  } finally {
    closeSync2(fd);
  }
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
  constructor(name, source, value, outputName = name, origin) {
    this.name = name;
    this.source = source;
    this.outputName = outputName;
    this.origin = origin;
    this.#value = value;
  }
  name;
  source;
  outputName;
  origin;
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
      const where2 = i === 0 ? readPath : `${readPath}#${segments.slice(0, i).join(".")}`;
      throw new Error(
        `secrets line ${req.line}: "${segment}" not found in ${where2} (${describe(container, i === 0)}). Check the key's spelling and case.`
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
        recordLease(body, paths.read, opts);
        return { data: secretData(body, paths.unwrap), version: kvVersion(body, paths.unwrap) };
      });
      reads.set(paths.read, pending);
    }
    return pending;
  };
  const readOne = async (group, path, leaf) => {
    const first = group[0];
    const mount = await mounts.resolve(path);
    const paths = apiPathsFor(path, mount, first.version);
    if (opts.skipRead?.(paths.read)) return [];
    let data;
    let version;
    try {
      ({ data, version } = await readData(paths));
    } catch (err) {
      if (!(err instanceof VaultRequestError)) throw err;
      if (opts.compat?.onNotFound !== void 0 && err.status === 404) {
        opts.compat.onNotFound(err.message);
        return [];
      }
      throw readFailure(err, path, mount);
    }
    if (!data)
      throw new Error(
        `secrets line ${first.line}: ${paths.read} returned no data: check that it is a secret and not a folder (a folder ends with "/").`
      );
    const fetched2 = [];
    for (const req of group) {
      for (const s of await select(req, data, path, leaf)) {
        opts.onValue(s.name, s.value);
        fetched2.push({
          secret: new Secret(s.name, s.source, s.value, s.outputName, { path: paths.read, version }),
          line: s.line
        });
      }
    }
    return fetched2;
  };
  const select = async (req, data, path, leaf) => {
    if (req.selector.kind !== "compat") return selectValues(req, data, path, leaf);
    const { selectCompat } = await import("./shared-AFHOMHTG.js");
    return selectCompat({ ...req, selector: req.selector }, data, path, { encoding: opts.compat?.encoding });
  };
  const readFolder = async (group) => {
    const first = group[0];
    const depth = first.depth ?? 1;
    const leaves = await listFolder(first, depth);
    if (leaves.length === 0)
      throw new Error(
        depth === 1 ? `secrets line ${first.line}: no secrets directly under ${first.path}/ (sub-folders are read with \`${first.path}/ **\` or ?depth=N).` : `secrets line ${first.line}: no secrets under ${first.path}/.`
      );
    const settled2 = await mapSettled(
      leaves,
      opts.concurrency,
      (leaf) => atLine(first.line, readOne(group, `${first.path}/${leaf}`, leaf))
    );
    return unwrapAll(settled2).flat();
  };
  const listAt = async (line, folder, listPath) => {
    try {
      return await api.list(listPath);
    } catch (err) {
      if (err instanceof VaultRequestError && err.status === 404)
        throw new Error(
          `secrets line ${line}: nothing to list under ${folder}/ (HTTP 404 from ${listPath}): check the folder's path and mount.`,
          { cause: err }
        );
      if (err instanceof Error) err.message = `secrets line ${line}: ${err.message}`;
      throw err;
    }
  };
  const listFolder = async (req, depth) => {
    const found = [];
    let level = [""];
    for (let d = 1; d <= depth && level.length > 0; d++) {
      const listed = unwrapAll(
        await mapSettled(level, opts.concurrency, async (prefix) => {
          const folder = prefix === "" ? req.path : `${req.path}/${prefix.slice(0, -1)}`;
          const paths = apiPathsFor(folder, await mounts.resolve(folder), void 0);
          return (await listAt(req.line, folder, paths.list)).map((key) => {
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
  const settled = await mapSettled(groups, opts.concurrency, (group) => {
    const first = group[0];
    return atLine(first.line, first.folder ? readFolder(group) : readOne(group, first.path));
  });
  const fetched = unwrapAll(settled).flat();
  assertUniqueNames(fetched.map((f) => ({ name: f.secret.name, line: f.line, what: f.secret.source })));
  return fetched.map((f) => f.secret);
}
function readFailure(err, path, mount) {
  const gone = err.kvGone;
  if (gone) {
    const how = gone.destroyed ? "destroyed" : "deleted";
    const restore = gone.destroyed ? "" : `restore it (\`kv undelete -versions=${gone.version}\`) or `;
    const earlier = gone.version > 1 ? `?version=${gone.version - 1}` : "?version=N";
    return new Error(
      `${path}: version ${gone.version} of this KV v2 secret was ${how} (HTTP 404): ${restore}read an earlier version with ${earlier}.`,
      { cause: err }
    );
  }
  const rest = mount ? path.slice(mount.path.length) : "";
  if (mount?.kvVersion === 1 && rest.startsWith("data/") && (err.status === 403 || err.status === 404))
    return new Error(
      `${err.message} ${mount.path} is a KV v1 mount, where data/ is part of the path (only KV v2 adds it): write ${mount.path}${rest.slice("data/".length)}.`,
      { cause: err }
    );
  return err;
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
function recordLease(body, path, opts) {
  const reply = body;
  if (typeof reply?.lease_id !== "string" || reply.lease_id === "") return;
  opts.onLease({
    id: reply.lease_id,
    durationSeconds: typeof reply.lease_duration === "number" ? reply.lease_duration : 0,
    renewable: reply.renewable === true,
    path
  });
}
function kvVersion(body, unwrap) {
  if (unwrap === "plain") return void 0;
  const version = body?.data?.metadata?.version;
  return typeof version === "number" ? version : void 0;
}

export {
  addMasks,
  renderEnvFile,
  deliverEnvFile,
  deliverEnv,
  deliverOutputs,
  requireFileCommand,
  checkDelivery,
  credentialPairs,
  Secret,
  fetchSecrets,
  digestOf,
  plannedSecret,
  planOf,
  withoutProxy,
  templateStage
};
//# sourceMappingURL=shared-LLZVEFJG.js.map
