import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  mapSettled
} from "./shared-S3OPN7WJ.js";
import {
  readConnectionConfig
} from "./shared-DTXL6YP6.js";
import {
  docker,
  reason
} from "./shared-2TF6D427.js";
import {
  createVaultApi,
  openTransport
} from "./shared-TU6OUOKE.js";
import {
  loadCacheMatch,
  saveCacheMatch,
  saveRegistries
} from "./shared-NV2LB3MZ.js";
import {
  errorMessage,
  inertMessage,
  say
} from "./shared-73F27MEW.js";
import {
  group,
  info,
  notice,
  setOutput,
  warning
} from "./shared-QCDMWCIP.js";

// src/cache/stage.ts
var loadCache = () => import("./shared-OVAGV7BO.js");
function unavailable(cache) {
  if (process.env["ACT"] === "true" && !process.env["ACTIONS_CACHE_SERVICE_V2"])
    return "act: its cache server speaks only the retired v1 protocol";
  if (!cache.isFeatureAvailable()) return "no cache service on this runner (no ACTIONS_RESULTS_URL)";
  return void 0;
}
async function restoreStage(config) {
  const cache = await loadCache();
  const reason2 = unavailable(cache);
  if (reason2 !== void 0) {
    notice(`cache: ${reason2}: restore and save are skipped.`);
    setOutput("cache-hit", "false");
    return;
  }
  const matched = await group(
    `Restore cache ${config.key}`,
    () => cache.restoreCache([...config.paths], config.key, [...config.restoreKeys])
  );
  saveCacheMatch(matched ?? "");
  setOutput("cache-hit", String(matched === config.key));
  info(matched ? say`cache restored from ${matched}` : "cache: no entry matched");
}
async function saveStage(config, dirty) {
  const cache = await loadCache();
  const reason2 = unavailable(cache);
  if (reason2 !== void 0) return `cache: not saved (${reason2})`;
  if (dirty > 0) {
    warning(
      `cache ${config.key} NOT saved: the leak guard found ${dirty} secret hit(s) in its paths (see the annotations). Remove the secret from the cached files.`
    );
    return `cache ${config.key}: not saved, ${dirty} secret hit(s) in its paths`;
  }
  if (loadCacheMatch() === config.key) return `cache ${config.key}: restored on this exact key, not saved again`;
  try {
    const id = await group(`Save cache ${config.key}`, () => cache.saveCache([...config.paths], config.key));
    return id === -1 ? `cache ${config.key}: not saved (see the log)` : `cache ${config.key}: scanned clean and saved`;
  } catch (err) {
    warning(inertMessage(`cache ${config.key} could not be saved: ${errorMessage(err)}`));
    return `cache ${config.key}: save failed (see warnings)`;
  }
}

