import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  Secret,
  addMasks,
  checkDelivery,
  credentialPairs,
  deliverEnv,
  deliverOutputs,
  digestOf,
  fetchSecrets,
  plannedSecret,
  renderEnvFile,
  templateStage
} from "./shared-LLZVEFJG.js";
import "./shared-S3OPN7WJ.js";
import {
  MaskRegistry,
  cancelMessage,
  readRefreshStepConfig,
  watchCancel
} from "./shared-DTXL6YP6.js";
import {
  deriveName
} from "./shared-TIJMJNMW.js";
import {
  jobSessions
} from "./shared-4UGVUXJO.js";
import {
  changeLine,
  writeRefreshSummary
} from "./shared-2TF6D427.js";
import {
  createVaultApi,
  openTransport
} from "./shared-TU6OUOKE.js";
import "./shared-PFSXQCEX.js";
import "./shared-K2QAIXDX.js";
import {
  readForms,
  readPlan,
  readRecords,
  recordForms,
  recordLease,
  recordPlan,
  replaceLeases,
  sessionPaths
} from "./shared-NV2LB3MZ.js";
import {
  proxyEnv
} from "./shared-NYIERDFJ.js";
import "./shared-J5QQXKHR.js";
import {
  errorMessage,
  failStep,
  inert,
  inertMessage,
  replacePrivateFile,
  say
} from "./shared-73F27MEW.js";
import {
  exportVariable,
  group,
  info,
  setSecret,
  warning
} from "./shared-QCDMWCIP.js";
import "./shared-BDLR4YRK.js";

// src/refresh-step.ts
import { existsSync as existsSync2, lstatSync, readdirSync, readFileSync as readFileSync2 } from "node:fs";
import { join as join2 } from "node:path";

// src/refresh/select.ts
function requestsToFetch(requests, wanted) {
  if (wanted === void 0) return [...requests];
  const kept = requests.filter((r) => r.folder || r.selector.kind === "all" || wanted.has(nameOf(r)));
  const keptPaths = new Set(kept.map((r) => r.path));
  return requests.filter((r) => keptPaths.has(r.path));
}
function nameOf(r) {
  return r.name ?? (r.selector.kind === "key" ? deriveName(r.selector.segments) : "");
}

// src/refresh/deliver.ts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
function deliverChanges(changed, deliveries, paths) {
  if (changed.length === 0) return;
  checkDelivery(changed, deliveries);
  const envFile = deliveries.has("env-file") ? nextEnvFile(changed, paths.envFile) : void 0;
  if (deliveries.has("files")) {
    for (const s of changed) {
      const path = join(paths.files, s.name);
      const added = !existsSync(path);
      replacePrivateFile(path, s.reveal());
      if (added) exportVariable(`${s.name}_FILE`, path);
    }
  }
  if (envFile !== void 0) replacePrivateFile(paths.envFile, envFile);
  if (deliveries.has("env")) deliverEnv(changed, false);
  if (deliveries.has("outputs")) deliverOutputs(changed, false);
}
function nextEnvFile(changed, path) {
  const entries = /* @__PURE__ */ new Map();
  const text = existsSync(path) ? readFileSync(path, "utf8") : "";
  for (const line of text.split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) entries.set(line.slice(0, eq), new Secret(line.slice(0, eq), "env-file", line.slice(eq + 1)));
  }
  for (const s of changed) entries.set(s.name, s);
  return renderEnvFile([...entries.values()]);
}

