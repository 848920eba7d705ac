import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  loginAll,
  restoreStage,
  revokeAll
} from "./shared-QIIFN3AV.js";
import {
  guardImage,
  tally
} from "./shared-YA6SOZW4.js";
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
} from "./shared-LLZVEFJG.js";
import "./shared-S3OPN7WJ.js";
import {
  MaskRegistry,
  actSplits,
  cancelMessage,
  giveFiles,
  readMainConfig,
  underAct,
  watchCancel
} from "./shared-DTXL6YP6.js";
import {
  assertUniqueNames,
  groupByPath
} from "./shared-TIJMJNMW.js";
import {
  canJudgeOwners,
  joinJobSessions,
  sweepStaleSessions,
  vaultId,
  writeSessionRecord
} from "./shared-4UGVUXJO.js";
import {
  allowedEndpoints,
  builderName,
  checkDockerfile,
  detectBuilder,
  docker,
  egressOf,
  isDockerDriver,
  pulledImages,
  reason,
  registryCacheRef,
  storageNote,
  writeMainSummary
} from "./shared-2TF6D427.js";
import {
  writeRenewPlan
} from "./shared-LYIURUXH.js";
import {
  VaultRequestError,
  connect,
  createVaultApi,
  openTransport
} from "./shared-TU6OUOKE.js";
import "./shared-PFSXQCEX.js";
import "./shared-K2QAIXDX.js";
import {
  recordCertificate,
  recordChildToken,
  recordForms,
  recordLease,
  recordPlan,
  recordToken,
  saveDockerConfig,
  saveMainCompleted,
  saveSessionRoot,
  sessionPaths
} from "./shared-NV2LB3MZ.js";
import "./shared-NYIERDFJ.js";
import {
  Scanner
} from "./shared-C7MYC6N4.js";
import {
  MIN_SECRET_LENGTH,
  childEnv,
  shortParts
} from "./shared-J5QQXKHR.js";
import {
  errorMessage,
  failStep,
  inert,
  inertMessage,
  inertProperties,
  say,
  writePrivateFile
} from "./shared-73F27MEW.js";
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

