// A namespace that does not exist: Vault and OpenBao answer 404 "namespace not found"
// (test/conformance/ holds the dev server to that), and the error says which input to fix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Job } from '../runner/job.js';
import { findIn } from '../runner/leaks.js';
import { errorLine, expectGone, sessionRoot, startFixture, type Fixture } from './fixture.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await startFixture();
});
afterAll(async () => {
  await fx.server.close();
});

describe('a namespace that does not exist', () => {
  it('for the login: the error names the namespace and points at vault-auth-namespace', async () => {
    const job = new Job();
    try {
      const main = await job.main({
        'vault-addr': fx.server.url,
        'vault-method': 'approle',
        'vault-role-id': fx.approle.roleId,
        'vault-secret-id': fx.approle.secretId,
        'vault-auth-namespace': 'no-such-team',
        secrets: 'secret/ci/app password',
      });
      expect(main.exitCode).not.toBe(0);
      expect(errorLine(main.stdout)).toContain(
        'Vault login (approle) auth/approle/login (namespace no-such-team) failed with HTTP 404: namespace not found. Check vault-auth-namespace (and vault-namespace) and the auth mount path (vault-auth-path).',
      );
      expect(findIn(main.stdout + main.stderr, fx.approle.secretId)).toEqual([]);
      const post = await job.post();
      expect(post.exitCode).toBe(0);
      expectGone(sessionRoot(main));
    } finally {
      job.dispose();
    }
  });

  it('for the secrets: the error names the namespace and points at vault-namespace', async () => {
    const job = new Job();
    try {
      const main = await job.main({
        'vault-addr': fx.server.url,
        'vault-method': 'approle',
        // logs in to team-a (its own approle), reads in a child of it that does not exist
        'vault-role-id': fx.demo.approle.teamA.roleId,
        'vault-secret-id': fx.demo.approle.teamA.secretId,
        'vault-auth-namespace': 'team-a',
        'vault-namespace': 'team-a/no-such-team',
        secrets: 'secret/ci/app password',
      });
      expect(main.exitCode).not.toBe(0);
      expect(errorLine(main.stdout)).toContain(
        '(namespace team-a/no-such-team) failed with HTTP 404: namespace not found. Check vault-namespace: no such namespace',
      );
      expect(findIn(main.stdout + main.stderr, fx.demo.approle.teamA.secretId)).toEqual([]);
      const post = await job.post();
      expect(post.exitCode).toBe(0);
      expectGone(sessionRoot(main));
    } finally {
      job.dispose();
    }
  });
});
