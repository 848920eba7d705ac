// The child-token cases (issue 18), run through dist/ against a peer: a real OpenBao
// (test/openbao/child-token.test.ts) and the dev server (test/e2e/child-token.test.ts), which
// must agree. Each login carries least-privilege policies: `ci-app` reads one secret, `ci-other`
// another, `ci-mint` may create child tokens. The token later steps get is asked about while
// the job runs (its policies, TTL, meta, uses; a read inside its policies works, one outside is
// refused), and after post the peer itself says that the child and, when ours, the parent are gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Job, type StepResult } from '../runner/job.js';
import { errorLine, expectGone, expectNoLeaks, sessionRoot } from './fixture.js';

export interface ChildPeer {
  readonly addr: string;
  /** kv v2 at secret/: ci/app {password: app}, ci/other {password: other}; the three policies. */
  setup(values: { app: string; other: string }): Promise<void>;
  /** Userpass inputs for a user whose token holds `policies` (and default). */
  login(policies: readonly string[]): Promise<{ inputs: Record<string, string>; password: string }>;
  /** A token made by root with `policies`, for the token method; `batch` makes a batch token. */
  token(policies: readonly string[], opts?: { batch?: boolean }): Promise<string>;
  /** The token's lookup data, or undefined when the peer no longer knows it. */
  lookup(token: string): Promise<Record<string, unknown> | undefined>;
  stop(): Promise<void>;
}

export const RULES = {
  'ci-app': { path: 'secret/data/ci/app', capabilities: ['read'] },
  'ci-other': { path: 'secret/data/ci/other', capabilities: ['read'] },
  'ci-mint': { path: 'auth/token/create', capabilities: ['update'] },
} as const;

/** As the runner sets them: the run the child's metadata must name. */
const RUN = {
  GITHUB_REPOSITORY: 'octo-org/octo-repo',
  GITHUB_WORKFLOW_REF: 'octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_JOB: 'deploy',
  GITHUB_EVENT_NAME: 'push',
};