// src/deliver/acl.ts
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
var SYSTEM_SID = "S-1-5-18";
function parseWhoamiSid(output) {
  const m = /"(S-1-\d+(?:-\d+)+)"\s*$/m.exec(output.trim());
  return m?.[1];
}
function principalFromEnv(env) {
  const user = env["USERNAME"];
  if (!user) return void 0;
  return { name: env["USERDOMAIN"] ? `${env["USERDOMAIN"]}\\${user}` : user };
}
function icaclsArgs(dir, principal) {
  if (!/^(?:[A-Za-z]:\\|\\\\[^\\]+\\[^\\]+)/.test(dir))
    throw new Error(`icacls: "${dir}" is not an absolute Windows path (drive letter or UNC).`);
  const who = "sid" in principal ? `*${principal.sid}` : principal.name;
  if (who.includes(":") || who.startsWith("/")) throw new Error(`icacls: "${who}" is not a user name.`);
  return [dir, "/inheritance:r", "/grant:r", `${who}:(OI)(CI)F`, `*${SYSTEM_SID}:(OI)(CI)F`];
}
function restrictToRunnerUser(dir) {
  const principal = currentPrincipal();
  const args = icaclsArgs(resolve(dir), principal);
  try {
    execFileSync("icacls", args, { windowsHide: true, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (err) {
    const out = err;
    const reason2 = `${out.stderr ?? ""} ${out.stdout ?? ""}`.trim() || errorMessage(err);
    throw new Error(
      `could not restrict the session folder ${dir} to the runner user with icacls (${reason2}); without that ACL other users of this machine could read the secrets: give the runner user full control of ${resolve(dir, "..")}, or set files-base-dir to a folder it owns.`,
      { cause: err }
    );
  }
}
function currentPrincipal() {
  let sid;
  try {
    sid = parseWhoamiSid(
      execFileSync("whoami", ["/user", "/fo", "csv", "/nh"], { windowsHide: true, encoding: "utf8" })
    );
  } catch {
    sid = void 0;
  }
  const principal = sid ? { sid } : principalFromEnv(process.env);
  if (principal === void 0)
    throw new Error("could not tell which user runs this step (whoami /user failed and USERNAME is not set).");
  return principal;
}

// src/deliver/session.ts
var TMPFS_MAGIC = 16914836;
function createSession(base, facts) {
  const root = mkdtempSync(join(base, "vault-secrets-"));
  chmodSync(root, 448);
  saveSessionRoot(root);
  if (process.platform === "win32") restrictToRunnerUser(root);
  writeSessionRecord(root, facts);
  joinJobSessions(root);
  const paths = sessionPaths(root);
  mkdirSync(paths.files, { mode: 448 });
  mkdirSync(paths.private, { mode: 448 });
  return { ...paths, memoryBacked: isMemoryBacked(root) };
}
function chooseSessionBase({ platform, env, tmp, probe }) {
  const candidates = [platform === "linux" ? "/dev/shm" : void 0, env["RUNNER_TEMP"], tmp];
  for (const dir of candidates) {
    if (dir && probe.writableDir(dir) && (dir !== "/dev/shm" || probe.memoryBacked(dir))) return dir;
  }
  return tmp;
}
function sessionBase(override) {
  return override ?? chooseSessionBase({
    platform: process.platform,
    env: process.env,
    tmp: tmpdir(),
    probe: { writableDir: isWritableDir, memoryBacked: isMemoryBacked }
  });
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
  if (!canJudgeOwners(process.platform)) {
    info(
      `stale-session-minutes: no sweep on ${process.platform} (telling a dead job's session from a live one needs Linux's /proc); the runner empties RUNNER_TEMP after each job.`
    );
    return;
  }
  const swept = sweepStaleSessions(base, minAgeMs);
  if (swept.length === 0) return;
  for (const s of swept) {
    if (s.records.token !== void 0) masks2.addHandle("VAULT_TOKEN", s.records.token);
    if (s.records.childToken !== void 0) masks2.addHandle("VAULT_CHILD_TOKEN", s.records.childToken);
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
      mine.map(async (s) => {
        const leaseApi = createVaultApi({
          addr: connection.addr,
          namespace: connection.namespace,
          token: s.records.token ?? "",
          transport
        });
        const tokenApi = s.record.revokeToken ? leaseApi.with({ namespace: connection.authNamespace }) : void 0;
        const child = s.records.childToken;
        const childRevoked = child === void 0 ? false : await leaseApi.with({ namespace: connection.authNamespace, token: child }).write("auth/token/revoke-self", {}, "revoke the child token").then(
          () => true,
          () => false
          // counted below: the line says how many of the children went
        );
        const report = await revokeAll({
          leaseApi,
          leases: s.records.leases,
          tokenApi,
          vaultDown: () => transport.down
        });
        return { ...report, childRevoked };
      })
    );
    const children = mine.filter((s) => s.records.childToken !== void 0).length;
    const childLine2 = children > 0 ? `, ${reports.filter((r) => r.childRevoked).length} of ${children} child token(s)` : "";
    const tokens = reports.filter((r) => r.tokenRevoked).length;
    const askedTokens = mine.filter((s) => s.record.revokeToken).length;
    const leases = reports.reduce((n, r) => n + r.leasesRevoked, 0);
    const askedLeases = mine.reduce((n, s) => n + s.records.leases.length, 0);
    return `revoked ${tokens} of ${askedTokens} token(s) and ${leases} of ${askedLeases} lease(s)${childLine2}${tail}`;
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
      `Wrote ${secrets.length} file(s)${process.platform === "win32" ? "" : " (0600)"} to ${session.files} (${storageNote(session.memoryBacked, process.platform)}); each path is in NAME_FILE.`
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

// src/vault/child.ts
var CREATE_POLICY_LINE = 'path "auth/token/create" { capabilities = ["update"] }';
var ChildTokenRefused = class extends Error {
  name = "ChildTokenRefused";
};
function runMeta(env) {
  const from = {
    repository: "GITHUB_REPOSITORY",
    workflow_ref: "GITHUB_WORKFLOW_REF",
    run_id: "GITHUB_RUN_ID",
    run_attempt: "GITHUB_RUN_ATTEMPT",
    job: "GITHUB_JOB",
    event_name: "GITHUB_EVENT_NAME"
  };
  const meta = {};
  for (const [key, variable] of Object.entries(from)) {
    const value = (env[variable] ?? "").replace(/[\x00-\x1f\x7f]/g, "").slice(0, 256);
    if (value !== "") meta[key] = value;
  }
  return meta;
}
function displayName(meta) {
  const parts = ["github", meta["repository"], meta["run_id"], meta["run_attempt"], meta["job"]];
  const name = parts.filter((p) => p !== void 0).join("-").slice(0, 100);
  return `token-${name}`.replace(/[^a-zA-Z0-9-]+/g, "-").replace(/-+$/, "");
}
function childRequest(config, parentPolicies, env) {
  if (config.policies !== void 0 && parentPolicies.length > 0 && !parentPolicies.includes("root")) {
    const outside = config.policies.filter((p) => !parentPolicies.includes(p));
    if (outside.length > 0)
      throw new Error(
        `vault-child-policies: ${outside.join(", ")} ${outside.length === 1 ? "is" : "are"} not among the login token's policies (${parentPolicies.join(", ")}), and a child token can hold only a subset of them. Name only those, or give the role the policy.`
      );
  }
  const meta = runMeta(env);
  const ttl = `${config.ttlSeconds}s`;
  return {
    ...config.policies === void 0 ? {} : { policies: config.policies },
    ttl,
    explicit_max_ttl: ttl,
    num_uses: config.uses,
    renewable: false,
    display_name: displayName(meta).replace(/^token-/, ""),
    meta
  };
}
async function createChildToken({ api, config, parent, mask, env }) {
  if (parent.batch) throw new ChildTokenRefused(batchMessage());
  const body = childRequest(config, parent.policies, env);
  let reply;
  try {
    reply = await api.write("auth/token/create", body, "create the child token");
  } catch (err) {
    throw refusal(err) ?? err;
  }
  const auth = reply?.auth;
  const token = auth?.["client_token"];
  if (typeof token !== "string" || token === "")
    throw new Error("Vault create the child token auth/token/create returned no client token.");
  mask("VAULT_CHILD_TOKEN", token);
  if (typeof auth?.["accessor"] === "string") mask("VAULT_CHILD_TOKEN_ACCESSOR", auth["accessor"]);
  if (/[^\x21-\x7e]/.test(token))
    throw new Error(
      "Vault auth/token/create returned a child token with a line break or other character an HTTP header cannot carry: check the Vault server or the proxy in front of it."
    );
  const policies = Array.isArray(auth?.["policies"]) ? auth["policies"].filter((p) => typeof p === "string") : [];
  const granted = auth?.["lease_duration"];
  return {
    token,
    policies,
    ttlSeconds: typeof granted === "number" ? granted : config.ttlSeconds,
    uses: config.uses,
    displayName: displayName(body["meta"])
  };
}
function batchMessage() {
  return "the login token is a batch token, and Vault lets no batch token create a child token: give the role token_type=service, or set vault-child-token: false to deliver the batch token itself (it cannot be revoked, only expire).";
}
function refusal(err) {
  if (!(err instanceof VaultRequestError)) return void 0;
  const said = err.vaultErrors.join(" ").toLowerCase();
  if (err.status === 403)
    return new ChildTokenRefused(
      `Vault refused to create the child token (HTTP 403 on auth/token/create): add \`${CREATE_POLICY_LINE}\` to a policy of the login token, or set vault-child-token: false to deliver the login token itself.`
    );
  if (said.includes("batch")) return new ChildTokenRefused(batchMessage());
  if (said.includes("subset"))
    return new Error(
      "vault-child-policies: Vault refused them (child policies must be a subset of the login token's): name only policies the login token has."
    );
  return void 0;
}

// src/vault/child-stage.ts
async function tokenForLaterSteps({
  api,
  config,
  login,
  masks: masks2,
  session
}) {
  const parent = {
    token: new Secret("VAULT_TOKEN", "login token", login.token),
    line: "Later steps got the login token itself (vault-child-token: false)."
  };
  if (config === void 0) return parent;
  let child;
  try {
    child = await createChildToken({
      api,
      config,
      parent: login,
      mask: (name, value) => masks2.addHandle(name, value),
      env: process.env
    });
  } catch (err) {
    if (!(err instanceof ChildTokenRefused) || config.strict) throw err;
    warning(
      inertMessage(
        `exportToken/outputToken: ${err.message} Until then later steps get the login token, as hashicorp/vault-action gives it.`
      )
    );
    return { ...parent, line: "Later steps got the login token itself: Vault would not create a child token." };
  }
  recordChildToken(session, child.token);
  if (child.policies.includes("root"))
    warning(
      "The child token holds the root policy (the login token is a root token): name vault-child-policies to give later steps less."
    );
  const line = childLine(child);
  info(say`${line}`);
  return { token: new Secret("VAULT_TOKEN", "child token", child.token), line };
}
function childLine(child) {
  const policies = child.policies.length > 0 ? child.policies.join(", ") : "the login token\u2019s";
  const uses = child.uses === 0 ? "unlimited uses" : `${child.uses} use(s)`;
  return `Later steps got a child token of the login token (${child.displayName}): policies ${policies}; TTL ${child.ttlSeconds} s, not renewable; ${uses}. Post revokes it.`;
}

// src/vault/stage.ts
async function vaultStage({
  vault,
  requests,
  masks: masks2,
  session,
  cancel: cancel2,
  compat,
  lookupToken: lookup = false,
  childToken,
  deliverToken: deliverToken2 = false
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
    const lookingUp = lookup ? lookupToken(conn.api.with({ namespace: vault.connection.authNamespace })) : void 0;
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
    const delivered = deliverToken2 ? await tokenForLaterSteps({
      api: conn.api.with({ namespace: vault.connection.authNamespace }),
      config: childToken,
      login: conn.login,
      masks: masks2,
      session
    }) : void 0;
    const tokenLookup = lookingUp && !cancel2.signal.aborted ? await lookingUp : void 0;
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
      token: delivered?.token ?? new Secret("VAULT_TOKEN", `${vault.auth.method} login`, conn.login.token),
      tokenLine: delivered?.line,
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
    for (const entry of readdirSync(plugins)) linkPlugin(join5(plugins, entry), join5(jobDir, "cli-plugins", entry));
  }
  const buildx = process.env["BUILDX_CONFIG"] || join5(userDir, "buildx");
  return existsSync(buildx) ? { BUILDX_CONFIG: buildx } : {};
}
function linkPlugin(target, link) {
  try {
    symlinkSync(target, link);
  } catch (err) {
    if (err.code !== "EPERM") throw err;
    throw new Error(
      `could not link the docker CLI plugin ${target} into the job's DOCKER_CONFIG (EPERM: on Windows making a link needs administrator rights or Developer Mode): enable one, or set docker-config: default.`,
      { cause: err }
    );
  }
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
    windowsHide: true,
    // no console window for it on a Windows runner
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

// src/egress/stage.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { join as join6 } from "node:path";
function egressStage(config, env = process.env) {
  const { vault, docker: docker2, guard } = config;
  const build = docker2.build;
  const images = build ? buildImages(build) : { refs: [], unknown: [] };
  const gha = build ? [
    ...build.cacheFrom.filter((spec) => /(^|,)type=gha(,|$)/.test(spec)),
    ...build.cacheTo.filter((t) => t.type === "gha").map((t) => t.spec)
  ] : [];
  const auth = vault?.auth;
  const egress = egressOf({
    vaultAddr: vault?.connection.addr,
    githubOidc: auth?.method === "jwt" && auth.jwt === void 0 && auth.signing === void 0,
    proxy: vault?.connection.proxy ?? { https: void 0, http: void 0, noProxy: [] },
    logins: docker2.logins.map((l) => l.registry),
    images: images.refs,
    cacheService: [...guard.cache ? ["cache-paths"] : [], ...gha.length > 0 ? ["build cache type=gha"] : []],
    env
  });
  const result = { endpoints: egress.endpoints, unknown: [...images.unknown, ...egress.unknown] };
  if (result.endpoints.length > 0) {
    setOutput("egress", allowedEndpoints(result.endpoints));
    info(
      inert(
        `Endpoints this job's use of the action needs (harden-runner allowed-endpoints, the egress output): ${result.endpoints.map((e) => `${e.host}:${e.port}`).join(" ")}`
      )
    );
  }
  for (const line of result.unknown) info(inert(`Egress not named: ${line}.`));
  return result;
}
function buildImages(build) {
  const refs = [];
  const unknown = [];
  const path = build.file ?? join6(build.context, "Dockerfile");
  try {
    const pulled = pulledImages(readFileSync2(path, "utf8"), new Map(build.args.map((a) => [a.name, a.value])));
    refs.push(...pulled.images.map((ref) => ({ ref, why: "pull" })));
    unknown.push(...pulled.unresolved.map((ref) => `a build pulls ${ref}, whose registry depends on a variable`));
  } catch (err) {
    unknown.push(
      `the images the build pulls: ${path} cannot be read (${err.code ?? "error"})`
    );
  }
  for (const context of build.contexts) {
    const value = context.slice(context.indexOf("=") + 1);
    if (value.startsWith("docker-image://"))
      refs.push({ ref: value.slice("docker-image://".length), why: "build context" });
  }
  for (const spec of [...build.cacheFrom, ...build.cacheTo.map((t) => t.spec)]) {
    const ref = registryCacheRef(spec);
    if (ref !== void 0) refs.push({ ref, why: "build cache" });
  }
  if (build.push) refs.push(...build.tags.map((ref) => ({ ref, why: "push" })));
  return { refs, unknown };
}

// src/main.ts
async function run(masks2, cancel2) {
  const config = await readMainConfig(masks2);
  if (config.compat)
    notice(
      "hashicorp/vault-action inputs: secrets go to env and outputs as vault-action delivers them (and to files). For new workflows, `deliver: files` keeps them out of every process environment."
    );
  const egress = egressStage(config);
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
      renewal,
      egress,
      tokenLine: fetched?.tokenLine
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
    lookupToken: config.renew.mode !== "false",
    childToken: config.childToken,
    deliverToken: config.tokenDeliveries.size > 0
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
