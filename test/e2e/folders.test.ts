// KV folders read recursively (vault-action #591) through dist/: `path/ **` and ?depth=N list the
// sub-folders with bounded concurrency, name values after their path below the folder, and stop with
// a clear error, before reading any value, past vault-folder-limit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Job } from '../runner/job.js';
import { expectGone, expectNoLeaks, sessionRoot, startFixture, type Fixture } from './fixture.js';

let fx: Fixture;
let job: Job;
const values: Record<string, string> = {};
beforeEach(async () => {
  fx = await startFixture();
  job = new Job({ ACTIONS_STEP_DEBUG: 'true' });
  for (const [path, key] of [
    ['tree/top', 'token'],
    ['tree/sub/mid', 'password'],
    ['tree/sub/deep/low', 'api_key'],
    ['tree/other/x', 'secret'],
  ] as const) {
    values[`${path}#${key}`] = `v-${randomBytes(12).toString('base64url')}`;
    fx.server.putKv('', 'secret', path, { [key]: values[`${path}#${key}`] });
  }
});
afterEach(async () => {
  job.dispose();
  await fx.server.close();
});

const inputs = (spec: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'vault-addr': fx.server.url,
  'vault-token': fx.server.rootToken,
  secrets: spec,
  ...extra,
});

describe('recursive KV folders', () => {
  it('`**` reads every sub-folder and names values after their relative path', async () => {
    const main = await job.main(inputs('secret/tree/ ** | T_'));
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    const names = (main.outputs['names'] ?? '').split(' ').sort();
    expect(names).toEqual(['T_OTHER_X_SECRET', 'T_SUB_DEEP_LOW_API_KEY', 'T_SUB_MID_PASSWORD', 'T_TOP_TOKEN']);
    const dir = main.outputs['files-dir'] ?? '';
    expect(readFileSync(join(dir, 'T_SUB_DEEP_LOW_API_KEY'), 'utf8')).toBe(values['tree/sub/deep/low#api_key']);
    expect(
      fx.server.requests
        .filter((r) => r.method === 'LIST')
        .map((r) => r.path)
        .sort(),
    ).toEqual([
      'secret/metadata/tree/',
      'secret/metadata/tree/other/',
      'secret/metadata/tree/sub/',
      'secret/metadata/tree/sub/deep/',
    ]);
    await job.post();
    expectGone(sessionRoot(main));
    expectNoLeaks(job, Object.values(values));
  });

  it('?depth=2 stops at the second level; a plain folder stays at the first', async () => {
    const main = await job.main(inputs('secret/tree/?depth=2 *\nsecret/tree/ | ONE_'));
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    expect((main.outputs['names'] ?? '').split(' ').sort()).toEqual([
      'ONE_TOP_TOKEN',
      'OTHER_X_SECRET',
      'SUB_MID_PASSWORD',
      'TOP_TOKEN',
    ]);
    await job.post();
  });

  it('past vault-folder-limit the step fails before reading any value', async () => {
    const main = await job.main(inputs('secret/tree/ **', { 'vault-folder-limit': '3' }));
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toContain(
      '::error::vault-secrets-action: secrets line 1: secret/tree/ holds more than 3 secrets within 3 level(s): pick a narrower folder or depth, or raise vault-folder-limit.',
    );
    expect(fx.server.requests.some((r) => r.path.startsWith('secret/data/'))).toBe(false);
    const post = await job.post();
    expect(post.exitCode).toBe(0);
    expectGone(sessionRoot(main));
  });

  it('a key the server lists that would step out of the folder is refused', async () => {
    fx.server.putKv('', 'secret', 'odd/%2e%2e/x', { k: 'value-that-must-not-be-read' });
    const main = await job.main(inputs('secret/odd/ **'));
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toContain('Vault listed an unusable key under secret/odd/');
    await job.post();
  });
});
