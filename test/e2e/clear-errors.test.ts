// Clear errors, never a raw one (issue 15 §8), through dist/: a header value Node would refuse,
// a name too long for a file, a plain-HTTP proxy refusing its credentials, and hostile key names
// in the summary. Each error names the input (or the secrets line) and the fix, never the value;
// post still exits 0 and leaves nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Job, ROOT } from '../runner/job.js';
import { findIn } from '../runner/leaks.js';
import {
  allSecretValues,
  errorLine,
  expectGone,
  expectNoLeaks,
  postIfMissed,
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
  await postIfMissed(job, fx.server);
  job.dispose();
  await fx.server.close();
});

const approle = (extra: Record<string, string> = {}): Record<string, string> => ({
  'vault-addr': fx.server.url,
  'vault-method': 'approle',
  'vault-role-id': fx.approle.roleId,
  'vault-secret-id': fx.approle.secretId,
  secrets: 'secret/ci/app password | PW',
  ...extra,
});

/** Failed before any request, printed none of `values`, and post exits 0 with nothing left. */
async function expectRefused(main: Awaited<ReturnType<Job['main']>>, values: readonly string[]): Promise<void> {
  expect(main.exitCode, main.stdout).toBe(1);
  expect(fx.server.requests).toEqual([]);
  const post = await job.post();
  expect(post.exitCode, post.stdout).toBe(0);
  for (const v of values)
    for (const step of job.steps)
      expect(findIn(step.stdout + step.stderr, v), `${step.step} shows the value`).toEqual([]);
  expectNoLeaks(job, [...allSecretValues(fx, job), ...values]);
}

describe('a header value an HTTP header cannot carry', () => {
  const gateway = 'gw-token-3f9a1c7e5b';
  it.each([
    ['a CR', 'vault-extra-headers', `X-Corp-Gateway: ${gateway}\rX-Injected: 1`],
    ['a character outside Latin-1', 'vault-extra-headers', `X-Corp-Gateway: ${gateway}\u2603`],
    ['a CR, as vault-action spells the input', 'extraHeaders', `X-Corp-Gateway: ${gateway}\rX-Injected: 1`],
  ])('%s in %s: names the input and the header, never the value', async (_, input, headers) => {
    const inputs =
      input === 'extraHeaders'
        ? {
            url: fx.server.url,
            token: fx.server.rootToken,
            secrets: 'secret/data/ci/app password | PW',
            extraHeaders: headers,
          }
        : approle({ 'vault-extra-headers': headers });
    const main = await job.main(inputs);
    expect(errorLine(main.stdout)).toBe(
      `::error::vault-secrets-action: ${input} line 1: the value of X-Corp-Gateway holds a line break, a control character or a character outside Latin-1, which an HTTP header cannot carry: remove it, or give the value encoded (e.g. base64) if the server expects that.`,
    );
    expect(main.stdout + main.stderr).not.toMatch(/TypeError|ERR_INVALID_CHAR/);
    await expectRefused(main, [gateway]);
  });
});

describe('a name too long for a file', () => {
  it('a 300-character NAME in the spec: names the secrets line and the secret, before any request', async () => {
    const name = `L_${'K'.repeat(298)}`;
    const main = await job.main(approle({ secrets: `secret/ci/app password | PW\nsecret/ci/app api_key | ${name}` }));
    expect(errorLine(main.stdout)).toMatch(
      /^::error::vault-secrets-action: secrets line 2: name L_K{58}… \(300 characters\) from `secret\/ci\/app api_key \| L_K{34}…` is longer than 255, the most a file name may be, and each secret is also a file — give that key a shorter NAME on a line of its own \(`path "key" \| NAME`\)/,
    );
    expect(main.stdout + main.stderr).not.toContain('ENAMETOOLONG');
    await expectRefused(main, []);
  });

  it('a 300-character key from Vault under `*`: the same error, no file written, nothing left', async () => {
    const key = 'k'.repeat(300);
    const value = 'long-key-value-5d1e0b7a';
    fx.server.putKv('', 'secret', 'ci/long', { [key]: value });
    const main = await job.main(approle({ secrets: 'secret/ci/app password | PW\nsecret/ci/long * | L_' }));
    expect(main.exitCode, main.stdout).toBe(1);
    expect(errorLine(main.stdout)).toMatch(
      /^::error::vault-secrets-action: secrets line 2: name L_K{58}… \(302 characters\) from `secret\/ci\/long#k{45}…` is longer than 255, the most a file name may be/,
    );
    expect(main.stdout + main.stderr).not.toContain('ENAMETOOLONG');
    expect(main.env).toEqual({
      VAULT_SECRETS_SESSION: expect.any(String) as string,
      VAULT_SECRETS_SESSIONS: expect.any(String) as string,
    });
    const root = sessionRoot(main);
    const post = await job.post();
    expect(post.exitCode, post.stdout).toBe(0);
    expectGone(root);
    expectNoLeaks(job, [...allSecretValues(fx, job), value]);
  });
});

