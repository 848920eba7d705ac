// A 2xx reply whose JSON body is cut short is a fault on the way, not Vault's answer:
// retried like a 503, and if it persists reported as a malformed reply naming the
// operation and path, never as the user's mistake, and never read as something else
// (the mount lookup does not fall back to KV v1).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Job } from '../runner/job.js';
import {
  errorLine,
  allSecretValues,
  expectGone,
  expectNoLeaks,
  sessionRoot,
  startFixture,
  type Fixture,
} from './fixture.js';

let fx: Fixture;
let job: Job;
beforeEach(async () => {
  fx = await startFixture();
  job = new Job();
});
afterEach(async () => {
  job.dispose();
  await fx.server.close();
});

const inputs = (extra: Record<string, string> = {}): Record<string, string> => ({
  'vault-addr': fx.server.url,
  'vault-method': 'approle',
  'vault-role-id': fx.approle.roleId,
  'vault-secret-id': fx.approle.secretId,
  secrets: 'secret/ci/app password | PW',
  ...extra,
});

const CASES = [
  {
    what: 'a read',
    path: 'secret/data/ci/app',
    error: /Vault read secret\/data\/ci\/app: Vault returned a malformed reply/,
  },
  {
    what: 'a login',
    path: 'auth/approle/login',
    error: /Vault login \(approle\) auth\/approle\/login: Vault returned a malformed reply/,
  },
  {
    what: 'the mount lookup',
    path: 'sys/internal/ui/mounts/secret',
    error: /Vault mount lookup sys\/internal\/ui\/mounts\/secret\/ci\/app: Vault returned a malformed reply/,
  },
] as const;

describe.each(CASES)('a truncated 200 on $what', ({ path, error }) => {
  it('once: retried, and the job goes on', async () => {
    fx.server.addFault({ path, truncate: true, times: 1 });
    const main = await job.main(inputs());
    expect(main.exitCode, main.stdout).toBe(0);
    expect(main.log).toMatch(/malformed reply \(HTTP 200, body not JSON\), try 2 of 5/);
    expect(readFileSync(`${main.outputs['files-dir']}/PW`, 'utf8') === fx.values.password).toBe(true);
    expect((await job.post()).exitCode).toBe(0);
    expectGone(sessionRoot(main));
    expectNoLeaks(job, allSecretValues(fx, job));
  });

  it('every time: fails as a malformed reply, after the retries, without blaming the input', async () => {
    fx.server.addFault({ path, truncate: true });
    const main = await job.main(inputs({ 'vault-retries': '2' }));
    expect(main.exitCode).toBe(1);
    const err = errorLine(main.stdout);
    expect(err).toMatch(error);
    expect(err).toMatch(/3 time\(s\) in a row/);
    expect(err).not.toMatch(/check that|not a folder|auth method|no data|no client token/i);
    expect(fx.server.requests.filter((r) => r.path.startsWith(path))).toHaveLength(3);
    // nothing read at the KV v1 spelling of the path, as a silent fallback would
    expect(fx.server.requests.some((r) => r.path === 'secret/ci/app')).toBe(false);
    expect((await job.post()).exitCode).toBe(0);
    expectGone(sessionRoot(main));
    expectNoLeaks(job, allSecretValues(fx, job));
  });
});
