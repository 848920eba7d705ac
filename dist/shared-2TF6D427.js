import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  requestIdLine
} from "./shared-NV2LB3MZ.js";
import {
  proxyFor
} from "./shared-NYIERDFJ.js";
import {
  childEnv
} from "./shared-J5QQXKHR.js";
import {
  O_NOFOLLOW,
  inert,
  summaryText
} from "./shared-73F27MEW.js";
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

// src/deliver/storage.ts
function storageNote(memoryBacked, platform) {
  if (memoryBacked) return "memory-backed (tmpfs): never written to a disk";
  const protection = platform === "win32" ? "readable by the runner user and SYSTEM only (ACL)" : "a 0700 folder of 0600 files";
  const fs = platform === "win32" ? "NTFS" : platform === "darwin" ? "APFS" : "this file system";
  return `not memory-backed: on disk, ${protection}; the post step overwrites and removes them (on ${fs} and SSDs the overwrite is best effort)`;
}

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
function lex(input, escape2, raw) {
  let text2 = "";
  const words = [];
  let word = "";
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] ?? "";
    if (ch === "'" || ch === '"') {
      const quoted = ch === "'" ? singleQuoted(input, i) : doubleQuoted(input, i, escape2);
      if (quoted === void 0) return void 0;
      text2 += quoted.value;
      word += raw ? input.slice(i, quoted.end + 1) : quoted.value;
      i = quoted.end;
    } else if (ch === escape2) {
      const next = input[++i];
      if (next === void 0) break;
      text2 += next;
      word += raw ? ch + next : next;
    } else if (isSpace(ch)) {
      text2 += ch;
      if (word !== "") words.push(word);
      word = "";
    } else {
      text2 += ch;
      word += ch;
    }
  }
  if (word !== "") words.push(word);
  return { text: text2, words };
}
function singleQuoted(input, start) {
  const end = input.indexOf("'", start + 1);
  return end < 0 ? void 0 : { value: input.slice(start + 1, end), end };
}
function doubleQuoted(input, start, escape2) {
  let value = "";
  for (let i = start + 1; i < input.length; i++) {
    const ch = input[i] ?? "";
    if (ch === '"') return { value, end: i };
    const next = input[i + 1];
    if (ch === escape2 && (next === '"' || next === "$" || next === escape2)) {
      value += next;
      i++;
    } else {
      value += ch;
    }
  }
  return void 0;
}

