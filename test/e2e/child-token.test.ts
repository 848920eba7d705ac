// The child-token cases (test/e2e/child-token-cases.ts) on the dev server: it must agree with
// OpenBao (test/openbao/child-token.test.ts) on policies, TTL, meta, uses and revocation.
import { expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Job } from '../runner/job.js';
import { startVaultDevServer, type VaultDevServer } from '../vault-server/server.js';
import { describeChildTokens, RULES, type ChildPeer } from './child-token-cases.js';
import { expectInertSummary, expectOnlyMeantCommands } from './trust-checks.js';
import { expectNoLeaks } from './fixture.js';

let mounts = 0;
let server: VaultDevServer;

describeChildTokens('the dev server', true, start, (peer) => {
  it('a hostile Vault: the policies it names for the child reach the log and the summary inert', async () => {
    const login = await peer().login(['ci-app', 'ci-mint']);
    server.setHostile(true);
    try {
      const job = new Job();
      const main = await job.main({ 'vault-addr': peer().addr, ...login.inputs, 'vault-token-delivery': 'files' });
      expect(main.exitCode, main.stdout).toBe(0);
      const child = readFileSync(main.env['VAULT_TOKEN_FILE'] ?? '', 'utf8');
      expect(main.log).toMatch(
        /Later steps got a child token of the login token .*policies ci-app, ci-mint, default, /,
      );
      expect(job.summary).toContain('Later steps got a child token');
      const post = await job.post();
      expect(post.exitCode, post.stdout).toBe(0);
      for (const step of job.steps) expectOnlyMeantCommands(step);
      expectInertSummary(job.summary);
      expect(server.isTokenRevoked(child)).toBe(true);
      expectNoLeaks(job, [child, login.password]);
    } finally {
      server.setHostile(false);
    }
  });
});

async function start(): Promise<ChildPeer> {
  server = await startVaultDevServer();
  return {
    addr: server.url,
    setup: async ({ app, other }) => {
      server.mountKv('', 'secret', 2);
      server.putKv('', 'secret', 'ci/app', { password: app });
      server.putKv('', 'secret', 'ci/other', { password: other });
      for (const [name, rule] of Object.entries(RULES))
        server.addPolicy('', name, [{ ...rule, capabilities: [...rule.capabilities] }]);
      await Promise.resolve();
    },
    login: async (policies) => {
      const mount = `userpass${++mounts}`;
      const password = `pw-${randomBytes(18).toString('base64url')}`;
      server.enableUserpass('', mount, { ci: { password, policies: [...policies] } });
      await Promise.resolve();
      return {
        password,
        inputs: {
          'vault-method': 'userpass',
          'vault-auth-path': mount,
          'vault-username': 'ci',
          'vault-password': password,
        },
      };
    },
    token: async (policies) => Promise.resolve(server.createToken({ policies: [...policies] })),
    // lookup-self with the token itself: the dev server has no lookup of another token
    lookup: async (token) => {
      const r = await fetch(`${server.url}/v1/auth/token/lookup-self`, { headers: { 'X-Vault-Token': token } });
      const body = (await r.json()) as { data?: Record<string, unknown> };
      return r.status === 200 ? body.data : undefined;
    },
    stop: () => server.close(),
  };
}
