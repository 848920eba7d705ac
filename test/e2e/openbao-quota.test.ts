// The action through dist/ against a real OpenBao whose rate-limit quota answers 429.
// OpenBao sends "Retry-After: 0" with every 429 of a 1 s window (whole seconds, rounded
// down) while the window is still closed: taken as the wait, it spent every retry at
// once and failed the step. The bench's load run (npm run bench:load) showed it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peersReady } from '../peers/available.js';
import { startOpenBao, type OpenBao } from '../peers/openbao.js';
import { Job } from '../runner/job.js';
import { expectGone, expectNoLeaks, sessionRoot } from './fixture.js';

const ready = peersReady('openbao-quota', ['bao']);

describe.skipIf(!ready)('against OpenBao with a rate-limit quota', () => {
  let bao: OpenBao | undefined;
  const value = `quota-value-${Math.random().toString(36).slice(2)}`;

  const server = (): OpenBao => {
    if (!bao) throw new Error('OpenBao did not start');
    return bao;
  };

  beforeAll(async () => {
    bao = await startOpenBao();
    await bao.must('POST', 'sys/mounts/quota', { type: 'kv', options: { version: '2' } });
    for (const n of [0, 1, 2])
      for (let i = 0; ; i++) {
        // a new KV v2 mount upgrades its storage for a moment before it takes writes
        const r = await bao.api('POST', `quota/data/app${n}`, { data: { password: value } });
        if (r.status === 200) break;
        if (i > 50) throw new Error(`KV write: HTTP ${r.status} ${r.text}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    await bao.must('POST', 'sys/quotas/config', { enable_rate_limit_response_headers: true });
    // One request a second: of the three reads sent at once, two at least are refused.
    await bao.must('POST', 'sys/quotas/rate-limit/one-a-second', { rate: 1, interval: '1s' });
  }, 60_000);

  afterAll(async () => {
    await bao?.stop();
  });

  it('waits out the 429s OpenBao answers with "Retry-After: 0" and delivers the secret', async () => {
    const bao = server();
    // Two requests in one window, the second refused (a few tries: two may straddle windows).
    let limited = await bao.api('GET', 'quota/config');
    for (let i = 0; i < 5 && limited.status !== 429; i++) limited = await bao.api('GET', 'quota/config');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('0');
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the window the probes used

    const job = new Job();
    try {
      const main = await job.main(
        {
          'vault-addr': bao.addr,
          'vault-token': bao.rootToken,
          'vault-retries': '1', // a 429 spends none: it is waited out until vault-timeout
          secrets: [0, 1, 2].map((n) => `quota/data/app${n} password | PW${n}`).join('\n'),
        },
        { timeoutMs: 60_000 },
      );
      expect(main.exitCode, main.stdout).toBe(0);
      expect(main.log).toMatch(
        /quota\/data\/app\d: HTTP 429, try 2 in \d+ ms \(a rate limit: tried until vault-timeout\)/,
      );
      for (const n of [0, 1, 2])
        expect(readFileSync(`${main.outputs['files-dir']}/PW${n}`, 'utf8') === value).toBe(true);
      const post = await job.post({ timeoutMs: 60_000 });
      expect(post.exitCode, post.stdout).toBe(0);
      expectGone(sessionRoot(main));
      expectNoLeaks(job, [value]);
    } finally {
      // the runner runs post whatever main did: a failed main's session folder goes too
      if (job.steps.every((s) => s.step !== 'post')) await job.post({ timeoutMs: 60_000 });
      job.dispose();
    }
  }, 90_000);
});