const NOISY = { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' };

async function statusOf(addr: string, path: string, token: string): Promise<number> {
  const r = await fetch(`${addr}/v1/${path}`, { headers: { 'X-Vault-Token': token } });
  await r.arrayBuffer();
  return r.status;
}

function parentOf(main: StepResult): string {
  const file = join(sessionRoot(main), 'private', 'vault-token');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
}

/** `more`: cases only this peer can run, inside the same suite (the peer is up while they run). */
export function describeChildTokens(
  name: string,
  ready: boolean,
  start: () => Promise<ChildPeer>,
  more?: (peer: () => ChildPeer) => void,
): void {
  const app = `app-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const other = `other-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  let peer: ChildPeer;

  describe.runIf(ready)(`child tokens on ${name}`, () => {
    beforeAll(async () => {
      peer = await start();
      await peer.setup({ app, other });
    }, 60_000);
    afterAll(async () => peer.stop());

    it('delivers a child of the login token: its policies, TTL, meta and uses; it works; post revokes both', async () => {
      const login = await peer.login(['ci-app', 'ci-other', 'ci-mint']);
      const job = new Job({ ...NOISY, ...RUN });
      const main = await job.main({
        'vault-addr': peer.addr,
        ...login.inputs,
        secrets: 'secret/ci/app password | APP',
        'vault-token-delivery': 'files',
        'vault-child-policies': 'ci-app',
        'vault-child-ttl': '10m',
      });
      expect(main.exitCode, main.stdout).toBe(0);
      const child = readFileSync(main.env['VAULT_TOKEN_FILE'] ?? '', 'utf8');
      const parent = parentOf(main);
      expect(parent).not.toBe('');
      expect(child === parent, 'the login token was delivered').toBe(false);
      expect(main.masks).toContain(child);
      const data = (await peer.lookup(child)) ?? {};
      expect([...(data['policies'] as string[])].sort()).toEqual(['ci-app', 'default']);
      expect(data['explicit_max_ttl']).toBe(600);
      expect(data['ttl']).toBeGreaterThan(500);
      expect(data['ttl']).toBeLessThanOrEqual(600);
      expect(data['renewable']).toBe(false);
      expect(data['orphan']).toBe(false);
      expect(data['num_uses']).toBe(0);
      expect(data['display_name']).toBe('token-github-octo-org-octo-repo-4242-2-deploy');
      expect(data['meta']).toEqual({
        repository: RUN.GITHUB_REPOSITORY,
        workflow_ref: RUN.GITHUB_WORKFLOW_REF,
        run_id: RUN.GITHUB_RUN_ID,
        run_attempt: RUN.GITHUB_RUN_ATTEMPT,
        job: RUN.GITHUB_JOB,
        event_name: RUN.GITHUB_EVENT_NAME,
      });
      // during the job: inside the subset it reads, outside it is refused
      expect(await statusOf(peer.addr, 'secret/data/ci/app', child)).toBe(200);
      expect(await statusOf(peer.addr, 'secret/data/ci/other', child)).toBe(403);
      expect(await statusOf(peer.addr, 'secret/data/ci/other', parent)).toBe(200);
      expect(job.summary).toMatch(/child token of the login token \(token-github-octo-org-octo-repo-4242-2-deploy\)/);
      expect(job.summary).toMatch(/policies default, ci-app|policies ci-app, default/);
      const post = await job.post();
      expect(post.exitCode, post.stdout).toBe(0);
      expect(post.stdout).toMatch(/revoked the child token later steps got\n/);
      expect(await peer.lookup(child), 'the child outlived post').toBeUndefined();
      expect(await peer.lookup(parent), 'the login token outlived post').toBeUndefined();
      expectGone(sessionRoot(main));
      expectNoLeaks(job, [child, parent, login.password, app, other]);
    });

    it('token method: the parent stays, the child with its use count is gone after post', async () => {
      const parent = await peer.token(['ci-app', 'ci-mint']);
      const job = new Job({ ...NOISY, ...RUN });
      const main = await job.main({
        'vault-addr': peer.addr,
        'vault-token': parent,
        'vault-token-delivery': 'files',
        'vault-child-uses': '5',
      });
      expect(main.exitCode, main.stdout).toBe(0);
      const child = readFileSync(main.env['VAULT_TOKEN_FILE'] ?? '', 'utf8');
      expect(child === parent).toBe(false);
      const data = (await peer.lookup(child)) ?? {};
      expect(data['num_uses']).toBe(5);
      expect(data['explicit_max_ttl']).toBe(3600);
      expect([...(data['policies'] as string[])].sort()).toEqual(['ci-app', 'ci-mint', 'default']);
      expect(await statusOf(peer.addr, 'secret/data/ci/app', child)).toBe(200);
      const post = await job.post();
      expect(post.exitCode, post.stdout).toBe(0);
      expect(post.stdout).toMatch(/revoked the child token later steps got\n/);
      expect(await peer.lookup(child), 'the child outlived post').toBeUndefined();
      expect(await peer.lookup(parent), 'the token method revoked the user’s token').toBeDefined();
      expectNoLeaks(job, [child, parent, app]);
    });

    it('main dies after the child exists, before delivering it: post revokes it (the parent stays)', async () => {
      const parent = await peer.token(['ci-app', 'ci-mint']);
      const job = new Job({ ...NOISY, ...RUN });
      // no GITHUB_ENV: delivering the token to env fails, after the child was made and recorded
      const main = await job.main(
        { 'vault-addr': peer.addr, 'vault-token': parent, 'vault-token-delivery': 'env' },
        { unset: ['GITHUB_ENV'] },
      );
      expect(main.exitCode).toBe(1);
      expect(errorLine(main.stdout)).toContain('GITHUB_ENV is not set');
      const file = join(sessionRoot(main), 'private', 'child-token');
      const child = readFileSync(file, 'utf8');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(await peer.lookup(child)).toBeDefined();
      const post = await job.post();
      expect(post.exitCode, post.stdout).toBe(0);
      expect(post.stdout).toMatch(/revoked the child token later steps got\n/);
      expect(await peer.lookup(child), 'the child outlived post').toBeUndefined();
      expect(await peer.lookup(parent)).toBeDefined();
      expectGone(sessionRoot(main));
      expectNoLeaks(job, [child, parent]);
    });

    it('a job killed after delivering the child (no post): the next run on the runner revokes it', async () => {
      const parent = await peer.token(['ci-app', 'ci-mint']);
      const killed = new Job({ ...NOISY, ...RUN });
      const base = join(killed.dir, 'sessions');
      mkdirSync(base);
      const inputs = { 'vault-addr': peer.addr, 'vault-token': parent, 'files-base-dir': base };
      const main = await killed.main({ ...inputs, 'vault-token-delivery': 'files' }, { orphan: true });
      expect(main.exitCode, main.stdout).toBe(0);
      const child = readFileSync(main.env['VAULT_TOKEN_FILE'] ?? '', 'utf8');
      expect(await peer.lookup(child)).toBeDefined();
      const next = new Job({ ...NOISY, ...RUN });
      const swept = await next.main({
        ...inputs,
        secrets: 'secret/ci/app password | APP',
        'stale-session-minutes': '0',
      });
      expect(swept.exitCode, swept.stdout).toBe(0);
      expect(swept.log).toMatch(/revoked 0 of 0 token\(s\) and 0 of 0 lease\(s\), 1 of 1 child token\(s\)\n/);
      expect(swept.masks).toContain(child);
      expect(await peer.lookup(child), 'the killed job’s child outlived the sweep').toBeUndefined();
      expect(await peer.lookup(parent)).toBeDefined();
      expectGone(sessionRoot(main));
      await next.post();
      expectNoLeaks(next, [child, parent, app]);
      expectNoLeaks(killed, [child, parent]);
    });

    it('a login without auth/token/create: a clear error naming the policy line, nothing delivered or left', async () => {
      const login = await peer.login(['ci-app']);
      const job = new Job({ ...NOISY, ...RUN });
      const main = await job.main({
        'vault-addr': peer.addr,
        ...login.inputs,
        secrets: 'secret/ci/app password | APP',
        'vault-token-delivery': 'files env',
      });
      expect(main.exitCode).toBe(1);
      expect(errorLine(main.stdout)).toContain(
        'Vault refused to create the child token (HTTP 403 on auth/token/create): add `path "auth/token/create" { capabilities = ["update"] }` to a policy of the login token, or set vault-child-token: false',
      );
      expect(main.env['VAULT_TOKEN_FILE']).toBeUndefined();
      expect(main.env['VAULT_TOKEN']).toBeUndefined();
      const parent = parentOf(main);
      const post = await job.post();
      expect(post.exitCode, post.stdout).toBe(0);
      expect(await peer.lookup(parent)).toBeUndefined();
      expectGone(sessionRoot(main));
      expectNoLeaks(job, [parent, login.password, app]);
    });

    it('hashicorp/vault-action exportToken without auth/token/create: the login token, with a warning', async () => {
      const login = await peer.login(['ci-app']);
      const job = new Job({ ...NOISY, ...RUN });
      const main = await job.main({
        url: peer.addr,
        method: 'userpass',
        path: login.inputs['vault-auth-path'] ?? '',
        username: login.inputs['vault-username'] ?? '',
        password: login.password,
        secrets: 'secret/data/ci/app password | APP',
        exportToken: 'true',
      });
      expect(main.exitCode, main.stdout).toBe(0);
      expect(main.stdout).toMatch(
        /::warning::exportToken\/outputToken: Vault refused to create the child token \(HTTP 403 on auth\/token\/create\)/,
      );
      const parent = parentOf(main);
      expect(main.env['VAULT_TOKEN'] === parent).toBe(true);
      await job.post();
      expect(await peer.lookup(parent)).toBeUndefined();
      expectNoLeaks(job, [parent, login.password], { allowOutputs: true });
    });

    it('vault-child-policies outside the login token’s: refused before any token is made', async () => {
      const login = await peer.login(['ci-app', 'ci-mint']);
      const job = new Job({ ...NOISY, ...RUN });
      const main = await job.main({
        'vault-addr': peer.addr,
        ...login.inputs,
        'vault-token-delivery': 'files',
        'vault-child-policies': 'ci-app, ci-other',
      });
      expect(main.exitCode).toBe(1);
      expect(errorLine(main.stdout)).toContain(
        "vault-child-policies: ci-other is not among the login token's policies (ci-app, ci-mint, default)",
      );
      const parent = parentOf(main);
      await job.post();
      expect(await peer.lookup(parent)).toBeUndefined();
      expect(existsSync(join(sessionRoot(main), 'private', 'child-token'))).toBe(false);
      expectNoLeaks(job, [parent, login.password]);
    });

    it('token method (its policies unknown here): Vault’s refusal of a wider subset, in words that say what to do', async () => {
      const parent = await peer.token(['ci-app', 'ci-mint']);
      const job = new Job({ ...NOISY, ...RUN });
      const main = await job.main({
        'vault-addr': peer.addr,
        'vault-token': parent,
        'vault-token-delivery': 'files',
        'vault-child-policies': 'ci-other',
      });
      expect(main.exitCode).toBe(1);
      expect(errorLine(main.stdout)).toContain(
        "vault-child-policies: Vault refused them (child policies must be a subset of the login token's): name only policies the login token has.",
      );
      await job.post();
      expect(await peer.lookup(parent)).toBeDefined();
      expectNoLeaks(job, [parent]);
    });

    it('vault-child-token: false delivers the login token itself, with a warning', async () => {
      const login = await peer.login(['ci-app']);
      const job = new Job({ ...NOISY, ...RUN });
      const main = await job.main({
        'vault-addr': peer.addr,
        ...login.inputs,
        'vault-token-delivery': 'files',
        'vault-child-token': 'false',
      });
      expect(main.exitCode, main.stdout).toBe(0);
      expect(main.stdout).toMatch(/::warning::vault-child-token is false: later steps get the login token itself/);
      const token = readFileSync(main.env['VAULT_TOKEN_FILE'] ?? '', 'utf8');
      expect(token === parentOf(main)).toBe(true);
      await job.post();
      expect(await peer.lookup(token)).toBeUndefined();
      expectNoLeaks(job, [token, login.password]);
    });

    more?.(() => peer);
  });
}