describe('a proxy that answers 407 to a plain-HTTP Vault request', () => {
  it('says the proxy refused its credentials and names HTTP_PROXY, without the password', async () => {
    const password = 'proxy-pass-8c2d4e6f';
    const seen: string[] = [];
    const proxy = http.createServer((req, res) => {
      seen.push(`${req.method ?? ''} ${req.url ?? ''}`);
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="corp"', 'Content-Type': 'text/html' });
      res.end('<html>Proxy Authentication Required</html>');
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const port = (proxy.address() as AddressInfo).port;
      const main = await job.main(approle(), { env: { HTTP_PROXY: `http://ci:${password}@127.0.0.1:${port}` } });
      expect(errorLine(main.stdout)).toMatch(
        /^::error::vault-secrets-action: Vault login \(approle\) auth\/approle\/login: could not reach Vault at http:\/\/127\.0\.0\.1:\d+: EPROXY \(the proxy 127\.0\.0\.1:\d+ refused POST \/v1\/auth\/approle\/login to http:\/\/127\.0\.0\.1:\d+: HTTP 407: it refused the credentials in HTTP_PROXY: check HTTP_PROXY, its credentials, or list 127\.0\.0\.1 in NO_PROXY\)/,
      );
      expect(main.stdout).not.toContain('response was not JSON');
      expect(seen).toHaveLength(1); // a refusal is not retried
      await expectRefused(main, [password, Buffer.from(`ci:${password}`).toString('base64')]);
    } finally {
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
    }
  });
});

describe('hostile key names in the summary', () => {
  /** The characters README's "No markup in the summary" says become entities. */
  function claimed(): string[] {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\n\s*/g, ' ');
    const sentence = /markdown's (.*?) and line breaks as entities/.exec(readme)?.[1] ?? '';
    return [...sentence.matchAll(/`` (`) ``|`([^`]+)`/g)].map((m) => m[1] ?? m[2] ?? '');
  }

  it('every character README says becomes an entity does, in a source from Vault; none opens markup', async () => {
    const chars = claimed();
    expect(chars).toEqual(['|', '`', '*', '~', '[', ']', '\\']);
    const key = `[x](https://e.test/${chars.join('')})<img src=y>_a_!#`;
    fx.server.putKv('', 'secret', 'ci/md', { [key]: 'md-value-0b9f3a' });
    const main = await job.main(approle({ secrets: 'secret/ci/md * | M_' }));
    expect(main.exitCode, main.stdout).toBe(0);
    const row = job.summary.split('\n').find((l) => l.includes('secret/ci/md')) ?? '';
    expect(row).not.toBe('');
    for (const c of [...chars, '<', '>']) {
      expect(row.includes(`&#${c.charCodeAt(0)};`), `${c} as an entity`).toBe(true);
      expect(row.replace(/<\/?(td|th|tr|table|tbody|thead)>/g, '').includes(c), `${c} raw`).toBe(false);
    }
    expect(row).toContain('_a_!#'); // as the README says: left as they are, harmless in a table cell
    expect((await job.post()).exitCode).toBe(0);
    expectNoLeaks(job, [...allSecretValues(fx, job), 'md-value-0b9f3a']);
  });
});
