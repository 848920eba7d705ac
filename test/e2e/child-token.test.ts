// The child-token cases (test/e2e/child-token-cases.ts) on the dev server: it must agree with
// OpenBao (test/openbao/child-token.test.ts) on policies, TTL, meta, uses and revocation.
import { randomBytes } from 'node:crypto';
import { startVaultDevServer } from '../vault-server/server.js';
import { describeChildTokens, RULES } from './child-token-cases.js';

let mounts = 0;

describeChildTokens('the dev server', true, async () => {
  const server = await startVaultDevServer();
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
});
