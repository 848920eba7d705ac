// @actions/cache through the bundled action against a local cache service (twirp
// routes in front of Azurite): a clean cache is saved and restored by a later job, a
// dirty one is refused, and no service means a notice, not a failure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Job } from '../runner/job.js';
import { findIn } from '../runner/leaks.js';
import { startCacheService, type CacheService } from '../cache-server/server.js';
import { startFixture, type Fixture } from './fixture.js';

let fx: Fixture;
let svc: CacheService;
beforeAll(async () => {
  fx = await startFixture();
  svc = await startCacheService();
});
afterAll(async () => {
  await svc.close();
  await fx.server.close();
});

const vault = (): Record<string, string> => ({
  'vault-addr': fx.server.url,
  'vault-token': fx.server.rootToken,
  secrets: 'secret/ci/app password | PW',
});

describe('cache saved only when clean', () => {
  it('a clean cache is scanned, saved, and restored on its key by the next job', async () => {
    const key = `deps-${randomBytes(4).toString('hex')}`;
    const first = new Job(svc.env);
    try {
      const main = await first.main({ ...vault(), 'cache-paths': '.cache/deps', 'cache-key': key });
      expect(main.exitCode, main.stdout).toBe(0);
      expect(main.outputs['cache-hit']).toBe('false');
      mkdirSync(join(first.workspace, '.cache/deps'), { recursive: true });
      writeFileSync(join(first.workspace, '.cache/deps/lib.js'), 'module.exports = 42;\n');
      const post = await first.post({ timeoutMs: 60_000 });
      expect(post.exitCode, post.stdout + post.stderr).toBe(0);
      expect(first.summary).toContain(`cache ${key}: scanned clean and saved`);
      expect(svc.entries().filter((e) => e.key === key && e.finalized)).toHaveLength(1);
    } finally {
      first.dispose();
    }

    const second = new Job(svc.env);
    try {
      const main = await second.main(
        { ...vault(), 'cache-paths': '.cache/deps', 'cache-key': key },
        { timeoutMs: 60_000 },
      );
      expect(main.exitCode, main.stdout).toBe(0);
      expect(main.outputs['cache-hit']).toBe('true');
      expect(readFileSync(join(second.workspace, '.cache/deps/lib.js'), 'utf8')).toBe('module.exports = 42;\n');
      const post = await second.post();
      expect(post.exitCode).toBe(0);
      expect(second.summary).toContain(`cache ${key}: restored on this exact key, not saved again`);
    } finally {
      second.dispose();
    }
  });

  it('a cache holding a secret is not saved, and the step says why', async () => {
    const key = `dirty-${randomBytes(4).toString('hex')}`;
    const job = new Job(svc.env);
    try {
      const main = await job.main({ ...vault(), 'cache-paths': '.cache/build', 'cache-key': key });
      expect(main.exitCode, main.stdout).toBe(0);
      const pw = readFileSync(job.env['PW_FILE'] ?? '', 'utf8');
      mkdirSync(join(job.workspace, '.cache/build'), { recursive: true });
      writeFileSync(join(job.workspace, '.cache/build/state.json'), JSON.stringify({ lastLogin: { password: pw } }));
      const post = await job.post({ timeoutMs: 60_000 });
      expect(post.exitCode).toBe(1);
      expect(post.stdout).toMatch(new RegExp(`::warning::cache ${key} NOT saved: the leak guard found 1 secret hit`));
      expect(post.stdout).toMatch(
        /::error title=Leaked secret,file=.*state\.json,line=1::secret PW \(as json-escape\)/,
      );
      expect(svc.entries().some((e) => e.key === key)).toBe(false);
      expect(job.summary).toContain(`cache ${key}: not saved, 1 secret hit(s) in its paths`);
      for (const step of job.steps) expect(findIn(step.stdout + step.stderr, pw)).toEqual([]);
      expect(findIn(job.summary, pw)).toEqual([]);
    } finally {
      job.dispose();
    }
  });

  it('without a cache service (act, or no ACTIONS_RESULTS_URL) caching is skipped with a notice', async () => {
    const job = new Job();
    try {
      const main = await job.main({ ...vault(), 'cache-paths': '.cache/x', 'cache-key': 'k' });
      expect(main.exitCode, main.stdout).toBe(0);
      expect(main.stdout).toMatch(/::notice::cache: no cache service on this runner \(no ACTIONS_RESULTS_URL\)/);
      mkdirSync(join(job.workspace, '.cache/x'), { recursive: true });
      const post = await job.post();
      expect(post.exitCode).toBe(0);
      expect(job.summary).toContain('cache: not saved (no cache service on this runner (no ACTIONS_RESULTS_URL))');
      expect(existsSync(join(job.workspace, '.cache/x'))).toBe(true);
    } finally {
      job.dispose();
    }
  });

  it('under act (ACT=true, v1-only ACTIONS_CACHE_URL) caching is skipped with a notice and the v1 URL is never called', async () => {
    const calls: string[] = [];
    const v1 = createServer((req, res) => {
      calls.push(`${req.method ?? ''} ${req.url ?? ''}`);
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => v1.listen(0, '127.0.0.1', resolve));
    const { port } = v1.address() as AddressInfo;
    // what act gives a step: ACT and a v1 cache URL, no v2 service
    const job = new Job({ ACT: 'true', ACTIONS_CACHE_URL: `http://127.0.0.1:${port}/`, ACTIONS_RUNTIME_TOKEN: 'act' });
    try {
      const main = await job.main({ ...vault(), 'cache-paths': '.cache/act', 'cache-key': 'act-k' });
      expect(main.exitCode, main.stdout).toBe(0);
      expect(main.stdout).toContain(
        '::notice::cache: act: its cache server speaks only the retired v1 protocol: restore and save are skipped.',
      );
      expect(main.outputs['cache-hit']).toBe('false');
      mkdirSync(join(job.workspace, '.cache/act'), { recursive: true });
      writeFileSync(join(job.workspace, '.cache/act/dep.js'), 'x\n');
      const post = await job.post();
      expect(post.exitCode, post.stdout).toBe(0);
      expect(job.summary).toContain('cache: not saved (act: its cache server speaks only the retired v1 protocol)');
      expect(calls).toEqual([]);
    } finally {
      job.dispose();
      await new Promise((resolve) => v1.close(resolve));
    }
  });
});
