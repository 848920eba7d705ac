// vault-pki end to end through dist/: real certificates from the dev server's PKI engine, delivered as
// files (and env/outputs on request) under vault-action's names, the private key masked in every form,
// the serial recorded in the session and the certificate revoked in post when asked.
import { afterEach, describe, expect, it } from 'vitest';
import { X509Certificate, createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Job } from '../runner/job.js';
import { DEMO } from '../vault-server/seed.js';
import { allSecretValues, expectGone, expectNoLeaks, sessionRoot, startFixture, type Fixture } from './fixture.js';
import { embeddedEncodings, hits } from './masks.js';
import { expectOnlyMeantCommands } from './trust-checks.js';
import { HOSTILE_TEXT } from '../vault-server/hostile.js';

const NOISY = { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1', DEBUG: '*' };

let fx: Fixture | undefined;
let job: Job | undefined;
let forwarder: Server | undefined;
afterEach(async () => {
  job?.dispose();
  await fx?.server.close();
  await new Promise((resolve) => forwarder?.close(resolve) ?? resolve(undefined));
  fx = job = forwarder = undefined;
});

/**
 * A hostile Vault in front of the dev server: every request goes through as it is, and the
 * JSON reply of `path` is rewritten by `edit`. Returns its address.
 */
async function rewriting(target: string, path: string, edit: (body: Record<string, unknown>) => void): Promise<string> {
  forwarder = createServer((req, res) => {
    const up = request(`${target}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (reply) => {
      const chunks: Buffer[] = [];
      reply.on('data', (c: Buffer) => chunks.push(c));
      reply.on('end', () => {
        let body = Buffer.concat(chunks).toString('utf8');
        if ((req.url ?? '').endsWith(path)) {
          const doc = JSON.parse(body) as Record<string, unknown>;
          edit(doc);
          body = JSON.stringify(doc);
        }
        const headers = { ...reply.headers, 'content-length': String(Buffer.byteLength(body)) };
        res.writeHead(reply.statusCode ?? 502, headers).end(body);
      });
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve) => forwarder?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(forwarder.address() as AddressInfo).port}`;
}

async function setUp(): Promise<{ fx: Fixture; job: Job; caPem: string; inputs: Record<string, string> }> {
  fx = await startFixture();
  job = new Job(NOISY);
  const caPem = fx.server.mountPki('', 'pki', { web: { allowedDomains: ['example.com'], allowSubdomains: true } });
  fx.server.addPolicy('', 'pki-issuer', [
    { path: 'pki/issue/web', capabilities: ['update'] },
    { path: 'pki/revoke', capabilities: ['update'] },
  ]);
  const roleId = `pki-${randomBytes(8).toString('hex')}`;
  const secretId = randomBytes(18).toString('base64url');
  fx.server.enableAppRole('', 'approle', 'pki', { roleId, secretId, policies: [DEMO.policy, 'pki-issuer'] });
  const inputs = {
    'vault-addr': fx.server.url,
    'vault-method': 'approle',
    'vault-role-id': roleId,
    'vault-secret-id': secretId,
  };
  return { fx, job, caPem, inputs };
}

describe('vault-pki', () => {
  it('issues a certificate, delivers cert, key and CA as files, masks the key, revokes in post', async () => {
    const s = await setUp();
    const main = await s.job.main({
      ...s.inputs,
      secrets: 'secret/ci/app password | PW',
      'vault-pki': 'pki/issue/web {"common_name": "app.example.com", "ttl": "1h"} | WEB ;',
      'vault-pki-revoke': 'true',
    });
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    const dir = main.outputs['files-dir'] ?? '';
    const read = (n: string): string => readFileSync(join(dir, n), 'utf8');
    expect((main.outputs['names'] ?? '').split(' ').sort()).toEqual([
      'PW',
      'WEB_CA',
      'WEB_CA_CHAIN',
      'WEB_CERT',
      'WEB_KEY',
    ]);
    const cert = new X509Certificate(read('WEB_CERT'));
    expect(cert.subject).toContain('CN=app.example.com');
    expect(cert.verify(new X509Certificate(s.caPem).publicKey)).toBe(true);
    expect(read('WEB_CA').trim()).toBe(s.caPem.trim());
    expect(read('WEB_CA_CHAIN').trim()).toBe(s.caPem.trim());
    const key = read('WEB_KEY');
    // the key belongs to the certificate
    expect(createPublicKey(createPrivateKey(key)).export({ type: 'spki', format: 'pem' })).toBe(
      cert.publicKey.export({ type: 'spki', format: 'pem' }),
    );
    // the key is masked whole, line by line and in its encodings, before the issue is reported
    const lines = main.stdout.split('\n');
    const issuedAt = lines.findIndex((l) => l.startsWith('Issued certificate WEB'));
    expect(issuedAt).toBeGreaterThan(-1);
    const keyMask = lines.indexOf(`::add-mask::${key.split('\n')[1] ?? ''}`);
    expect(keyMask).toBeGreaterThan(-1);
    expect(keyMask).toBeLessThan(issuedAt);
    expect(main.masks).toContain(key);
    for (const e of embeddedEncodings(key)) expect(hits(main.masks, e.text), e.form).toBe(true);
    // the serial is in the log and the session, never the key
    const [issued] = s.fx.server.pkiCertificates('', 'pki');
    expect(issued?.revoked).toBe(false);
    expect(main.stdout).toContain(`(serial ${issued?.serial ?? '?'})`);
    expect(readFileSync(join(sessionRoot(main), 'private', 'certificates'), 'utf8')).toBe(
      `pki ${issued?.serial ?? '?'}\n`,
    );

    const post = await s.job.post();
    expect(post.exitCode, post.stdout + post.stderr).toBe(0);
    expect(s.fx.server.pkiCertificates('', 'pki')).toEqual([{ serial: issued?.serial, revoked: true }]);
    expect(s.job.summary).toContain('revoked 1 of 1 certificate(s)');
    expectGone(sessionRoot(main));
    expectNoLeaks(s.job, [...allSecretValues(s.fx, s.job), key]);
  });

  it("delivers vault-action's env names on request, and keeps the certificate without vault-pki-revoke", async () => {
    const s = await setUp();
    const main = await s.job.main({
      ...s.inputs,
      'vault-pki': 'pki/issue/web {"common_name": "ci.example.com"}',
      deliver: 'files env',
    });
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    expect(main.env['WEB_KEY']).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(main.env['WEB_CERT']).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(Object.keys(main.env)).toEqual(expect.arrayContaining(['WEB_CA', 'WEB_CA_CHAIN']));
    const post = await s.job.post();
    expect(post.exitCode).toBe(0);
    expect(s.fx.server.pkiCertificates('', 'pki').map((c) => c.revoked)).toEqual([false]);
    expect(s.fx.server.requests.some((r) => r.path === 'pki/revoke')).toBe(false);
  });

  it('a refused request and a garbled reply are clear errors; bad lines are input errors', async () => {
    const s = await setUp();
    const refused = await s.job.main({ ...s.inputs, 'vault-pki': 'pki/issue/web {"common_name": "evil.org"}' });
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toMatch(/::error::.*pki\/issue\/web.*common name evil.org not allowed by this role/);
    await s.job.post();

    s.fx.server.addFault({ path: 'pki/issue/web', status: 200, errors: ['::error::owned'] });
    const garbled = new Job(NOISY);
    try {
      const main = await garbled.main({ ...s.inputs, 'vault-pki': 'pki/issue/web {"common_name": "a.example.com"}' });
      expect(main.exitCode).toBe(1);
      expect(main.stdout).toContain(
        '::error::vault-secrets-action: vault-pki entry 1: pki/issue/web returned no private_key',
      );
      expect(main.stdout).not.toMatch(/^\s*::error::owned/m);
      await garbled.post();
    } finally {
      garbled.dispose();
    }

    for (const [line, message] of [
      ['pki/issue/web common_name=x', /vault-pki entry 1 is not "pki\/issue\/ROLE \{JSON parameters\} \| NAME"/],
      ['pki/roles/web {"common_name": "a.example.com"}', /vault-pki entry 1: pki\/roles\/web is not an issue endpoint/],
      ['pki/issue/web {"common_name": }', /vault-pki entry 1: the parameters are not valid JSON/],
      ['pki/issue/web {"common_name": "a.example.com"} | 9BAD', /vault-pki entry 1: "9BAD" is not a usable name/],
    ] as const) {
      const bad = new Job(NOISY);
      try {
        const before = s.fx.server.requests.length;
        const main = await bad.main({ ...s.inputs, 'vault-pki': line });
        expect(main.exitCode).toBe(1);
        expect(main.stdout).toMatch(message);
        expect(s.fx.server.requests.length).toBe(before);
      } finally {
        bad.dispose();
      }
    }
  });

  it('a serial number with a line break (injected records) is refused: post revokes nothing it names', async () => {
    const s = await setUp();
    s.fx.server.mountPki('', 'other', { web: { allowedDomains: ['example.com'], allowSubdomains: true } });
    const url = await rewriting(s.fx.server.url, '/pki/issue/web', (body) => {
      const data = body['data'] as Record<string, unknown>;
      data['serial_number'] = `${String(data['serial_number'])}\nother 0a:0b`;
    });
    const main = await s.job.main({
      ...s.inputs,
      'vault-addr': url,
      'vault-pki': 'pki/issue/web {"common_name": "app.example.com"} | WEB',
      'vault-pki-revoke': 'true',
    });
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toMatch(
      /::error::vault-secrets-action: vault-pki entry 1: pki\/issue\/web returned no serial_number/,
    );
    const root = sessionRoot(main);
    const post = await s.job.post({ env: { VAULT_ADDR: url } });
    expect(post.exitCode, post.stdout).toBe(0);
    expect(s.fx.server.requests.filter((r) => r.path.endsWith('/revoke')).map((r) => r.path)).toEqual([]);
    expectOnlyMeantCommands(main);
    expectGone(root);
  });

  it('a certificate revocation Vault refuses with hostile text: post warns, inert, and still removes every file', async () => {
    const s = await setUp();
    const main = await s.job.main({
      ...s.inputs,
      'vault-retries': '0',
      'vault-pki': 'pki/issue/web {"common_name": "app.example.com"} | WEB',
      'vault-pki-revoke': 'true',
    });
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    const root = sessionRoot(main);
    s.fx.server.addFault({ path: 'pki/revoke', status: 500, errors: [HOSTILE_TEXT] });
    const post = await s.job.post();
    expect(post.exitCode, post.stdout).toBe(0);
    const warning =
      post.stdout.split('\n').find((l) => l.includes('The certificate stays valid until it expires')) ?? '';
    expect(warning, 'the hostile error text is quoted, inert').toContain('stop-commands');
    expect(warning).not.toContain('##[');
    expectOnlyMeantCommands(post);
    expectGone(root);
    expect(s.fx.server.pkiCertificates('', 'pki').every((c) => !c.revoked)).toBe(true);
  });
});