// src/refresh/stage.ts
async function refreshStage(p) {
  const { plan, paths, config, masks: masks2, cancel: cancel2 } = p;
  const connection = { ...plan.connection, proxy: proxyEnv(process.env) };
  const transport = openTransport(connection, { timeoutMs: config.timeoutMs, input: "vault-timeout", cancel: cancel2 });
  try {
    const api = createVaultApi({ addr: connection.addr, namespace: connection.namespace, token: p.token, transport });
    const wanted = config.names.length > 0 ? new Set(config.names) : void 0;
    const leasedPaths = new Set(plan.leases.map((l) => l.path));
    const newLeases = [];
    const fetched = await fetchSecrets(requestsToFetch(plan.requests, wanted), api, {
      concurrency: connection.concurrency,
      maxFolderSecrets: plan.folderLimit,
      onValue: (name, value) => masks2.addSecret(name, value),
      onLease: (lease) => {
        masks2.addHandle("lease", lease.id);
        recordLease(paths, lease.id);
        newLeases.push({ id: lease.id, path: lease.path });
      },
      ...config.rotate ? {} : { skipRead: (path) => leasedPaths.has(path) }
    });
    for (const pair of credentialPairs(fetched.map((s) => ({ source: s.source, name: s.name, value: s.reveal() }))))
      masks2.addBasicAuth(pair.name, pair.user, pair.password);
    cancel2.signal.throwIfAborted();
    const rotatedPaths = new Set(newLeases.map((l) => l.path));
    const selected = fetched.filter(
      (s) => wanted === void 0 || wanted.has(s.name) || rotatedPaths.has(s.origin?.path ?? "")
    );
    if (wanted) {
      const missing = [...wanted].filter((n) => !selected.some((s) => s.name === n));
      if (missing.length > 0)
        throw new Error(
          `secrets: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not among the secrets fetched again: name secrets the main step delivered (a dynamic credential is fetched again only with rotate: true).`
        );
    }
    const before = new Map(plan.secrets.map((s) => [s.name, s]));
    const changed = selected.filter((s) => before.get(s.name)?.digest !== digestOf(plan.key, s.reveal()));
    deliverChanges(changed, new Set(plan.deliveries), paths);
    await p.afterDelivery?.(selected, changed);
    const superseded = plan.leases.filter((l) => rotatedPaths.has(l.path));
    recordPlan(paths, {
      ...plan,
      secrets: mergeSecrets(
        plan.secrets,
        selected.map((s) => plannedSecret(plan.key, s))
      ),
      leases: [...plan.leases.filter((l) => !rotatedPaths.has(l.path)), ...newLeases]
    });
    const revoked = [];
    const revokeFailures = [];
    for (const lease of superseded) {
      try {
        await api.write("sys/leases/revoke", { lease_id: lease.id }, "revoke lease");
        revoked.push(lease.id);
      } catch (err) {
        revokeFailures.push(masks2.redact(errorMessage(err)));
      }
    }
    if (revoked.length > 0)
      replaceLeases(
        paths,
        readRecords(paths).leases.filter((id) => !revoked.includes(id))
      );
    return {
      fetched: selected.length,
      changes: changed.map((s) => ({
        name: s.name,
        source: s.source,
        bytes: s.bytes,
        versions: [before.get(s.name)?.version, s.origin?.version],
        added: !before.has(s.name),
        rotated: rotatedPaths.has(s.origin?.path ?? "")
      })),
      leasesRevoked: revoked.length,
      revokeFailures,
      requestIds: [...transport.requestIds]
    };
  } finally {
    transport.close();
  }
}
function mergeSecrets(old, fresh) {
  const byName = new Map(old.map((s) => [s.name, s]));
  for (const s of fresh) byName.set(s.name, s);
  return [...byName.values()];
}

