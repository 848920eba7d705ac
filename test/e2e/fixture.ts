// The Vault dev server with the demo dataset for end-to-end tests: values chosen to
// break naive masking and delivery (multi-line PEM, JSON documents, `%`, `::`, CR/LF,
// quotes, leading and trailing spaces, non-ASCII), fresh random ones for each test.
import { expect } from 'vitest';
import { startVaultDevServer, type DevServerOptions, type VaultDevServer } from '../vault-server/server.js';
import { DEMO, seedDemo, type DemoData } from '../vault-server/seed.js';
import { Job, type StepResult } from '../runner/job.js';
import { findIn, listTree, scanTree } from '../runner/leaks.js';

export interface Fixture {
  readonly server: VaultDevServer;
  readonly demo: DemoData;
  readonly values: Readonly<
    Record<
      | 'password'
      | 'apiKey'
      | 'pem'
      | 'json'
      | 'spaces'
      | 'crlf'
      | 'unicode'
      | 'percent'
      | 'colons'
      | 'legacy'
      | 'nsSecret',
      string
    >
  >;
  readonly approle: { roleId: string; secretId: string };
  readonly userpass: { username: string; password: string };
  readonly k8sJwt: string;
  readonly spec: string;
  /** NAME -> value, what `spec` should deliver. */
  readonly expected: Record<string, string>;
}

/** The demo dataset, plus a key with dots in its name and a policy that may revoke leases. */
export async function startFixture(opts: DevServerOptions = {}): Promise<Fixture> {
  const server = await startVaultDevServer(opts);
  const demo = seedDemo(server);
  const { app, tls, config, legacy, teamA } = demo.secrets;
  server.putKv('', 'secret', 'ci/tls', { ...tls, 'tls.key': tls.key });
  server.addPolicy('', 'lease-revoker', [{ path: 'sys/leases/revoke', capabilities: ['update'] }]);
  const values = {
    password: app.password,
    apiKey: app.api_key,
    pem: tls.key,
    json: config.json,
    ...DEMO.odd,
    legacy: legacy.token,
    nsSecret: teamA.password,
  };
  const spec = [
    '# the application',
    'secret/ci/app *                  | APP_',
    'secret/data/ci/app password      | VA_STYLE ;',
    'secret/ci/tls "tls.key"          | TLS_KEY',
    'secret/ci/config json            | CONFIG_JSON',
    'secret/ci/odd *',
    'kv1/ci/legacy token              | LEGACY',
    'database/creds/app username      | DB_USER',
    'database/creds/app password      | DB_PASS',
  ].join('\n');
  const expected = {
    APP_USERNAME: app.username,
    APP_PASSWORD: app.password,
    APP_API_KEY: app.api_key,
    VA_STYLE: app.password,
    TLS_KEY: tls.key,
    CONFIG_JSON: config.json,
    SPACES: DEMO.odd.spaces,
    CRLF: DEMO.odd.crlf,
    UNICODE: DEMO.odd.unicode,
    PERCENT: DEMO.odd.percent,
    COLONS: DEMO.odd.colons,
    LEGACY: legacy.token,
  };
  return {
    server,
    demo,
    values,
    approle: demo.approle.root,
    userpass: { username: DEMO.role, password: demo.userpassPassword },
    k8sJwt: demo.kubernetesJwt,
    spec,
    expected,
  };
}

/** Every secret value the job can have seen: fixture values, dynamic creds, tokens. */
export function allSecretValues(fx: Fixture, job: Job, extra: readonly string[] = []): string[] {
  const dynamic = Object.entries(readDeliveredFiles(job))
    .filter(([k]) => k.startsWith('DB_'))
    .map(([, v]) => v);
  return [
    ...Object.values(fx.values),
    fx.approle.secretId,
    fx.demo.approle.teamA.secretId,
    fx.userpass.password,
    fx.demo.ldapPassword,
    fx.k8sJwt,
    ...issuedTokens(fx),
    ...dynamic,
    ...extra,
  ];
}

/** Every token the action sent to the server (so every token it held), and every lease id. */
export function issuedTokens(fx: Fixture): string[] {
  const tokens = new Set<string>();
  for (const r of fx.server.requests) {
    const t = r.headers['x-vault-token'];
    if (typeof t === 'string' && t !== '') tokens.add(t);
  }
  return [...tokens, ...fx.server.leases().map((l) => l.id)];
}

const delivered = new WeakMap<Job, Record<string, string>>();

/** Snapshot of the delivered files taken after main (post removes them). */
export function readDeliveredFiles(job: Job): Record<string, string> {
  return delivered.get(job) ?? {};
}

export function rememberDelivered(job: Job, files: Record<string, string>): void {
  delivered.set(job, files);
}

/** The core assertion: no value, in any encoding, in any output or any file the job left. */
export function expectNoLeaks(job: Job, values: readonly string[], opts: { allowOutputs?: boolean } = {}): void {
  for (const step of job.steps) {
    for (const [i, v] of values.entries()) {
      expect(findIn(step.stdout, v), `${step.step} stdout holds secret #${i}`).toEqual([]);
      expect(findIn(step.stderr, v), `${step.step} stderr holds secret #${i}`).toEqual([]);
      expect(findIn(JSON.stringify(step.state), v), `${step.step} state holds secret #${i}`).toEqual([]);
      if (!opts.allowOutputs)
        expect(findIn(JSON.stringify(step.outputs), v), `${step.step} outputs hold secret #${i}`).toEqual([]);
    }
  }
  for (const [i, v] of values.entries()) expect(findIn(job.summary, v), `summary holds secret #${i}`).toEqual([]);
  const left = scanTree(job.dir, values).filter(
    (h) => opts.allowOutputs !== true || !/\/(output|env)-\d+$/.test(h.file),
  );
  expect(left, 'files left in the job folder hold a secret').toEqual([]);
}

/** The session folder from main's state: it must be gone after post. */
export function sessionRoot(main: StepResult): string {
  const root = main.state['session-root'];
  if (!root) throw new Error('main saved no session-root state');
  return root;
}

export function expectGone(path: string): void {
  expect(listTree(path)).toEqual([]);
}

/** The step's first `::error::` line (its failure line), or '' when there is none. */
export function errorLine(stdout: string): string {
  return stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
}

/** The names a step exported, less the session paths main exports for a later guard step. */
export function exportedNames(step: StepResult): string[] {
  return Object.keys(step.env).filter((name) => name !== 'VAULT_SECRETS_SESSION' && name !== 'VAULT_SECRETS_SESSIONS');
}

/** A test that failed before its post still cleans up (call in afterEach): no session stays in /dev/shm. */
export async function postIfMissed(job: Job | undefined, server: { clearFaults(): void } | undefined): Promise<void> {
  if (job === undefined || job.steps.at(-1)?.step !== 'main') return;
  server?.clearFaults();
  await job.post();
}
