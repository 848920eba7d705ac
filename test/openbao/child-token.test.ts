// The child-token cases (test/e2e/child-token-cases.ts) against a real OpenBao, and what only a
// real peer has: a batch login token, which Vault lets create no child.
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Job } from '../runner/job.js';
import { peersReady } from '../peers/available.js';
import { startOpenBao, type OpenBao } from '../peers/openbao.js';
import { errorLine, expectNoLeaks } from '../e2e/fixture.js';
import { describeChildTokens, RULES } from '../e2e/child-token-cases.js';
import { userpassLogin, writePolicy } from './harness.js';

const ready = peersReady('openbao child-token tests', ['bao']);

async function createToken(bao: OpenBao, policies: readonly string[], batch = false): Promise<string> {
  const reply = (await bao.must('POST', 'auth/token/create', {
    policies,
    ttl: '1h',
    ...(batch ? { type: 'batch' } : {}),
  })) as { auth: { client_token: string } };
  return reply.auth.client_token;
}

async function lookup(bao: OpenBao, token: string): Promise<Record<string, unknown> | undefined> {
  const r = await bao.api('POST', 'auth/token/lookup', { token });
  return r.status === 200 ? (r.body as { data: Record<string, unknown> }).data : undefined;
}

let current: OpenBao | undefined;
const shared = (): OpenBao => {
  if (!current) throw new Error('OpenBao is not running');
  return current;
};

describeChildTokens(
  'OpenBao',
  ready,
  async () => {
    const bao = await startOpenBao();
    current = bao;
    return {
      addr: bao.addr,
      setup: async ({ app, other }) => {
        await bao.must('POST', 'secret/data/ci/app', { data: { password: app } });
        await bao.must('POST', 'secret/data/ci/other', { data: { password: other } });
        for (const [name, rule] of Object.entries(RULES))
          await writePolicy(bao, name, { [rule.path]: rule.capabilities });
      },
      login: (policies) => userpassLogin(bao, policies),
      token: (policies, opts) => createToken(bao, policies, opts?.batch),
      lookup: (token) => lookup(bao, token),
      stop: () => bao.stop(),
    };
  },
  (peer) => {
    // only a real peer has batch tokens
    const batchCase = async (inputs: Record<string, string>) => {
      const parent = await peer().token(['ci-app', 'ci-mint'], { batch: true });
      expect(parent.startsWith('b.')).toBe(true);
      const job = new Job({});
      const main = await job.main({ 'vault-addr': peer().addr, 'vault-token': parent, ...inputs });
      await job.post();
      return { main, parent, job };
    };

    it('auth in a parent namespace, secrets in its child: the child is made there and reads here', async () => {
      const bao = shared();
      await bao.must('POST', 'sys/namespaces/org');
      await bao.must('POST', 'sys/namespaces/team-a', undefined, { namespace: 'org' });
      const team = { namespace: 'org/team-a' };
      const value = `ns-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      await bao.must('POST', 'sys/mounts/secret', { type: 'kv', options: { version: '2' } }, team);
      await bao.must('POST', 'secret/data/ci/app', { data: { password: value } }, team);
      // policies of the auth namespace, naming the child namespace's path relative to it
      await writePolicy(bao, 'team-a-read', { 'team-a/secret/data/ci/app': ['read'] }, 'org');
      await writePolicy(bao, 'ci-mint', { 'auth/token/create': ['update'] }, 'org');
      const login = await userpassLogin(bao, ['team-a-read', 'ci-mint'], { namespace: 'org' });
      const job = new Job({});
      const main = await job.main({
        'vault-addr': bao.addr,
        ...login.inputs,
        'vault-namespace': 'org/team-a',
        'vault-auth-namespace': 'org',
        secrets: 'secret/ci/app password | APP',
        'vault-token-delivery': 'files',
        'vault-child-policies': 'team-a-read',
      });
      expect(main.exitCode, main.stdout).toBe(0);
      const child = readFileSync(main.env['VAULT_TOKEN_FILE'] ?? '', 'utf8');
      const inOrg = await bao.api('POST', 'auth/token/lookup', { token: child }, { namespace: 'org' });
      expect(inOrg.status).toBe(200);
      expect((inOrg.body as { data: { namespace_path: string } }).data.namespace_path).toBe('org/');
      const read = await bao.api('GET', 'secret/data/ci/app', undefined, { token: child, namespace: 'org/team-a' });
      expect(read.status).toBe(200);
      const post = await job.post();
      expect(post.exitCode, post.stdout).toBe(0);
      expect(post.stdout).toMatch(/revoked the child token later steps got\n/);
      const after = await bao.api('POST', 'auth/token/lookup', { token: child }, { namespace: 'org' });
      expect(after.status).toBeGreaterThanOrEqual(400);
      expectNoLeaks(job, [child, login.password, value]);
    });

    it('a batch login token with vault-token-delivery: a clear error (Vault makes no child of one)', async () => {
      const { main, parent, job } = await batchCase({ 'vault-token-delivery': 'files' });
      expect(main.exitCode).toBe(1);
      expect(errorLine(main.stdout)).toContain(
        'the login token is a batch token, and Vault lets no batch token create a child token: give the role token_type=service, or set vault-child-token: false',
      );
      expect(main.env['VAULT_TOKEN_FILE']).toBeUndefined();
      expectNoLeaks(job, [parent]);
    });

    it('a batch login token with exportToken: the batch token itself, with a warning', async () => {
      const { main, parent, job } = await batchCase({ exportToken: 'true' });
      expect(main.exitCode, main.stdout).toBe(0);
      expect(main.stdout).toMatch(/::warning::exportToken\/outputToken: the login token is a batch token/);
      expect(main.env['VAULT_TOKEN'] === parent).toBe(true);
      expectNoLeaks(job, [parent], { allowOutputs: true });
    });
  },
);
