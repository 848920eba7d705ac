// ci.yml's every-OS job proves on each runner OS that post removed the session folder,
// through the local helper action .github/actions/assert-removed: used before the action,
// its post runs after the action's post. Here the same sequence runs on Linux against the
// dev server: the helper fails while a session folder is left, and passes after a real post.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Job, ROOT } from '../runner/job.js';
import { sessionRoot, startFixture, type Fixture } from './fixture.js';

const HELPER = join(ROOT, '.github/actions/assert-removed');

let fx: Fixture;
beforeAll(async () => {
  fx = await startFixture();
});
afterAll(async () => {
  await fx.server.close();
});

describe('the removal watch used by ci.yml', () => {
  it.each([
    ['/dev/shm', undefined],
    ['RUNNER_TEMP (where macOS and Windows runners put it)', 'runner-temp'],
  ])('fails while the session folder in %s is left, passes once post removed it', async (_where, base) => {
    const job = new Job();
    const watch = new Job({ RUNNER_TEMP: job.runnerTemp }, HELPER);
    try {
      expect((await watch.main({})).exitCode).toBe(0);
      const main = await job.main({
        'vault-addr': fx.server.url,
        'vault-method': 'approle',
        'vault-role-id': fx.approle.roleId,
        'vault-secret-id': fx.approle.secretId,
        secrets: 'secret/ci/app password | PW',
        ...(base ? { 'files-base-dir': job.runnerTemp } : {}),
      });
      expect(main.exitCode, main.stdout + main.stderr).toBe(0);
      const env = { VAULT_SECRETS_SESSIONS: main.env['VAULT_SECRETS_SESSIONS'] ?? '' };
      const root = sessionRoot(main);
      expect(JSON.parse(env.VAULT_SECRETS_SESSIONS)).toEqual([root]);
      // the default base: /dev/shm on Linux, RUNNER_TEMP on the macOS runner ci.yml runs this on too
      expect(root.startsWith(base || process.platform !== 'linux' ? job.runnerTemp : '/dev/shm/')).toBe(true);
      // what the log and the summary say of the place
      const note = root.startsWith('/dev/shm/') ? 'memory-backed (tmpfs)' : 'not memory-backed: on disk';
      expect(main.stdout.split('\n').find((l) => l.startsWith('Wrote 1 file(s)'))).toContain(`(${note}`);
      expect(job.summary).toContain(note);
      const early = await watch.post({ env });
      expect(early.exitCode).toBe(1);
      expect(early.stdout).toContain(`::error::after post: 1 of 1 session folder(s) left: ${root}`);
      expect((await job.post()).exitCode).toBe(0);
      const end = await watch.post({ env });
      expect(end.exitCode, end.stdout + end.stderr).toBe(0);
      expect(end.stdout).toContain('after post: all 1 session folder(s) of the job are removed');
      const none = await watch.post({ env: { VAULT_SECRETS_SESSIONS: '[]' } });
      expect(none.exitCode).toBe(1);
      expect(none.stdout).toContain('lists no session folder: nothing was checked');
    } finally {
      job.dispose();
      watch.dispose();
    }
  });
});
