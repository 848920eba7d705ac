import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  jobSessions
} from "./shared-4UGVUXJO.js";
import {
  InputError,
  choice,
  docker,
  rawInput,
  reason,
  seconds,
  writeVerifySummary
} from "./shared-2TF6D427.js";
import {
  readForms,
  sessionPaths
} from "./shared-NV2LB3MZ.js";
import "./shared-NYIERDFJ.js";
import {
  MIN_SECRET_LENGTH,
  childEnv
} from "./shared-J5QQXKHR.js";
import {
  ACTION_NAME,
  errorMessage,
  failStep,
  inert,
  say
} from "./shared-73F27MEW.js";
import {
  error,
  info,
  setFailed,
  warning
} from "./shared-QCDMWCIP.js";
import "./shared-BDLR4YRK.js";

// src/verify-step.ts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

// src/inputs/verify.ts
var LINE = /^([A-Za-z0-9][A-Za-z0-9_.-]*):(\/.*?)\s*=\s*([A-Za-z_][A-Za-z0-9_]*)$/;
function readVerifyConfig() {
  const lines = rawInput("files").split(/\r?\n/).map((text, i) => ({ text: text.trim(), line: i + 1 })).filter(({ text }) => text !== "" && !text.startsWith("#")).map(({ text, line }) => {
    const m = LINE.exec(text);
    if (!m)
      throw new InputError(
        `files line ${line}: write CONTAINER:/ABSOLUTE/PATH = NAME, e.g. api:/run/secrets/db_password = DB_PASSWORD.`
      );
    return { line, container: m[1] ?? "", path: m[2] ?? "", name: m[3] ?? "" };
  });
  if (lines.length === 0) throw new InputError("files is empty: give CONTAINER:/PATH = NAME lines to verify.");
  return {
    lines,
    onMismatch: choice("on-mismatch", ["fail", "warn"], "fail"),
    timeoutMs: seconds("timeout", 10)
  };
}