// src/docker/dockerfile/assignments.ts
function argAssignments(args, escape2) {
  return rawWords(args, escape2).map((word) => assignment(word, escape2));
}
var LEGACY_SEPARATOR = /[\t\v\f\r ]+/;
function envAssignments(args, escape2) {
  const words = rawWords(args, escape2);
  if (words[0]?.includes("=") === false) {
    const gap = LEGACY_SEPARATOR.exec(args);
    if (!gap) return [{ key: unquote(args, escape2), value: void 0 }];
    return [
      { key: unquote(args.slice(0, gap.index), escape2), value: unquote(args.slice(gap.index + gap[0].length), escape2) }
    ];
  }
  return words.filter((word) => word.includes("=")).map((word) => assignment(word, escape2));
}
function rawWords(args, escape2) {
  return lex(args, escape2, true)?.words ?? [];
}
function assignment(word, escape2) {
  const eq = word.indexOf("=");
  if (eq < 0) return { key: unquote(word, escape2), value: void 0 };
  return { key: unquote(word.slice(0, eq), escape2), value: unquote(word.slice(eq + 1), escape2) };
}
function unquote(text2, escape2) {
  return lex(text2, escape2, false)?.text ?? text2;
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
function detectSyntax(text2) {
  const lines = text2.replace(/^\uFEFF/, "").split("\n");
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
function jsonSyntax(text2) {
  try {
    const parsed = JSON.parse(text2);
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
function csvRecord(text2) {
  if (text2 === "") return void 0;
  const fields = [];
  for (let pos = 0; ; pos++) {
    let field;
    if (text2[pos] === '"') {
      field = "";
      for (pos++; ; pos += 2) {
        const close = text2.indexOf('"', pos);
        if (close < 0) return void 0;
        field += text2.slice(pos, close);
        pos = close;
        if (text2[close + 1] !== '"') break;
        field += '"';
      }
      pos++;
      if (pos < text2.length && text2[pos] !== ",") return void 0;
    } else {
      const comma = text2.indexOf(",", pos);
      const end = comma < 0 ? text2.length : comma;
      field = text2.slice(pos, end);
      if (field.includes('"')) return void 0;
      pos = end;
    }
    fields.push(field);
    if (pos >= text2.length) return fields;
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
function parseDockerfile(text2) {
  const lines = text2.replace(/^\uFEFF/, "").split("\n").map(trimLineEnd);
  const scanner = new DirectiveScanner("#");
  const directives = [];
  const instructions = [];
  let escape2 = "\\";
  for (let next = 0; next < lines.length; ) {
    const line = next + 1;
    const first = trimLeadingSpace(lines[next++] ?? "");
    const directive = scanner.read(first, line);
    if (directive) {
      directives.push(directive);
      if (directive.name === "escape" && (directive.value === "\\" || directive.value === "`"))
        escape2 = directive.value;
    }
    let { text: joined, continues } = trimContinuation(isComment(first) ? "" : first, escape2);
    if (!continues && joined === "") continue;
    while (continues && next < lines.length) {
      const part = lines[next++] ?? "";
      if (isComment(part) || trimLeadingSpace(part) === "") continue;
      const trimmed = trimContinuation(part, escape2);
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
  return { directives, escape: escape2, instructions };
}
function isComment(line) {
  return trimLeadingSpace(line).startsWith("#");
}
function trimLineEnd(line) {
  let end = line.length;
  while (line[end - 1] === "\r") end--;
  return line.slice(0, end);
}
function trimContinuation(line, escape2) {
  let end = line.length;
  while (line[end - 1] === " " || line[end - 1] === "	") end--;
  const at = end - 1;
  const continues = at >= 0 && line[at] === escape2 && line[at - 1] !== escape2;
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
function checkDockerfile(text2, opts) {
  const parsed = parseDockerfile(text2);
  const show = (fragment) => {
    const secret = opts.findSecret(fragment);
    return secret === void 0 ? fragment : `(text holding secret ${secret})`;
  };
  const used = /* @__PURE__ */ new Set();
  let dynamicMount = false;
  const findings = [...remoteFrontend(text2, show)];
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
function instructionFindings(instruction, escape2, findSecret, show) {
  const { keyword, args, line } = instruction;
  const assignments = keyword === "ARG" ? argAssignments(args, escape2) : keyword === "ENV" ? envAssignments(args, escape2) : [];
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
function remoteFrontend(text2, show) {
  const syntax = detectSyntax(text2);
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

// src/egress/images.ts
function pulledImages(text2, buildArgs) {
  const parsed = parseDockerfile(text2);
  const args = /* @__PURE__ */ new Map();
  const stages = /* @__PURE__ */ new Set();
  const refs = [];
  const syntax = parsed.directives.find((d) => d.name === "syntax");
  if (syntax) refs.push(syntax.value);
  let seenFrom = false;
  for (const ins of parsed.instructions) {
    const words = ins.args.trim().split(/\s+/).filter(Boolean);
    if (ins.keyword === "ARG" && !seenFrom) {
      for (const word of words) {
        const [name = "", ...rest] = word.split("=");
        const given2 = buildArgs.get(name);
        if (given2 !== void 0) args.set(name, given2);
        else if (rest.length > 0) args.set(name, unquote2(rest.join("=")));
      }
    } else if (ins.keyword === "FROM") {
      seenFrom = true;
      const [image, as, stage] = words.filter((w) => !w.startsWith("--"));
      if (image) refs.push(substitute(image, args));
      if (as?.toLowerCase() === "as" && stage) stages.add(stage.toLowerCase());
    } else if (ins.keyword === "COPY" || ins.keyword === "ADD" || ins.keyword === "RUN") {
      for (const from of fromFlags(words)) refs.push(substitute(from, args));
    }
  }
  const images = [];
  const unresolved = [];
  for (const ref of refs) {
    if (ref === "scratch" || stages.has(ref.toLowerCase()) || /^\d+$/.test(ref)) continue;
    (ref.includes("$") ? unresolved : images).push(ref);
  }
  return { images: [...new Set(images)], unresolved: [...new Set(unresolved)] };
}
function fromFlags(words) {
  const out = [];
  for (const word of words) {
    if (!word.startsWith("--")) continue;
    const copy = /^--from=(.+)$/.exec(word);
    if (copy?.[1]) out.push(copy[1]);
    const mount = /^--mount=(.+)$/.exec(word);
    for (const field of mount?.[1]?.split(",") ?? []) {
      const m = /^from=(.+)$/.exec(field);
      if (m?.[1]) out.push(m[1]);
    }
  }
  return out;
}
function unquote2(value) {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}
function substitute(word, args) {
  return word.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (whole, braced, fallback, bare) => {
      const value = args.get(braced ?? bare ?? "");
      if (value !== void 0 && value !== "") return value;
      return fallback ?? whole;
    }
  );
}
function registryOf(ref) {
  const slash = ref.indexOf("/");
  if (slash < 0) return "docker.io";
  const first = ref.slice(0, slash);
  return first.includes(".") || first.includes(":") || first === "localhost" ? first.toLowerCase() : "docker.io";
}
function registryCacheRef(spec) {
  const fields = spec.split(",");
  const type = fields.find((f) => f.startsWith("type="))?.slice(5) ?? "registry";
  if (type !== "registry") return void 0;
  const lone = fields.length === 1 && !spec.includes("=") ? spec : void 0;
  return fields.find((f) => f.startsWith("ref="))?.slice(4) ?? lone;
}

// src/egress/endpoints.ts
var REGISTRY_HOSTS = {
  "docker.io": ["registry-1.docker.io:443", "auth.docker.io:443", "production.cloudflare.docker.com:443"],
  "ghcr.io": ["ghcr.io:443", "pkg-containers.githubusercontent.com:443"],
  "mcr.microsoft.com": ["mcr.microsoft.com:443", "*.data.mcr.microsoft.com:443"]
};
var DOCKER_HUB_NAMES = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"]);
function egressOf(input) {
  const found = /* @__PURE__ */ new Map();
  const unknown = [];
  const add = (hostPort, why) => {
    const endpoint = parseHostPort(hostPort, 443);
    if (!endpoint) {
      unknown.push(`${why}: not a host name`);
      return;
    }
    const key = `${endpoint.host}:${endpoint.port}`;
    const had = found.get(key);
    if (!had) found.set(key, { ...endpoint, why });
    else if (!had.why.split("; ").includes(why)) found.set(key, { ...had, why: `${had.why}; ${why}` });
  };
  const addUrl = (raw, why) => {
    let url;
    try {
      url = new URL(raw);
    } catch {
      unknown.push(`${why}: not a URL`);
      return;
    }
    const proxy = proxyFor(url, input.proxy);
    if (proxy) add(hostPortOf(proxy), `proxy (${url.protocol === "https:" ? "HTTPS_PROXY" : "HTTP_PROXY"}) for ${why}`);
    else add(hostPortOf(url), why);
  };
  const addRegistry = (registry, why) => {
    const host = DOCKER_HUB_NAMES.has(registry) ? "docker.io" : registry;
    for (const hostPort of REGISTRY_HOSTS[host] ?? [host]) add(hostPort, why);
  };
  if (input.vaultAddr !== void 0) addUrl(input.vaultAddr, "Vault");
  if (input.githubOidc) {
    const url = input.env["ACTIONS_ID_TOKEN_REQUEST_URL"];
    if (url) addUrl(url, "GitHub's OIDC token (vault-method jwt)");
    else unknown.push("GitHub's OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set (permissions: id-token: write)");
  }
  for (const login of input.logins) addRegistry(loginHost(login), `docker login ${login}`);
  for (const image of input.images) addRegistry(registryOf(image.ref), `${image.why} ${image.ref}`);
  if (input.cacheService.length > 0) addCacheService(input, addUrl, add, unknown);
  const endpoints = [...found.values()].sort((a, b) => a.host.localeCompare(b.host) || a.port - b.port);
  return { endpoints, unknown };
}
function addCacheService(input, addUrl, add, unknown) {
  const why = `cache service (${input.cacheService.join(", ")})`;
  const { env } = input;
  const v2 = Boolean(env["ACTIONS_CACHE_SERVICE_V2"]) && !onGhes(env["GITHUB_SERVER_URL"]);
  const service = v2 ? env["ACTIONS_RESULTS_URL"] : env["ACTIONS_CACHE_URL"];
  if (!service) {
    unknown.push(`${why}: no cache service on this runner`);
    return;
  }
  addUrl(service, why);
  if (!v2) return;
  if (onGithubCom(env["GITHUB_SERVER_URL"])) add("*.blob.core.windows.net:443", `${why}: blob storage`);
  else unknown.push(`${why}: the blob storage host the cache service hands out`);
}
function onGithubCom(server) {
  return server === void 0 || server === "" || hostOf(server) === "github.com";
}
function onGhes(server) {
  if (onGithubCom(server)) return false;
  const host = hostOf(server ?? "");
  return !(host.endsWith(".ghe.com") || host.endsWith(".localhost"));
}
function hostOf(raw) {
  try {
    return new URL(raw).hostname.toLowerCase();
  } catch {
    return "";
  }
}
function hostPortOf(url) {
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return `${url.hostname}:${port}`;
}
function loginHost(registry) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(registry)) {
    try {
      const url = new URL(registry);
      return url.port ? `${url.hostname}:${url.port}` : url.hostname.toLowerCase();
    } catch {
      return registry;
    }
  }
  return registry.replace(/\/.*$/, "").toLowerCase();
}
var HOST = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
var IPV6 = /^\[[0-9a-f:.]+\]$/;
function parseHostPort(text2, defaultPort) {
  const m = /^(\[[^\]]*\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(text2.trim().toLowerCase());
  if (!m?.[1]) return void 0;
  const host = m[1];
  const port = m[2] === void 0 ? defaultPort : Number(m[2]);
  if (port < 1 || port > 65535 || host.length > 253) return void 0;
  return HOST.test(host) || IPV6.test(host) ? { host, port } : void 0;
}
function allowedEndpoints(endpoints) {
  return endpoints.map((e) => `${e.host}:${e.port}`).join("\n");
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
    const storage = report.filesDir === void 0 ? "" : ` Files are in <code>${escape(report.filesDir)}</code> (${escape(storageNote(report.memoryBacked, process.platform))}).`;
    summary2.addRaw(
      `${report.secrets.length} secret(s) from ${vault.paths} path(s) at ${escape(vault.addr)} (auth: ${vault.method}) in ${vault.millis} ms${vault.retries > 0 ? `, ${vault.retries} retried request(s)` : ""}${vault.leases > 0 ? `, ${vault.leases} lease(s) to revoke` : ""}.${storage} ${report.masks} mask(s) registered (values, lines, JSON leaves, encodings, credentials), each before any line that could hold it.`,
      true
    );
    summary2.addTable([
      ["Name", "Source", "Delivered as", "Bytes"].map((data) => ({ data, header: true })),
      ...secretRows(report.secrets, report.deliveries).map((row) => row.map(escape))
    ]);
  }
  if (report.tokenLine) summary2.addRaw(`<p>${escape(report.tokenLine)}</p>`, true);
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
  if (report.egress) addEgress(summary2, report.egress);
  await summary2.write();
}
function addEgress(summary2, egress) {
  if (egress.endpoints.length === 0 && egress.unknown.length === 0) return;
  summary2.addHeading("Egress", 4);
  if (egress.endpoints.length > 0) {
    summary2.addRaw(
      `<p>${egress.endpoints.length} endpoint(s) this job's use of the action connects to from the runner, for StepSecurity harden-runner's <code>allowed-endpoints</code> (also the <code>egress</code> output):</p>`,
      true
    );
    summary2.addRaw(`<pre>${allowedEndpoints(egress.endpoints).split("\n").map(escape).join("\n")}</pre>`, true);
  }
  summary2.addList([
    ...egress.endpoints.map((e) => escape(`${e.host}:${e.port}: ${e.why}`)),
    ...egress.unknown.map((u) => escape(`not named: ${u}`))
  ]);
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
  chmodSync,
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
function shredTree(root, platform = process.platform) {
  const report = { files: 0, bytes: 0, failures: [] };
  visit(root, report, platform);
  return report;
}
function failureReason(code, platform) {
  const c = code ?? "error";
  if (platform === "win32" && (c === "EBUSY" || c === "EPERM"))
    return `${c} (on Windows most likely open in another process: stop it before the job ends; the runner empties RUNNER_TEMP after the job)`;
  return c;
}
function visit(path, report, platform) {
  let st;
  try {
    st = lstatSync(path);
  } catch (err) {
    if (err.code !== "ENOENT")
      report.failures.push(`${path}: ${failureReason(err.code, platform)}`);
    return;
  }
  try {
    if (st.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry), report, platform);
      rmdirSync(path);
      return;
    }
    if (st.isFile()) {
      if (platform === "win32") chmodSync(path, 384);
      overwrite(path, st.size);
      report.files++;
      report.bytes += st.size;
    }
    unlinkSync(path);
  } catch (err) {
    report.failures.push(`${path}: ${failureReason(err.code, platform)}`);
  }
}
function overwrite(path, size) {
  const fd = openSync(path, constants.O_WRONLY | O_NOFOLLOW);
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
    else if (st) visit(d.path, report, process.platform);
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
  storageNote,
  docker,
  reason,
  builderName,
  detectBuilder,
  isDockerDriver,
  checkDockerfile,
  pulledImages,
  registryCacheRef,
  egressOf,
  allowedEndpoints,
  writeMainSummary,
  writePostSummary,
  writeGuardSummary,
  writeVerifySummary,
  changeLine,
  writeRefreshSummary
};
//# sourceMappingURL=shared-2TF6D427.js.map
