import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  loginAll,
  restoreStage,
  revokeAll
} from "./shared-ANT6QPGZ.js";
import {
  guardImage,
  tally
} from "./shared-PKVUGSKO.js";
import {
  Secret,
  addMasks,
  checkDelivery,
  credentialPairs,
  deliverEnv,
  deliverEnvFile,
  deliverOutputs,
  fetchSecrets,
  planOf,
  requireFileCommand,
  templateStage,
  withoutProxy
} from "./shared-X5JG2WR6.js";
import "./shared-S3OPN7WJ.js";
import {
  MaskRegistry,
  actSplits,
  cancelMessage,
  giveFiles,
  readMainConfig,
  underAct,
  watchCancel
} from "./shared-LAE77I4J.js";
import {
  assertUniqueNames,
  groupByPath
} from "./shared-TIJMJNMW.js";
import {
  joinJobSessions,
  sweepStaleSessions,
  vaultId,
  writeSessionRecord
} from "./shared-CWLKPWYK.js";
import {
  builderName,
  detectBuilder,
  docker,
  isDockerDriver,
  reason,
  writeMainSummary
} from "./shared-GST2QUQQ.js";
import {
  writeRenewPlan
} from "./shared-2T3Q5VDH.js";
import {
  connect,
  createVaultApi,
  openTransport
} from "./shared-KGT7BLSY.js";
import "./shared-PFSXQCEX.js";
import "./shared-K2QAIXDX.js";
import "./shared-NYIERDFJ.js";
import {
  recordCertificate,
  recordForms,
  recordLease,
  recordPlan,
  recordToken,
  saveDockerConfig,
  saveMainCompleted,
  saveSessionRoot,
  sessionPaths,
  writePrivateFile
} from "./shared-BQJEDI5I.js";
import {
  Scanner
} from "./shared-4ON2X4SV.js";
import {
  MIN_SECRET_LENGTH,
  childEnv,
  shortParts
} from "./shared-J5QQXKHR.js";
import {
  errorMessage,
  failStep,
  inertMessage,
  inertProperties,
  say
} from "./shared-OGSLN2KY.js";
import {
  error,
  exportVariable,
  group,
  info,
  notice,
  setOutput,
  setSecret,
  warning
} from "./shared-QCDMWCIP.js";
import "./shared-BDLR4YRK.js";