// src/cleanup/revoke.ts
var LEASE_CONCURRENCY = 4;
async function revokeAll({ leaseApi, leases, tokenApi, vaultDown }) {
  const report = { leasesRevoked: 0, tokenRevoked: false, failures: [] };
  if (tokenApi) {
    try {
      await tokenApi.write("auth/token/revoke-self", {}, "revoke token");
      return { ...report, tokenRevoked: true, leasesRevoked: leases.length };
    } catch (err) {
      report.failures.push(errorMessage(err));
    }
  }
  const revokeLease = async (id) => {
    if (vaultDown()) return false;
    await leaseApi.write("sys/leases/revoke", { lease_id: id }, "revoke lease");
    return true;
  };
  const results = [
    ...await mapSettled(leases.slice(0, 1), 1, revokeLease),
    ...await mapSettled(leases.slice(1), LEASE_CONCURRENCY, revokeLease)
  ];
  let skipped = 0;
  for (const r of results) {
    if (r.status === "rejected") report.failures.push(errorMessage(r.reason));
    else if (r.value) report.leasesRevoked++;
    else skipped++;
  }
  if (skipped > 0) report.failures.push(`${skipped} lease(s) not tried: Vault is not answering.`);
  return report;
}
async function revokeCertificates(api, certificates, masks) {
  const results = await Promise.allSettled(
    certificates.map((c) => api.write(`${c.mount}/revoke`, { serial_number: c.serial }, "revoke certificate"))
  );
  let revoked = 0;
  for (const r of results) {
    if (r.status === "fulfilled") revoked++;
    else
      warning(
        inertMessage(`${masks.redact(errorMessage(r.reason))} The certificate stays valid until it expires.`)
      );
  }
  return `revoked ${revoked} of ${certificates.length} certificate(s)`;
}
async function revokeRecorded(masks, records, cancel) {
  const { token, leases, revokeToken, certificates, childToken } = records;
  let conn;
  try {
    conn = readConnectionConfig(masks);
  } catch (err) {
    warning(inertMessage(`not revoking: ${errorMessage(err)}`));
    return ["revocation skipped: the Vault connection inputs are invalid"];
  }
  const transport = openTransport(conn, {
    timeoutMs: conn.revokeTimeoutMs,
    input: "vault-revoke-timeout",
    ...cancel ? { cancel } : {}
  });
  try {
    const leaseApi = createVaultApi({ addr: conn.addr, namespace: conn.namespace, token, transport });
    const tokenApi = revokeToken ? leaseApi.with({ namespace: conn.authNamespace }) : void 0;
    const out = [];
    const child = childToken === void 0 ? void 0 : await revokeChild(leaseApi.with({ namespace: conn.authNamespace, token: childToken }));
    if (certificates.length > 0) out.push(await revokeCertificates(leaseApi, certificates, masks));
    const report = await revokeAll({ leaseApi, leases, tokenApi, vaultDown: () => transport.down });
    for (const failure of report.failures)
      warning(
        inertMessage(`${masks.redact(failure).replace(/([^.])$/, "$1.")} The credentials expire at their TTL instead.`)
      );
    if (child !== void 0) out.push(childOutcome(child, report.tokenRevoked, masks));
    if (revokeToken)
      out.push(report.tokenRevoked ? "revoked the Vault token" : "could not revoke the Vault token (see warnings)");
    const how = report.tokenRevoked ? " with the token (the server finishes in the background)" : "";
    if (leases.length > 0) out.push(`revoked ${report.leasesRevoked} of ${leases.length} lease(s)${how}`);
    return out;
  } finally {
    transport.close();
  }
}
async function revokeChild(childApi) {
  try {
    await childApi.write("auth/token/revoke-self", {}, "revoke the child token");
    return true;
  } catch (err) {
    return err instanceof Error ? err : new Error(errorMessage(err));
  }
}
function childOutcome(child, parentRevoked, masks) {
  if (child === true) return "revoked the child token later steps got";
  if (parentRevoked) return "revoked the child token later steps got, with the login token";
  warning(
    inertMessage(
      `${masks.redact(errorMessage(child)).replace(/([^.])$/, "$1.")} A child token whose uses are spent is already gone; otherwise it expires at its TTL (vault-child-ttl).`
    )
  );
  return "could not revoke the child token (see warnings)";
}

// src/docker/login.ts
async function loginAll(logins, secrets, masks, env) {
  const done = [];
  for (const login of logins) {
    const username = resolve(login.username, secrets, `registry ${login.registry} username`);
    const password = resolve(login.password, secrets, `registry ${login.registry} password`);
    masks.addBasicAuth(`docker auth for ${login.registry}`, username, password);
    await group(`docker login ${login.registry}`, async () => {
      const run = await docker(["login", login.registry, "--username", username, "--password-stdin"], {
        input: Buffer.from(password, "utf8"),
        env
      });
      if (run.exitCode !== 0) {
        throw new Error(
          `docker login to ${login.registry} failed: ${masks.redact(reason(run))}. Check the username and password for that registry.`
        );
      }
      info(`Logged in to ${login.registry}.`);
    });
    done.push(login.registry);
    saveRegistries(done);
  }
  return done;
}
function resolve(credential, secrets, what) {
  if ("literal" in credential) return credential.literal;
  const secret = secrets.get(credential.secret);
  if (!secret) {
    const known = [...secrets.keys()];
    throw new Error(
      `${what} names the secret ${credential.secret}, which was not fetched${known.length ? ` (fetched: ${known.join(", ")})` : ""}: add it to secrets.`
    );
  }
  return secret.reveal();
}
async function logoutAll(registries, env) {
  const lines = [];
  for (const registry of registries) {
    try {
      const run = await docker(["logout", registry], { env });
      if (run.exitCode === 0) lines.push(`logged out of ${registry}`);
      else warning(inertMessage(`docker logout ${registry} failed: ${reason(run)}`));
    } catch (err) {
      warning(inertMessage(`docker logout ${registry}: ${errorMessage(err)}`));
    }
  }
  return lines;
}

export {
  revokeAll,
  revokeRecorded,
  loginAll,
  logoutAll,
  restoreStage,
  saveStage
};
//# sourceMappingURL=shared-QIIFN3AV.js.map