// src/verify/container.ts
import { spawn } from "node:child_process";
async function copyOut(container, path, opts) {
  const result = await copy(container, path, opts);
  if (result.status !== "missing") return result;
  const exists = await docker(["container", "inspect", "--format", "{{.Id}}", container]);
  return exists.exitCode === 0 ? result : { status: "failed", reason: `no such container: ${reason(exists)}` };
}
function copy(container, path, { follow, timeoutMs, maxBytes }) {
  return new Promise((resolve) => {
    const args = ["cp", ...follow ? ["-L"] : [], `${container}:${path}`, "-"];
    const child = spawn("docker", args, { env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
    const chunks = [];
    let size = 0;
    let stderr = "";
    let stopped;
    const stop = (why) => {
      stopped ??= why;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => stop(`no answer within ${timeoutMs / 1e3} s`), timeoutMs);
    child.stdout.on("data", (d) => {
      if (size < maxBytes) chunks.push(d.subarray(0, maxBytes - size));
      size += d.length;
      if (size >= maxBytes) stop("size");
    });
    child.stderr.on("data", (d) => {
      if (stderr.length < 4096) stderr += d.toString("utf8");
    });
    child.on("error", (err) => {
      clearTimeout(timer);
      resolve({ status: "failed", reason: err.message });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const stream = Buffer.concat(chunks);
      if (stopped === "size") resolve({ status: "ok", stream });
      else if (stopped !== void 0) resolve({ status: "failed", reason: stopped });
      else if (code === 0) resolve({ status: "ok", stream });
      else if (/No such container:path|Could not find the file/i.test(stderr)) resolve({ status: "missing" });
      else resolve({ status: "failed", reason: stderr.trim().split("\n")[0] || `docker cp exit code ${code}` });
    });
  });
}
async function containerEnv(container) {
  const run2 = await docker(["inspect", "--format", "{{json .Config.Env}}", container]);
  if (run2.exitCode !== 0) throw new Error(`docker inspect ${container}: ${reason(run2)}`);
  const env = JSON.parse(run2.stdout.trim() || "[]");
  return (Array.isArray(env) ? env : []).filter((e) => typeof e === "string").map((e) => ({ name: e.split("=")[0] ?? "", value: e.slice(e.indexOf("=") + 1) }));
}
async function imageHistory(container) {
  const image = await docker(["inspect", "--format", "{{.Image}}", container]);
  if (image.exitCode !== 0) throw new Error(`docker inspect ${container}: ${reason(image)}`);
  const run2 = await docker(["history", "--no-trunc", "--format", "{{.CreatedBy}} {{.Comment}}", image.stdout.trim()]);
  if (run2.exitCode !== 0) throw new Error(`docker history: ${reason(run2)}`);
  return run2.stdout;
}

// src/verify/tar-entry.ts
var TYPES = {
  "0": "file",
  "\0": "file",
  "7": "file",
  "1": "hardlink",
  "2": "symlink",
  "3": "char-device",
  "4": "block-device",
  "5": "directory",
  "6": "fifo"
};
function firstEntry(stream) {
  let offset = 0;
  let pax = {};
  let longLink;
  while (offset + 512 <= stream.length) {
    const header = stream.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) return void 0;
    const flag = String.fromCharCode(header[156] ?? 48);
    const size = Number(pax["size"] ?? octal(header.subarray(124, 136)));
    const data = stream.subarray(offset + 512, offset + 512 + size);
    if (flag === "x" || flag === "g" || flag === "L" || flag === "K") {
      if (flag === "x") pax = { ...pax, ...paxRecords(data.toString("latin1")) };
      if (flag === "K") longLink = data.toString("utf8").replace(/\0.*$/s, "");
      offset += 512 + Math.ceil(size / 512) * 512;
      continue;
    }
    return {
      type: TYPES[flag] ?? "other",
      mode: octal(header.subarray(100, 108)) & 4095,
      uid: Number(pax["uid"] ?? octal(header.subarray(108, 116))),
      gid: Number(pax["gid"] ?? octal(header.subarray(116, 124))),
      size,
      linkname: pax["linkpath"] ?? longLink ?? field(header.subarray(157, 257)),
      data: Buffer.from(data),
      complete: data.length === size
    };
  }
  return void 0;
}
function field(bytes) {
  return Buffer.from(bytes).toString("utf8").replace(/\0.*$/s, "");
}
function octal(bytes) {
  if ((bytes[0] ?? 0) & 128) {
    let n = (bytes[0] ?? 0) & 127;
    for (let i = 1; i < bytes.length; i++) n = n * 256 + (bytes[i] ?? 0);
    return n;
  }
  const text = Buffer.from(bytes).toString("latin1").replace(/\0.*$/s, "").trim();
  return text === "" ? 0 : parseInt(text, 8);
}
function paxRecords(text) {
  const out = {};
  let at = 0;
  while (at < text.length) {
    const space = text.indexOf(" ", at);
    const len = Number(text.slice(at, space));
    if (space < 0 || !Number.isInteger(len) || len <= 0) break;
    const record = text.slice(space + 1, at + len - 1);
    const eq = record.indexOf("=");
    if (eq > 0) out[record.slice(0, eq)] = Buffer.from(record.slice(eq + 1), "latin1").toString("utf8");
    at += len;
  }
  return out;
}

// src/verify/judge.ts
import { timingSafeEqual } from "node:crypto";
function sameBytes(a, b) {
  return a.length === b.length && timingSafeEqual(a, b);
}
function judge(entry, value, limit) {
  if (entry === void 0) return { outcome: "missing", text: "missing", worldReadable: false };
  const meta = `mode ${entry.mode.toString(8).padStart(4, "0")}, owner ${entry.uid}:${entry.gid}`;
  const worldReadable = (entry.mode & 4) !== 0;
  if (entry.type !== "file")
    return { outcome: "not-a-file", text: `not a regular file but a ${entry.type} (${meta})`, worldReadable };
  if (entry.size === 0) return { outcome: "empty", text: `empty (${meta})`, worldReadable };
  if (!entry.complete)
    return { outcome: "different", text: `present but different (over ${limit} bytes; ${meta})`, worldReadable };
  if (sameBytes(entry.data, value))
    return { outcome: "equal", text: `present, ${entry.size} bytes, equal (${meta})`, worldReadable };
  return {
    outcome: "different",
    text: `present but different (${entry.size} bytes, the secret has ${value.length}; ${meta})`,
    worldReadable
  };
}
var FAILING = /* @__PURE__ */ new Set(["different", "empty", "missing", "not-a-file", "unreadable"]);

// src/verify-step.ts
var SLACK_BYTES = 64 * 1024;
async function run() {
  const config = readVerifyConfig();
  const root = jobSessions().reverse().find((r) => existsSync(r));
  if (root === void 0)
    throw new Error("no session of the main step in this job: run the main step (with deliver: files) earlier.");
  const paths = sessionPaths(root);
  const lines = [];
  let failed = 0;
  const checked = /* @__PURE__ */ new Set();
  for (const line of config.lines) {
    const value = secretBytes(paths, line);
    const finding = await check(line, value, config);
    const text = say`${line.container}:${line.path} = ${line.name}: ` + finding.text;
    lines.push(text);
    if (FAILING.has(finding.outcome)) {
      failed++;
      if (config.onMismatch === "warn") warning(text);
      else error(text);
    } else info(text);
    if (finding.worldReadable)
      warning(
        say`${line.container}:${line.path} is readable by every user in the container: mount it for one user (files-owner) or make it 0400/0440.`
      );
    const key = `${line.container}
${line.name}`;
    if (!checked.has(key)) {
      checked.add(key);
      lines.push(...await exposures(line, needles(paths, line.name, value)));
    }
  }
  await writeVerifySummary(lines);
  if (failed > 0 && config.onMismatch === "fail")
    setFailed(
      `${ACTION_NAME}: verify: ${failed} of ${config.lines.length} file(s) do not hold their secret (see above), or set on-mismatch: warn.`
    );
}
function secretBytes(paths, line) {
  const path = join(paths.files, line.name);
  try {
    return readFileSync(path);
  } catch (err) {
    throw new Error(
      `files line ${line.line}: the main step has no file for ${line.name} (${err.code ?? "unreadable"}): name a secret or template it delivered with deliver: files.`,
      { cause: err }
    );
  }
}
async function check(line, value, config) {
  const opts = { timeoutMs: config.timeoutMs, maxBytes: value.length + SLACK_BYTES };
  let copy2 = await copyOut(line.container, line.path, { ...opts, follow: false });
  let entry = copy2.status === "ok" ? firstEntry(copy2.stream) : void 0;
  let link = "";
  if (entry?.type === "symlink") {
    link = say`a link to ${entry.linkname}, followed inside the container: `;
    copy2 = await copyOut(line.container, line.path, { ...opts, follow: true });
    entry = copy2.status === "ok" ? firstEntry(copy2.stream) : void 0;
  }
  if (copy2.status === "failed")
    return { outcome: "unreadable", text: link + say`cannot read it: ${copy2.reason}`, worldReadable: false };
  const finding = judge(entry, value, opts.maxBytes);
  return { ...finding, text: link + finding.text };
}
function needles(paths, name, value) {
  const forms = readForms(paths).filter((f) => f.name === name).map((f) => f.text);
  return [.../* @__PURE__ */ new Set([value.toString("utf8"), ...forms])].filter((t) => t.trim().length >= MIN_SECRET_LENGTH);
}
async function exposures(line, forms) {
  const out = [];
  const holds = (text) => forms.some((f) => text.includes(f));
  try {
    const env = (await containerEnv(line.container)).filter((e) => holds(e.value) || holds(e.name));
    if (env.length > 0) {
      const names = env.map((e) => holds(e.name) ? "(a name holding it)" : inert(e.name)).join(", ");
      out.push(
        say`${line.container}: ${line.name} is in the container's environment (` + names + "): docker inspect shows it to anyone with docker access; read the file instead."
      );
    }
  } catch (err) {
    out.push(say`${line.container}: environment not checked: ${errorMessage(err)}`);
  }
  try {
    if (holds(await imageHistory(line.container)))
      out.push(
        say`${line.container}: ${line.name} is in its image's history (docker history --no-trunc shows it): build with --secret instead of ARG, ENV or a RUN line.`
      );
  } catch (err) {
    out.push(say`${line.container}: image history not checked: ${errorMessage(err)}`);
  }
  for (const l of out) warning(l);
  return out;
}
run().catch((err) => failStep(err, (text) => text));
//# sourceMappingURL=verify.js.map
