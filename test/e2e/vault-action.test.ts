// hashicorp/vault-action's own end-to-end jobs, run against this action: the `e2e` and
// `e2e-tls` jobs of its .github/workflows/build.yml (v3.4.0, copied verbatim into
// vault-action/build.yml.txt), each `uses: ./` step run through dist/ with its `with:`
// block unchanged, Vault seeded as integrationTests/e2e*/setup.js seeds it (through the
// dev server's HTTP API), and every expectation of integrationTests/e2e*/e2e*.test.js
// checked in the verify step's environment. Post runs for every step at the end of the
// job, as on the runner. The `with:` blocks name localhost:8200, so port 8200 must be free.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { Job, ROOT, type StepResult } from '../runner/job.js';
import { startVaultDevServer, type VaultDevServer } from '../vault-server/server.js';
import { expectGone, expectNoLeaks, sessionRoot } from './fixture.js';
import { peersReady } from '../peers/available.js';
import { startOpenBao, type OpenBao } from '../peers/openbao.js';

const BUILD_YML = readFileSync(join(ROOT, 'test/e2e/vault-action/build.yml.txt'), 'utf8');

interface WorkflowStep {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

const jobSteps = (job: string): WorkflowStep[] =>
  (parseYaml(BUILD_YML) as { jobs: Record<string, { steps: WorkflowStep[] }> }).jobs[job]?.steps ?? [];

/** The steps that set up the runner (checkout, compose, node, npm): nothing to do here. */
const SETUP = /^(actions\/(checkout|setup-node|cache)@|docker compose |npm ci$|npm run build$)/;

interface Context {
  env: Record<string, string>;
  secrets: Record<string, string>;
  steps: Record<string, Record<string, string>>;
}

/** `${{ env.X }}`, `${{ secrets.X }}` and `${{ steps.ID.outputs.X }}`, as the runner expands them. */
function expand(value: unknown, ctx: Context): string {
  return String(value).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    const [scope, a, b, c] = expr.split('.');
    if (scope === 'env' && a !== undefined) return ctx.env[a] ?? '';
    if (scope === 'secrets' && a !== undefined) return ctx.secrets[a] ?? '';
    if (scope === 'steps' && a !== undefined && b === 'outputs' && c !== undefined) return ctx.steps[a]?.[c] ?? '';
    throw new Error(`unsupported expression ${expr}`);
  });
}

interface TlsFiles {
  ca: string;
  serverKey: string;
  serverCert: string;
  clientKey: string;
  clientCert: string;
}

/** Runs a job's steps in order; `setup` stands for its "Setup Vault" step, `verify` for the npm test step. */
async function runJob(opts: {
  name: string;
  job: Job;
  secrets: Record<string, string>;
  setup: () => Promise<void>;
  verify: (env: Record<string, string>) => void;
}): Promise<StepResult[]> {
  const { job } = opts;
  const ctx: Context = { env: job.env, secrets: opts.secrets, steps: {} };
  const mains: StepResult[] = [];
  let verified = false;
  for (const step of jobSteps(opts.name)) {
    if (SETUP.test(step.uses ?? step.run ?? '')) continue;
    if (step.name === 'Setup Vault') {
      await opts.setup();
    } else if (step.uses === './') {
      const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expand(v, ctx)]));
      const main = await job.main(inputs);
      expect(main.exitCode, `${step.name ?? ''}: ${main.stdout}`).toBe(0);
      if (step.id !== undefined) ctx.steps[step.id] = main.outputs;
      mains.push(main);
    } else if (step.name === 'Verify Vault Action Outputs') {
      const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, ctx)]));
      opts.verify({ ...job.env, ...env });
      verified = true;
    } else {
      throw new Error(`step "${step.name ?? ''}" is not handled`);
    }
  }
  expect(verified).toBe(true);
  for (const post of await job.postAll()) expect(post.exitCode, post.stdout).toBe(0);
  for (const main of mains) expectGone(sessionRoot(main));
  return mains;
}