// src/deliver/session.ts
import { accessSync, constants, mkdirSync, mkdtempSync, statfsSync, statSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
var TMPFS_MAGIC = 16914836;
function createSession(base, facts) {
  const root = mkdtempSync(join(base, "vault-secrets-"));
  chmodSync(root, 448);
  saveSessionRoot(root);
  writeSessionRecord(root, facts);
  joinJobSessions(root);
  const paths = sessionPaths(root);
  mkdirSync(paths.files, { mode: 448 });
  mkdirSync(paths.private, { mode: 448 });
  return { ...paths, memoryBacked: isMemoryBacked(root) };
}
function sessionBase(override) {
  return override ?? chooseBase();
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

// src/cleanup/sweep.ts
var SWEEP_REVOKE_MS = 3e3;
async function sweepStage({ base, minAgeMs, connection, masks: masks2 }) {
  if (minAgeMs === void 0) return;
  const swept = sweepStaleSessions(base, minAgeMs);
  if (swept.length === 0) return;
  for (const s of swept) {
    if (s.records.token !== void 0) masks2.addHandle("VAULT_TOKEN", s.records.token);
    for (const lease of s.records.leases) masks2.addHandle("lease", lease);
  }
  const files = swept.reduce((n, s) => n + s.files, 0);
  const failures = swept.reduce((n, s) => n + s.failures.length, 0);
  const revoked = await revokeSwept(swept, connection);
  info(
    say`removed ${swept.length} session(s) left in ${base} by jobs that are over (${files} file(s) shredded${failures ? `, ${failures} not removed` : ""}); ${revoked}`
  );
}
async function revokeSwept(swept, connection) {
  const withToken = swept.filter((s) => s.records.token !== void 0);
  if (withToken.length === 0) return "nothing to revoke";
  const here = connection ? vaultId(connection) : void 0;
  const mine = withToken.filter((s) => s.record.vault !== void 0 && s.record.vault === here);
  const elsewhere = withToken.length - mine.length;
  const tail = elsewhere > 0 ? `, ${elsewhere} recorded at another Vault not tried` : "";
  if (connection === void 0) return `${withToken.length} token(s) not revoked: this step talks to no Vault`;
  if (mine.length === 0) return `${withToken.length} token(s) recorded at another Vault than this step's: not revoked`;
  const transport = openTransport(connection, { timeoutMs: SWEEP_REVOKE_MS, input: "vault-revoke-timeout" });
  try {
    const reports = await Promise.all(
      mine.map((s) => {
        const leaseApi = createVaultApi({
          addr: connection.addr,
          namespace: connection.namespace,
          token: s.records.token ?? "",
          transport
        });
        const tokenApi = s.record.revokeToken ? leaseApi.with({ namespace: connection.authNamespace }) : void 0;
        return revokeAll({ leaseApi, leases: s.records.leases, tokenApi, vaultDown: () => transport.down });
      })
    );
    const tokens = reports.filter((r) => r.tokenRevoked).length;
    const askedTokens = mine.filter((s) => s.record.revokeToken).length;
    const leases = reports.reduce((n, r) => n + r.leasesRevoked, 0);
    const askedLeases = mine.reduce((n, s) => n + s.records.leases.length, 0);
    return `revoked ${tokens} of ${askedTokens} token(s) and ${leases} of ${askedLeases} lease(s)${tail}`;
  } finally {
    transport.close();
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

// src/renew/lookup.ts
async function lookupToken(authApi) {
  try {
    const body = await authApi.read("auth/token/lookup-self", "look up the token");
    const d = body.data ?? {};
    const num = (v) => typeof v === "number" ? v : 0;
    const max = num(d["explicit_max_ttl"]);
    return {
      facts: {
        ttlSeconds: num(d["ttl"]),
        renewable: d["renewable"] === true,
        maxEndsAt: max > 0 ? (num(d["creation_time"]) + max) * 1e3 : void 0
      }
    };
  } catch (err) {
    return { failure: `Renewal: the token could not be looked up (${errorMessage(err)}), so it is not renewed.` };
  }
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
  compat,
  lookupToken: lookup = false
}) {
  const started = Date.now();
  const conn = await group("Log in to Vault", async () => {
    const c = await connect(vault.connection, vault.auth, (name, value) => masks2.addHandle(name, value), cancel2);
    const policies = c.login.policies.length ? say` (policies: ${c.login.policies.join(", ")})` : "";
    const loginId = c.transport.requestIds.find((r) => r.operation === "login")?.id;
    const id = loginId === void 0 ? "" : ` (request id ${loginId})`;
    info(`Authenticated at ${vault.connection.shownAddr} with ${vault.auth.method}${policies}${id}.`);
    if (c.login.batch && vault.revokeToken) warning(batchTokenWarning(c.login.ttlSeconds));
    return c;
  });
  try {
    let tokenRecorded = false;
    const ensureToken = () => {
      if (!tokenRecorded) recordToken(session, conn.login.token, vault.revokeToken);
      tokenRecorded = true;
    };
    ensureToken();
    const leased = [];
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
            leased.push(lease);
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
    const tokenLookup = lookup && !cancel2.signal.aborted ? await lookupToken(conn.api.with({ namespace: vault.connection.authNamespace })) : void 0;
    const facts = {
      addr: vault.connection.shownAddr,
      method: vault.auth.method,
      paths,
      millis: Date.now() - started,
      retries: conn.transport.stats.retries,
      leases: leased.length,
      requestIds: [...conn.transport.requestIds]
    };
    return {
      secrets,
      facts,
      token: new Secret("VAULT_TOKEN", `${vault.auth.method} login`, conn.login.token),
      leases: leased,
      tokenLookup
    };
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
  if (underAct() && actSplits(value)) {
    warning(
      `${name} holds two colons in a row, or a percent sign followed by 0A or 0D, which act's mask command cannot take: under act it is masked by its parts around them (those of at least ${MIN_SECRET_LENGTH} characters), and those separators print as they are. GitHub's runner masks it whole.`
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
function batchTokenWarning(ttlSeconds) {
  const ttl = ttlSeconds === void 0 || ttlSeconds <= 0 ? "its TTL" : `its TTL, ${duration(ttlSeconds)}`;
  return `Vault issued a batch token, which cannot be revoked: it stays valid after this job for ${ttl}. Give the role token_type=service, or a short token_ttl.`;
}
function duration(seconds) {
  if (seconds % 86400 === 0) return `${seconds / 86400} day(s)`;
  if (seconds % 3600 === 0) return `${seconds / 3600} hour(s)`;
  if (seconds % 60 === 0) return `${seconds / 60} minute(s)`;
  return `${seconds} s`;
}

// src/docker/stage.ts
import { existsSync, mkdirSync as mkdirSync2, readdirSync, symlinkSync } from "node:fs";
import { homedir } from "node:os";
import { join as join5 } from "node:path";

// src/docker/build.ts
import { readFileSync, statSync as statSync2 } from "node:fs";
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
function buildxOnly(build) {
  const set = [
    ["build-annotations", build.annotations.length > 0],
    ["build-cache-to", build.cacheTo.length > 0],
    ["build-outputs", build.outputs.length > 0],
    ["build-contexts", build.contexts.length > 0],
    ["build-sbom", build.sbom !== void 0],
    ["build-no-cache-filters", build.noCacheFilters.length > 0],
    ["build-builder", build.builderName !== void 0]
  ];
  return set.find(([, on]) => on)?.[0];
}
function buildCommand({ platform, build, secrets, iidFile, metadataFile }) {
  const buildx = platform.builder === "buildx";
  if (!buildx && build.platforms.length > 1) {
    throw new Error(
      `build-platforms lists ${build.platforms.length} platforms, and docker build without buildx builds one: install the buildx plugin for multi-platform builds.`
    );
  }
  const only = buildx ? void 0 : buildxOnly(build);
  if (only !== void 0)
    throw new Error(`${only} needs buildx, and this docker builds without it: install the buildx plugin.`);
  const args = buildx ? ["buildx", "build"] : ["build"];
  if (build.builderName !== void 0) args.push("--builder", build.builderName);
  if (build.file !== void 0) args.push("--file", build.file);
  for (const tag of build.tags) args.push("--tag", tag);
  for (const arg of build.args) args.push("--build-arg", `${arg.name}=${arg.value}`);
  for (const label of build.labels) args.push("--label", label);
  for (const annotation of build.annotations) args.push("--annotation", annotation);
  if (build.target !== void 0) args.push("--target", build.target);
  if (build.platforms.length > 0) args.push("--platform", build.platforms.join(","));
  for (const s of secrets)
    args.push("--secret", "file" in s.source ? `id=${s.id},src=${s.source.file}` : `id=${s.id},env=${s.source.env}`);
  for (const ssh of build.ssh) args.push("--ssh", ssh);
  for (const context of build.contexts) args.push("--build-context", context);
  for (const from of build.cacheFrom) args.push("--cache-from", from);
  for (const to of build.cacheTo) args.push("--cache-to", to.spec);
  if (build.noCache) args.push("--no-cache");
  if (build.noCacheFilters.length > 0) args.push("--no-cache-filter", build.noCacheFilters.join(","));
  if (build.pull) args.push("--pull");
  if (build.network !== void 0) args.push("--network", build.network);
  for (const host of build.addHosts) args.push("--add-host", host);
  if (build.shmSize !== void 0) args.push("--shm-size", build.shmSize);
  for (const ulimit of build.ulimits) args.push("--ulimit", ulimit);
  if (build.cgroupParent !== void 0) args.push("--cgroup-parent", build.cgroupParent);
  if (iidFile !== void 0) args.push("--iidfile", iidFile);
  if (buildx) {
    const loads = !build.push && (build.outputs.length === 0 || build.load);
    const provenance = isDockerDriver(platform) ? "false" : build.provenance ?? (loads ? "false" : "mode=min");
    args.push(`--provenance=${provenance}`);
    if (build.sbom !== void 0) args.push(`--sbom=${build.sbom}`);
    args.push("--metadata-file", metadataFile);
    for (const output of build.outputs) args.push("--output", output.spec);
    if (build.push) args.push("--push");
    else if (build.outputs.length === 0 || build.load) args.push("--load");
  }
  args.push(build.context);
  return { args, env: buildx ? {} : { DOCKER_BUILDKIT: "1" } };
}

// src/docker/exports.ts
var SCANNABLE = /* @__PURE__ */ new Set(["local", "tar", "oci", "docker"]);
function refuseUnsafeOptions(config, masks2) {
  const options = [
    ["build-labels", config.labels],
    ["build-annotations", config.annotations],
    ["build-contexts", config.contexts],
    ["build-cache-from", config.cacheFrom],
    ["build-cache-to", config.cacheTo.map((t) => t.spec)],
    ["build-outputs", config.outputs.map((t) => t.spec)],
    ["build-add-hosts", config.addHosts],
    ["build-ssh", config.ssh],
    ["build-network", config.network !== void 0 ? [config.network] : []]
  ];
  for (const [input, values] of options) {
    for (const value of values) {
      const form = masks2.find(value);
      if (form)
        throw new Error(
          `${input}: an entry holds secret ${form.name}${form.kind === "value" ? "" : ` (as ${form.kind})`}. ${input} is stored with the image or sent to the builder as it is: mount secrets with build-secrets instead.`
        );
    }
  }
  for (const target of config.cacheTo) {
    if (target.type === "inline" || target.dest !== void 0) continue;
    if (!config.cacheToUnscanned)
      throw new Error(
        `build-cache-to: a type=${target.type} cache is sent by the builder before the leak guard can read it (a RUN that wrote a secret into a layer would ship it): export type=local and scan it, or set build-cache-to-unscanned: true to accept that.`
      );
    warning(
      say`build-cache-to: the type=${target.type} cache export is not scanned for secrets (build-cache-to-unscanned).`
    );
  }
}
async function scanExports(config, masks2) {
  const targets = [
    ...config.outputs.map((t) => ({ input: "build-outputs", ...t })),
    ...config.cacheTo.map((t) => ({ input: "build-cache-to", ...t }))
  ].filter((t) => t.dest !== void 0 && SCANNABLE.has(t.type));
  if (targets.length === 0) return;
  const scanner = new Scanner(masks2.forms());
  for (const t of targets) if (t.dest !== void 0) await scanner.scanPath(t.dest);
  info(
    say`leak guard: build exports ${targets.map((t) => t.dest ?? "").join(", ")}: ${scanner.stats.bytes} byte(s) in ${scanner.stats.files} file(s), ${scanner.hits.length} hit(s)`
  );
  if (scanner.hits.length === 0) return;
  for (const hit of scanner.hits.slice(0, 20))
    error(say`secret ${hit.name} (as ${hit.form}) is in ${hit.path}${hit.inner ? ` at ${hit.inner}` : ""}`, {
      title: "Leaked secret"
    });
  throw new Error(
    `the build's exports hold secrets (${tally(scanner.hits).join("; ")}): do not upload or cache them. Read secrets with RUN --mount=type=secret and do not write them into a layer.`
  );
}

// src/docker/build.ts
var MAX_SECRET_BYTES = 500 * 1024;
function prepareBuild(config, platform, deps) {
  refuseUnsupported(config, platform);
  const outer = outerSecretSources(config, deps.masks);
  refuseSecretBuildArgs(config, deps.masks);
  refuseUnsafeOptions(config, deps.masks);
  checkFile(config, deps.masks);
  const sources = secretSources(config, deps);
  return {
    config,
    platform,
    sources: { list: [...sources.list, ...outer.list], env: { ...sources.env, ...outer.env, ...passedEnv(config) } }
  };
}
async function runBuild(prepared, deps) {
  const { config, platform, sources } = prepared;
  const { builder } = platform;
  const iidFile = join4(deps.privateDir, "image-id");
  const metadataFile = join4(deps.privateDir, "build-metadata.json");
  const pushInBuild = pushesInBuild(config.push, builder, deps.scanImage !== void 0);
  const command = buildCommand({
    platform,
    build: { ...config, push: pushInBuild },
    secrets: sources.list,
    iidFile: producesImage(config, builder) ? iidFile : void 0,
    metadataFile
  });
  await group(`Build ${config.context} with ${builderName(builder)}`, async () => {
    const run2 = await docker(command.args, { env: { ...deps.env, ...command.env, ...sources.env }, silent: false });
    if (run2.exitCode !== 0)
      throw new Error(`the build failed (${builderName(builder)}): ${deps.masks.redact(reason(run2))}`);
  });
  await scanExports(config, deps.masks);
  const imageId = producesImage(config, builder) ? readFileSync(iidFile, "utf8").trim() : void 0;
  const loaded = config.push || config.outputs.length === 0 || config.load || builder === "buildkit";
  if (deps.scanImage && loaded && imageId !== void 0) await deps.scanImage(config.tags[0] ?? imageId, deps.env);
  const metadata = builder === "buildx" ? readMetadata(metadataFile, deps.masks) : void 0;
  let digest;
  if (pushInBuild) digest = metadataDigest(metadata);
  else if (config.push) digest = await pushAll(config.tags, deps);
  return { builder, imageId, digest, metadata };
}
function producesImage(config, builder) {
  if (builder === "buildkit" || config.push || config.load || config.outputs.length === 0) return true;
  return config.outputs.some((o) => o.type !== "local" && o.type !== "tar");
}
function refuseUnsupported(config, platform) {
  if (!isDockerDriver(platform)) return;
  const fix = "create a docker-container builder (docker buildx create --use) or drop the input";
  const asked = (v) => v !== void 0 && v.toLowerCase() !== "false";
  if (asked(config.provenance)) throw new Error(`build-provenance: the docker driver records no attestations: ${fix}.`);
  if (asked(config.sbom)) throw new Error(`build-sbom: the docker driver records no attestations: ${fix}.`);
  const exported = config.cacheTo.find((t) => t.type !== "inline");
  if (exported)
    throw new Error(`build-cache-to: the docker driver exports no ${exported.type} cache (only inline): ${fix}.`);
}
function outerSecretSources(config, masks2) {
  const env = {};
  const list = config.outerSecrets.map((s) => {
    if ("env" in s.from) {
      const value = process.env[s.from.env];
      if (value === void 0 || value === "")
        throw new Error(`build-secret-envs: ${s.id} reads $${s.from.env}, which is not set in this step's env.`);
      masks2.addSecret(`build-secret-envs ${s.id}`, value);
      env[s.from.env] = value;
      return { id: s.id, source: { env: s.from.env } };
    }
    const path = s.from.file;
    let bytes;
    try {
      const st = statSync2(path);
      if (!st.isFile()) throw new Error("not a regular file");
      bytes = st.size;
    } catch (err) {
      throw new Error(`build-secret-files: ${s.id}: cannot read ${path}: give the path of a file.`, { cause: err });
    }
    if (bytes > MAX_SECRET_BYTES)
      throw new Error(`build-secret-files: ${s.id} is ${bytes} bytes; BuildKit takes at most 500 KB per secret.`);
    masks2.addSecret(`build-secret-files ${s.id}`, readFileSync(path, "utf8"));
    return { id: s.id, source: { file: path } };
  });
  return { list, env };
}
function passedEnv(config) {
  const names = [];
  if (config.ssh.some((s) => s === "default" || s.startsWith("default="))) {
    if (!process.env["SSH_AUTH_SOCK"])
      throw new Error("build-ssh: default forwards the ssh agent, and SSH_AUTH_SOCK is not set: start an agent.");
    names.push("SSH_AUTH_SOCK");
  }
  if ([...config.cacheFrom, ...config.cacheTo.map((t) => t.spec)].some((spec) => /(^|,)type=gha(,|$)/.test(spec)))
    names.push("ACTIONS_CACHE_URL", "ACTIONS_RESULTS_URL", "ACTIONS_RUNTIME_TOKEN", "ACTIONS_CACHE_SERVICE_V2");
  const env = {};
  for (const name of names) {
    const value = process.env[name];
    if (value !== void 0) env[name] = value;
  }
  return env;
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
    secretIds: [...config.secrets.map((s) => s.id), ...config.outerSecrets.map((s) => s.id)],
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
function readMetadata(path, masks2) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    if (err.code === "ENOENT") return void 0;
    throw err;
  }
  const form = masks2.find(text);
  if (form) throw new Error(`buildx's metadata file holds secret ${form.name}: it is not given as an output.`);
  return text;
}
function metadataDigest(metadata) {
  if (metadata === void 0) return void 0;
  try {
    const meta = JSON.parse(metadata);
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
  if (config.build) return detectBuilder({}, config.build.builderName);
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
  const { dir: configDir, env } = dockerConfigDir(config, session);
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
    if (build.imageId !== void 0) setOutput("image-id", build.imageId);
    setOutput("builder", builderName(build.builder));
    if (build.digest) setOutput("digest", build.digest);
    if (build.metadata !== void 0) setOutput("metadata", build.metadata);
    info(
      `Built ${build.imageId ?? "the exports"} with ${builderName(build.builder)}${build.digest ? `, pushed as ${build.digest}` : ""}.`
    );
  }
  return { configDir, registries, build };
}
function dockerConfigDir(config, session) {
  const userDir = process.env["DOCKER_CONFIG"] || join5(homedir(), ".docker");
  if (config.configMode !== "job") {
    saveDockerConfig(userDir);
    return { dir: userDir, env: { DOCKER_CONFIG: userDir } };
  }
  const dir = session.docker;
  mkdirSync2(dir, { mode: 448 });
  const env = { DOCKER_CONFIG: dir, ...carryOver(userDir, dir) };
  for (const [name, value] of Object.entries(env)) exportVariable(name, value);
  setOutput("docker-config", dir);
  saveDockerConfig(dir);
  return { dir, env };
}
function carryOver(userDir, jobDir) {
  const plugins = join5(userDir, "cli-plugins");
  if (existsSync(plugins)) {
    mkdirSync2(join5(jobDir, "cli-plugins"), { mode: 448 });
    for (const entry of readdirSync(plugins)) symlinkSync(join5(plugins, entry), join5(jobDir, "cli-plugins", entry));
  }
  const buildx = process.env["BUILDX_CONFIG"] || join5(userDir, "buildx");
  return existsSync(buildx) ? { BUILDX_CONFIG: buildx } : {};
}

// src/renew/start.ts
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
function planRenewal(opts) {
  const { config, now } = opts;
  const bound = now + config.forSeconds * 1e3;
  const within = `before vault-renew-for (${config.forSeconds} s) ends`;
  const items = [];
  const warnings = [];
  const consider = (kind, id, label, ttl, renewable, what) => {
    if (ttl <= 0) return;
    const expiresAt = now + ttl * 1e3;
    if (expiresAt < bound && !renewable)
      warnings.push(`${what} expires at ${iso(expiresAt)}, ${within}, and it is not renewable.`);
    if (renewable && (config.mode === "true" || expiresAt < bound))
      items.push({ kind, id, label, ttlSeconds: ttl, expiresAt });
  };
  if (opts.token) {
    consider("token", "token", "token", opts.token.ttlSeconds, opts.token.renewable, "The Vault token");
    if (opts.token.maxEndsAt !== void 0 && opts.token.maxEndsAt < bound)
      warnings.push(
        `The Vault token's max TTL ends at ${iso(opts.token.maxEndsAt)}, ${within}: renewal cannot extend it.`
      );
  }
  for (const [i, lease] of opts.leases.entries()) {
    const label = `lease ${i + 1} (${lease.path})`;
    consider("lease", lease.id, label, lease.durationSeconds, lease.renewable, `The ${label}`);
  }
  return { items, warnings };
}
function startRenewal(opts) {
  if (opts.config.mode === "false" || opts.lookup === void 0) return { lines: [], warnings: [] };
  const now = Date.now();
  const { lookup } = opts;
  const { items, warnings } = planRenewal({ config: opts.config, now, token: lookup.facts, leases: opts.leases });
  if (lookup.failure) warnings.push(lookup.failure);
  if (items.length === 0) return { lines: [], warnings };
  const until = now + opts.config.forSeconds * 1e3;
  const connection = withoutProxy(opts.connection);
  writeRenewPlan(opts.paths, { connection, until, watchPid: process.ppid, items });
  const script = fileURLToPath(new URL("./renew.js", import.meta.url));
  const child = spawn(process.execPath, [script, opts.paths.root], {
    detached: true,
    stdio: "ignore",
    env: childEnv()
  });
  child.unref();
  writeFileSync(opts.paths.renewPidFile, String(child.pid ?? ""), { mode: 384 });
  const tokens = items.filter((i) => i.kind === "token").length;
  return {
    lines: [
      `Renewal: a helper (pid ${child.pid ?? "?"}) renews ${tokens > 0 ? "the token and " : ""}${items.length - tokens} lease(s) at 2/3 of their TTL until ${iso(until)} at the latest; post stops it.`
    ],
    warnings
  };
}
function iso(ms) {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
}

// src/main.ts
async function run(masks2, cancel2) {
  const config = await readMainConfig(masks2);
  if (config.compat)
    notice(
      "hashicorp/vault-action inputs: secrets go to env and outputs as vault-action delivers them (and to files). For new workflows, `deliver: files` keeps them out of every process environment."
    );
  const builder = await dockerPreflight(config.docker);
  const needed = config.vault !== void 0 || config.docker.logins.length > 0 || config.docker.build !== void 0 || config.templates.lines.length > 0;
  const base = sessionBase(config.filesBaseDir);
  await sweepStage({ base, minAgeMs: config.staleSessionMs, connection: config.vault?.connection, masks: masks2 });
  const session = needed ? createSession(base, {
    vault: config.vault ? vaultId(config.vault.connection) : void 0,
    revokeToken: config.vault?.revokeToken ?? false
  }) : void 0;
  if (config.guard.cache) await restoreStage(config.guard.cache);
  if (!config.vault) info("No secrets requested: Vault is not contacted.");
  const { fetched, files, docker: docker2, renewal } = session ? await sessionStages({ config, session, builder, masks: masks2, cancel: cancel2 }) : { fetched: void 0, files: /* @__PURE__ */ new Map(), docker: void 0, renewal: void 0 };
  const secrets = fetched?.secrets ?? [];
  if (config.summary) {
    await writeMainSummary({
      secrets,
      deliveries: config.deliveries,
      vault: fetched?.facts,
      docker: docker2,
      filesDir: files.size > 0 ? session?.files : void 0,
      memoryBacked: session?.memoryBacked ?? false,
      masks: masks2.forms().length,
      renewal
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
    compat: config.compat,
    lookupToken: config.renew.mode !== "false"
  }) : void 0;
  cancel2.signal.throwIfAborted();
  const secrets = fetched?.secrets ?? [];
  if (fetched) deliverToken(fetched.token, config.tokenDeliveries, session);
  const files = deliverStage(secrets, config.deliveries, session, config.compat !== void 0);
  if (config.templates.lines.length > 0) {
    const values = new Map(secrets.map((s) => [s.name, s.reveal()]));
    for (const [name, path] of templateStage({ templates: config.templates, values, session, masks: masks2 }))
      files.set(name, path);
  }
  if (config.filesOwner) {
    const n = giveFiles(session.files, config.filesOwner);
    info(
      `Gave ${session.files} and its ${n} file(s) to uid ${config.filesOwner.uid}, gid ${config.filesOwner.gid}.`
    );
  }
  if (fetched && config.vault && !config.compat)
    recordPlan(
      session,
      planOf({
        connection: config.vault.connection,
        requests: config.requests,
        folderLimit: config.vault.folderLimit,
        deliveries: [...config.deliveries],
        secrets,
        leases: fetched.leases.map((l) => ({ id: l.id, path: l.path }))
      })
    );
  const scanImage = config.guard.scanImage ? (image, env) => guardImage(masks2, image, env) : void 0;
  const docker2 = await dockerStage({ config: config.docker, builder, secrets, files, masks: masks2, session, scanImage });
  const renewal = fetched && config.vault ? startRenewal({
    config: config.renew,
    connection: config.vault.connection,
    leases: fetched.leases,
    paths: session,
    lookup: fetched.tokenLookup
  }) : void 0;
  for (const warning2 of renewal?.warnings ?? []) warning(inertMessage(warning2));
  for (const line of renewal?.lines ?? []) info(line);
  return { fetched, files, docker: docker2, renewal };
}
var masks = new MaskRegistry((value) => setSecret(value), addMasks);
var cancel = watchCancel();
run(masks, cancel).catch((err) => {
  const by = cancel.by();
  failStep(by ? new Error(cancelMessage(by)) : err, (text) => masks.redact(text));
});
//# sourceMappingURL=main.js.map
