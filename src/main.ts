// The main step: inputs -> session folder -> login -> fetch (masking as values arrive)
// -> deliver -> summary. Post (src/post.ts) undoes all of it.
import * as core from '@actions/core';
import { readMainConfig, type MainConfig } from './inputs.js';
import { MaskRegistry } from './mask/registry.js';
import { MIN_SECRET_LENGTH } from './mask/forms.js';
import { credentialPairs } from './mask/pairs.js';
import { createSession, type Session } from './deliver/session.js';
import { deliverFiles } from './deliver/files.js';
import { deliverEnvFile } from './deliver/env-file.js';
import { deliverEnv, deliverOutputs } from './deliver/env.js';
import { connect } from './vault/connect.js';
import { fetchSecrets } from './vault/fetch.js';
import { recordLease, recordToken } from './state.js';
import { writeMainSummary } from './report/summary.js';
import { groupByPath } from './spec/index.js';
import type { Secret } from './secret.js';

async function run(masks: MaskRegistry): Promise<void> {
  const config = readMainConfig(masks);
  if (config.auth.method === 'userpass' || config.auth.method === 'ldap') masks.addBasicAuth('vault-password', config.auth.username, config.auth.password);
  const session = createSession(config.filesBaseDir);
  const started = Date.now();
  const conn = await core.group('Log in to Vault', async () => {
    const c = await connect(config.connection, config.auth, (name, value) => masks.addHandle(name, value));
    core.info(`Authenticated at ${config.connection.addr} with ${config.auth.method}${c.login.policies.length ? ` (policies: ${c.login.policies.join(', ')})` : ''}.`);
    return c;
  });
  try {
    let tokenRecorded = false;
    const ensureToken = (): void => {
      if (!tokenRecorded) recordToken(session, conn.login.token, config.revokeToken);
      tokenRecorded = true;
    };
    if (config.revokeToken) ensureToken();
    let leases = 0;
    const secrets = await core.group(`Fetch ${config.requests.length} secret entr${config.requests.length === 1 ? 'y' : 'ies'}`, async () => {
      const fetched = await fetchSecrets(config.requests, conn.api, {
        concurrency: config.connection.concurrency,
        onValue: (name, value) => warnIfShort(name, masks.addSecret(name, value)),
        onLease: (lease) => {
          masks.addHandle('lease', lease.id);
          ensureToken();
          recordLease(session, lease.id);
          leases++;
        },
      });
      for (const pair of credentialPairs(fetched.map((s) => ({ source: s.source, name: s.name, value: s.reveal() })))) {
        masks.addBasicAuth(pair.name, pair.user, pair.password);
      }
      core.info(`Fetched ${fetched.length} secret(s) from ${groupByPath(config.requests).size} path(s) in ${Date.now() - started} ms.`);
      return fetched;
    });
    deliver(secrets, config, session);
    if (config.summary) {
      await writeMainSummary(secrets, config.deliveries, {
        addr: config.connection.addr,
        method: config.auth.method,
        paths: groupByPath(config.requests).size,
        millis: Date.now() - started,
        retries: conn.transport.stats.retries,
        leases,
        filesDir: config.deliveries.has('files') ? session.files : undefined,
        memoryBacked: session.memoryBacked,
      });
    }
  } finally {
    conn.transport.close();
  }
}

function deliver(secrets: readonly Secret[], config: MainConfig, session: Session): void {
  core.setOutput('names', secrets.map((s) => s.name).join(' '));
  if (config.deliveries.has('files')) {
    deliverFiles(secrets, session.files);
    core.info(`Wrote ${secrets.length} file(s) (0600) to ${session.files}${session.memoryBacked ? ' (memory-backed)' : ''}; each path is in NAME_FILE.`);
  }
  if (config.deliveries.has('env-file')) {
    deliverEnvFile(secrets, session.envFile);
    core.info(`Wrote the env-file ${session.envFile} (0600) for docker run --env-file.`);
  }
  if (config.deliveries.has('env')) deliverEnv(secrets);
  if (config.deliveries.has('outputs')) deliverOutputs(secrets);
}

function warnIfShort(name: string, found: { short: boolean; shortParts: number }): void {
  if (found.short) {
    core.warning(`${name} is shorter than ${MIN_SECRET_LENGTH} characters: it is masked, but masking text that short blanks out unrelated log text too, and such a secret is easy to guess.`);
  }
  if (found.shortParts > 0) {
    core.warning(`${name}: ${found.shortParts} line(s) or JSON leaves are shorter than ${MIN_SECRET_LENGTH} characters and are not masked on their own (the whole value is). Keep secrets in separate keys of at least ${MIN_SECRET_LENGTH} characters.`);
  }
}

const masks = new MaskRegistry((value) => core.setSecret(value));
run(masks).catch((err: unknown) => {
  core.setFailed(masks.redact(err instanceof Error ? err.message : String(err)));
});