/** A POST as setup.js sends it with got (json body, X-Vault-Token), over TLS when given. */
async function post(url: string, token: string, body: unknown, tls?: TlsFiles): Promise<void> {
  const u = new URL(url);
  const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
  const status = await new Promise<number>((resolve, reject) => {
    const req = send(
      u,
      {
        method: 'POST',
        headers: { 'X-Vault-Token': token, 'content-type': 'application/json' },
        ...(tls ? { ca: tls.ca, cert: tls.clientCert, key: tls.clientKey } : {}),
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
  expect(status, `POST ${u.pathname}`).toBeLessThan(300);
}

/** The values vault-action's setup.js writes that are long enough to be searched for. */
const LONG_VALUES = ['SUPERSECRET', 'OTHERSUPERSECRET', 'CUSTOMSECRET', 'OTHERCUSTOMSECRET', '{"x":1,"y":"qux"}'];

/** What integrationTests/e2e/setup.js writes, in its order (after the kv-v2 mount at secret/ that dev mode has). */
const E2E_SEED: readonly (readonly [string, unknown])[] = [
  ['secret/data/test', { data: { secret: 'SUPERSECRET' } }],
  ['secret/data/nested/test', { data: { otherSecret: 'OTHERSUPERSECRET' } }],
  ['secret/data/test-json-string', { data: { jsonString: '{"x":1,"y":"qux"}' } }],
  ['secret/data/test-json-data', { data: { jsonData: { x: 1, y: 'qux' } } }],
  ['secret/data/test-json-string-multiline', { data: { jsonStringMultiline: '{"x": 1, "y": "q\\nux"}' } }],
  ['sys/mounts/my-secret', { type: 'kv' }],
  ['my-secret/test', { altSecret: 'CUSTOMSECRET' }],
  ['my-secret/nested/test', { otherAltSecret: 'OTHERCUSTOMSECRET' }],
  ['cubbyhole/test', { foo: 'bar', zip: 'zap' }],
  ['secret/data/subsequent-test', { data: { secret: 'SUBSEQUENT_TEST_SECRET' } }],
];

/** integrationTests/e2e/e2e.test.js, every expectation. */
function verifyE2e(env: Record<string, string>): void {
  expect(env['SECRET']).toBe('SUPERSECRET');
  expect(env['NAMED_SECRET']).toBe('SUPERSECRET');
  expect(env['OTHERSECRET']).toBe('OTHERSUPERSECRET');
  expect(env['OTHER_SECRET_OUTPUT']).toBe('OTHERSUPERSECRET');
  expect(env['ALTSECRET']).toBe('CUSTOMSECRET');
  expect(env['NAMED_ALTSECRET']).toBe('CUSTOMSECRET');
  expect(env['OTHERALTSECRET']).toBe('OTHERCUSTOMSECRET');
  expect(env['FOO']).toBe('bar');
  expect(env['NAMED_CUBBYSECRET']).toBe('zap');
  expect(env['SUBSEQUENT_TEST_SECRET']).toBe('SUBSEQUENT_TEST_SECRET');
  expect(env['JSONSTRING']).toBe('{"x":1,"y":"qux"}');
  expect(env['JSONSTRINGMULTILINE']).toBe('{"x": 1, "y": "q\\nux"}');
  expect(env['JSONDATA']).toBe('{"x":1,"y":"qux"}');
}

let server: VaultDevServer | undefined;
let job: Job | undefined;
let bao: OpenBao | undefined;
afterEach(async () => {
  job?.dispose();
  await server?.close();
  await bao?.stop();
  job = undefined;
  server = undefined;
  bao = undefined;
});

describe('hashicorp/vault-action e2e job (build.yml job e2e), unchanged', () => {
  it('passes every expectation of integrationTests/e2e/e2e.test.js', async () => {
    server = await startVaultDevServer({ host: 'localhost', port: 8200, rootToken: 'testtoken' });
    const addr = 'http://localhost:8200';
    const dev = server;
    job = new Job();
    const mains = await runJob({
      name: 'e2e',
      job,
      secrets: {},
      setup: async () => {
        dev.mountKv('', 'secret', 2); // `vault server -dev` mounts kv-v2 at secret/
        for (const [path, body] of E2E_SEED) await post(`${addr}/v1/${path}`, 'testtoken', body);
      },
      verify: verifyE2e,
    });
    expect(mains).toHaveLength(6);
    // Files as well, and one notice (not a warning per delivery) pointing at `deliver: files`.
    expect(mains[0]?.env['SECRET_FILE']).toMatch(/\/files\/SECRET$/);
    for (const main of mains) {
      expect(main.commands.filter((c) => c.command === 'notice').map((c) => c.message)).toEqual([
        expect.stringContaining('`deliver: files`'),
      ]);
      // Only warnings about short values (FOO=bar, the JSON leaves), none about env or outputs.
      for (const w of main.commands.filter((c) => c.command === 'warning')) expect(w.message).toMatch(/shorter than/);
    }
    expectNoLeaks(job, [...LONG_VALUES, 'testtoken'], { allowOutputs: true });
  });
});

/** A CA, a server certificate for localhost and a client certificate, as e2e-tls/configs holds. */
function makeCertificates(): TlsFiles {
  const dir = mkdtempSync(join(tmpdir(), 'va-tls-'));
  try {
    const ssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
    ssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '1',
      '-subj',
      '/CN=va-ca',
    );
    writeFileSync(join(dir, 'ext'), 'subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost\n');
    for (const who of ['server', 'client']) {
      ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${who}.key`, '-out', `${who}.csr`, '-subj', `/CN=${who}`);
      ssl(
        'x509',
        '-req',
        '-in',
        `${who}.csr`,
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        `${who}.pem`,
        '-days',
        '1',
        '-extfile',
        'ext',
      );
    }
    const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
    return {
      ca: read('ca.pem'),
      serverKey: read('server.key'),
      serverCert: read('server.pem'),
      clientKey: read('client.key'),
      clientCert: read('client.pem'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('hashicorp/vault-action e2e-tls job (build.yml job e2e-tls), unchanged', () => {
  it('passes every expectation of integrationTests/e2e-tls/e2e-tls.test.js, with a CA and a client certificate', async () => {
    const tls = makeCertificates();
    server = await startVaultDevServer({
      host: 'localhost',
      port: 8200,
      tls: { key: tls.serverKey, cert: tls.serverCert, ca: tls.ca, requestClientCert: true },
    });
    const addr = 'https://localhost:8200';
    const dev = server;
    const b64 = (pem: string): string => Buffer.from(pem).toString('base64');
    job = new Job();
    const running = job;
    const mains = await runJob({
      name: 'e2e-tls',
      job,
      // The repository secrets the job reads: base64 PEM, as vault-action's README asks.
      secrets: { VAULTCA: b64(tls.ca), VAULT_CLIENT_CERT: b64(tls.clientCert), VAULT_CLIENT_KEY: b64(tls.clientKey) },
      setup: async () => {
        // setup.js initialises and unseals a real server, then exports its root token; the dev server starts unsealed.
        running.env['VAULT_TOKEN'] = dev.rootToken;
        const put = (path: string, body: unknown): Promise<void> =>
          post(`${addr}/v1/${path}`, dev.rootToken, body, tls);
        await put('sys/mounts/secret', { type: 'kv-v2' });
        await put('secret/data/test', { data: { secret: 'SUPERSECRET' } });
        await put('secret/data/nested/test', { data: { otherSecret: 'OTHERSUPERSECRET' } });
        await put('secret/data/tlsSkipVerify', { data: { skip: 'true' } });
        await put('sys/mounts/my-secret', { type: 'kv' });
        await put('my-secret/test', { altSecret: 'CUSTOMSECRET' });
        await put('my-secret/nested/test', { otherAltSecret: 'OTHERCUSTOMSECRET' });
        await put('cubbyhole/test', { foo: 'bar', zip: 'zap' });
      },
      verify: (env) => {
        // integrationTests/e2e-tls/e2e-tls.test.js, every expectation
        expect(env['SECRET']).toBe('SUPERSECRET');
        expect(env['NAMED_SECRET']).toBe('SUPERSECRET');
        expect(env['OTHERSECRET']).toBe('OTHERSUPERSECRET');
        expect(env['OTHER_SECRET_OUTPUT']).toBe('OTHERSUPERSECRET');
        expect(env['ALTSECRET']).toBe('CUSTOMSECRET');
        expect(env['NAMED_ALTSECRET']).toBe('CUSTOMSECRET');
        expect(env['OTHERALTSECRET']).toBe('OTHERCUSTOMSECRET');
        expect(env['FOO']).toBe('bar');
        expect(env['NAMED_CUBBYSECRET']).toBe('zap');
        expect(env['SKIP']).toBe('true');
      },
    });
    expect(mains).toHaveLength(4);
    // Every request presented the client certificate (the server refuses others) and none failed.
    expect(dev.requests.every((r) => r.status > 0 && r.status < 400)).toBe(true);
    expectNoLeaks(job, [...LONG_VALUES.slice(0, 4), dev.rootToken, tls.clientKey, tls.serverKey], {
      allowOutputs: true,
    });
  });
});

// The same `e2e` job against a real OpenBao: `bao server -dev` on localhost:8200 with the root
// token `testtoken`, as vault-action's docker-compose starts Vault, seeded the way setup.js does
// through the HTTP API. Here post's revoke is checked with OpenBao's own word, and the job's
// token is the root token the with: blocks name, which post must leave alone.
describe.runIf(peersReady('openbao tests', ['bao']))(
  'hashicorp/vault-action e2e job against OpenBao, unchanged',
  () => {
    it('passes every expectation of integrationTests/e2e/e2e.test.js against a real OpenBao', async () => {
      bao = await startOpenBao({ port: 8200, rootToken: 'testtoken' });
      job = new Job();
      const mains = await runJob({
        name: 'e2e',
        job,
        secrets: {},
        setup: async () => {
          for (const [path, body] of E2E_SEED) await post(`http://localhost:8200/v1/${path}`, 'testtoken', body);
        },
        verify: verifyE2e,
      });
      expect(mains).toHaveLength(6);
      for (const main of mains)
        expect(main.commands.filter((c) => c.command === 'error').map((c) => c.message)).toEqual([]);
      // a token passed in stays (vault-revoke-token: auto): the root token still works after every post
      expect((await bao.api('GET', 'auth/token/lookup-self')).status).toBe(200);
      // (SUBSEQUENT_TEST_SECRET is also the name the spec gives it, so the summary shows it as a name)
      expectNoLeaks(job, [...LONG_VALUES, 'testtoken'], { allowOutputs: true });
    });

    it('passes every expectation of integrationTests/e2e-tls/e2e-tls.test.js against OpenBao over its dev TLS', async () => {
      bao = await startOpenBao({ tls: true, port: 8200, rootToken: 'testtoken' });
      const server = bao;
      // OpenBao's dev CA signs its server certificate; the client certificate is one of ours (the
      // dev listener asks for one and, with no cert auth in this job, does not check it)
      const tls: TlsFiles = { ...makeCertificates(), ca: server.caPem ?? '' };
      const b64 = (pem: string): string => Buffer.from(pem).toString('base64');
      job = new Job();
      const running = job;
      const put = (path: string, body: unknown): Promise<void> =>
        post(`https://localhost:8200/v1/${path}`, 'testtoken', body, tls);
      const mains = await runJob({
        name: 'e2e-tls',
        job,
        secrets: { VAULTCA: b64(tls.ca), VAULT_CLIENT_CERT: b64(tls.clientCert), VAULT_CLIENT_KEY: b64(tls.clientKey) },
        setup: async () => {
          running.env['VAULT_TOKEN'] = 'testtoken';
          // setup.js mounts kv-v2 at secret/ on a fresh server; dev mode has one there already
          expect((await server.api('DELETE', 'sys/mounts/secret')).status).toBeLessThan(300);
          await put('sys/mounts/secret', { type: 'kv-v2' });
          await put('secret/data/test', { data: { secret: 'SUPERSECRET' } });
          await put('secret/data/nested/test', { data: { otherSecret: 'OTHERSUPERSECRET' } });
          await put('secret/data/tlsSkipVerify', { data: { skip: 'true' } });
          await put('sys/mounts/my-secret', { type: 'kv' });
          await put('my-secret/test', { altSecret: 'CUSTOMSECRET' });
          await put('my-secret/nested/test', { otherAltSecret: 'OTHERCUSTOMSECRET' });
          await put('cubbyhole/test', { foo: 'bar', zip: 'zap' });
        },
        verify: (env) => {
          // integrationTests/e2e-tls/e2e-tls.test.js, every expectation
          expect(env['SECRET']).toBe('SUPERSECRET');
          expect(env['NAMED_SECRET']).toBe('SUPERSECRET');
          expect(env['OTHERSECRET']).toBe('OTHERSUPERSECRET');
          expect(env['OTHER_SECRET_OUTPUT']).toBe('OTHERSUPERSECRET');
          expect(env['ALTSECRET']).toBe('CUSTOMSECRET');
          expect(env['NAMED_ALTSECRET']).toBe('CUSTOMSECRET');
          expect(env['OTHERALTSECRET']).toBe('OTHERCUSTOMSECRET');
          expect(env['FOO']).toBe('bar');
          expect(env['NAMED_CUBBYSECRET']).toBe('zap');
          expect(env['SKIP']).toBe('true');
        },
      });
      expect(mains).toHaveLength(4);
      expectNoLeaks(job, [...LONG_VALUES.slice(0, 4), 'testtoken', tls.clientKey], { allowOutputs: true });
    });
  },
);