// src/refresh/on-change.ts
import { spawn } from "node:child_process";
var HIDDEN = /^(INPUT_|STATE_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_)/;
function onChangeEnv(names) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== void 0 && !HIDDEN.test(k)) env[k] = v;
  return { ...env, VAULT_SECRETS_CHANGED: names.join(" ") };
}
async function runOnChange(argv, opts) {
  const [command, ...args] = argv;
  info(say`on-change: running ${command} (${opts.names.length} secret(s) changed).`);
  const child = spawn(command, args, {
    env: onChangeEnv(opts.names),
    cwd: process.env["GITHUB_WORKSPACE"] || process.cwd(),
    stdio: ["ignore", "pipe", "pipe"]
  });
  const print = (line) => info(inert(opts.masks.redact(line)));
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop() ?? "";
      lines.forEach(print);
    });
    stream.on("end", () => rest !== "" && print(rest));
  }
  const stop = () => child.kill("SIGTERM");
  opts.cancel.signal.addEventListener("abort", stop, { once: true });
  const result = await new Promise((resolve, reject) => {
    child.once(
      "error",
      (err) => reject(new Error(say`on-change: cannot run ${command} (${err.code ?? "error"}).`))
    );
    child.once("close", (code, signal) => resolve({ code, signal }));
  }).finally(() => opts.cancel.signal.removeEventListener("abort", stop));
  if (result.code !== 0)
    throw new Error(
      say`on-change: ${command} ${result.signal ? `was ended by ${result.signal}` : `exited with ${result.code ?? "?"}`}.`
    );
}

// src/refresh-step.ts
async function run(masks2, cancel2) {
  const config = readRefreshStepConfig();
  const root = jobSessions().reverse().find((r) => existsSync2(sessionPaths(r).planFile));
  const paths = root === void 0 ? void 0 : sessionPaths(root);
  const plan = paths && readPlan(paths);
  const token = paths && readRecords(paths).token;
  if (paths === void 0 || plan === void 0 || token === void 0)
    throw new Error(
      "no session to refresh: run the main step (with secrets, and without hashicorp/vault-action inputs) earlier in this job; refresh fetches again what it fetched."
    );
  masks2.addHandle("VAULT_TOKEN", token);
  const known = new Set(readForms(paths).map((f) => f.text));
  masks2.persistTo(
    (forms) => recordForms(
      paths,
      forms.filter((f) => !known.has(f.text))
    )
  );
  const outcome = await group(
    `Refresh ${config.names.length > 0 ? config.names.length : "all"} secret(s)`,
    () => refreshStage({
      plan,
      paths,
      token,
      config,
      masks: masks2,
      cancel: cancel2,
      afterDelivery: (secrets, changed) => rerender(config.templates, secrets, changed, { paths, masks: masks2 })
    })
  );
  for (const failure of outcome.revokeFailures)
    warning(inertMessage(`${failure} The post step tries again; else the lease expires at its TTL.`));
  const { changes } = outcome;
  info(
    `Fetched ${outcome.fetched} secret(s) again: ${changes.length} changed${outcome.leasesRevoked > 0 ? `, ${outcome.leasesRevoked} superseded lease(s) revoked` : ""}.`
  );
  for (const change of changes) info(inert(changeLine(change)));
  cancel2.signal.throwIfAborted();
  if (config.onChange && changes.length > 0)
    await runOnChange(config.onChange, { names: changes.map((c) => c.name), masks: masks2, cancel: cancel2 });
  else if (config.onChange) info("on-change: not run, nothing changed.");
  if (config.summary) await writeRefreshSummary(outcome);
}
function rerender(templates, secrets, changed, { paths, masks: masks2 }) {
  if (templates.lines.length === 0 || changed.length === 0) return;
  const rendered = new Set(templates.lines.map((t) => t.name));
  const values = /* @__PURE__ */ new Map();
  for (const name of existsSync2(paths.files) ? readdirSync(paths.files) : []) {
    const file = join2(paths.files, name);
    if (!rendered.has(name) && lstatSync(file).isFile()) values.set(name, readFileSync2(file, "utf8"));
  }
  for (const s of secrets) values.set(s.name, s.reveal());
  const done = templateStage({ templates, values, session: paths, masks: masks2, replace: true });
  info(`Rendered ${done.size} template(s) again: ${[...done.keys()].join(", ")}.`);
}
var masks = new MaskRegistry((value) => setSecret(value), addMasks);
var cancel = watchCancel();
run(masks, cancel).catch((err) => {
  const by = cancel.by();
  failStep(by ? new Error(cancelMessage(by)) : err, (text) => masks.redact(text));
});
//# sourceMappingURL=refresh.js.map
