// Opt-in deliveries (env-file, env, outputs), folders and versions, and TLS.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job } from '../runner/job.js';
import { startVaultDevServer } from '../vault-server/server.js';
import { expectGone, expectNoLeaks, sessionRoot, startFixture, type Fixture, exportedNames } from './fixture.js';
import { findIn } from '../runner/leaks.js';

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

const base = (extra: Record<string, string>): Record<string, string> => ({
  'vault-addr': fx.server.url,
  'vault-token': fx.server.rootToken,
  ...extra,
});

describe('deliveries', () => {
  it('env-file: a 0600 NAME=value file for docker --env-file, removed by post', async () => {
    const main = await job.main(
      base({ secrets: 'secret/ci/app * | APP_\nsecret/ci/odd unicode', deliver: 'env-file' }),
    );
    expect(main.exitCode, main.stdout).toBe(0);
    const path = main.outputs['env-file'] ?? '';
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    expect(
      text ===
        `APP_USERNAME=deploy-bot\nAPP_PASSWORD=${fx.values.password}\nAPP_API_KEY=${fx.values.apiKey}\nUNICODE=${fx.values.unicode}\n`,
    ).toBe(true);
    expect(main.outputs['files-dir']).toBeUndefined();
    await job.post();
    expectGone(sessionRoot(main));
    expectNoLeaks(job, Object.values(fx.values));
  });

  it('env-file refuses a multi-line value, naming it, and writes nothing', async () => {
    const main = await job.main(base({ secrets: 'secret/ci/tls "tls.key" | TLS_KEY', deliver: 'env-file' }));
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toMatch(
      /::error::vault-secrets-action: deliver env-file: TLS_KEY holds a line break.*Deliver it as files/,
    );
    await job.post();
    expectNoLeaks(job, [fx.values.pem]);
  });

  it('env and outputs: only on request, each with a warning saying why files are safer', async () => {
    const main = await job.main(base({ secrets: 'secret/ci/app password | PW', deliver: 'env, outputs' }));
    expect(main.exitCode, main.stdout).toBe(0);
    expect(main.env['PW'] === fx.values.password).toBe(true);
    expect(main.outputs['PW'] === fx.values.password).toBe(true);
    expect(main.stdout).toMatch(/::warning::deliver env: .*inherits them.*docker inspect/);
    expect(main.stdout).toMatch(/::warning::deliver outputs: .*drops any job output that holds a secret/);
    expect(main.masks).toContain(fx.values.password);
    await job.post();
    expectGone(sessionRoot(main));
  });

  it('a value shorter than the minimum is masked and delivered, with a warning naming it', async () => {
    fx.server.putKv('', 'secret', 'ci/pin', { pin: '4821' });
    const main = await job.main(base({ secrets: 'secret/ci/pin pin | PIN' }));
    expect(main.exitCode, main.stdout).toBe(0);
    expect(main.masks).toContain('4821');
    expect(main.stdout).toMatch(/::warning::PIN is shorter than 6 characters: it is masked/);
    expect(readFileSync(join(main.outputs['files-dir'] ?? '', 'PIN'), 'utf8')).toBe('4821');
    await job.post();
  });

  it.each(['PATH', 'NODE_OPTIONS', 'GITHUB_TOKEN', 'LD_PRELOAD', 'BASH_ENV'])(
    'env refuses names the runner relies on: %s',
    async (name) => {
      const main = await job.main(base({ secrets: `secret/ci/app password | ${name}`, deliver: 'env' }));
      expect(main.exitCode).toBe(1);
      expect(main.stdout).toMatch(
        new RegExp(
          `::error::vault-secrets-action: deliver env: ${name} would replace a variable that changes how later programs run`,
        ),
      );
      // at most the session path for a later guard step: no secret reached the environment
      expect(exportedNames(main)).toEqual([]);
      await job.post();
    },
  );

  it.each([
    ['env', 'GITHUB_ENV'],
    ['outputs', 'GITHUB_OUTPUT'],
  ])(
    '%s refuses to run without the runner files (%s): the value would be printed as a command',
    async (deliver, file) => {
      const main = await job.main(base({ secrets: 'secret/ci/app password | PW', deliver }), { unset: [file] });
      expect(main.exitCode).toBe(1);
      expect(main.stdout).toMatch(new RegExp(`::error::vault-secrets-action: deliver ${deliver}: ${file} is not set`));
      expect(main.commands.filter((c) => c.properties['name'] === 'PW')).toEqual([]);
      expect(findIn(main.stdout, fx.values.password)).toEqual([]);
      await job.post();
    },
  );
});

describe('paths', () => {
  it('a folder: every secret under it with derived names; a KV v2 version', async () => {
    fx.server.putKv('', 'secret', 'ci/folder/one', { key: 'first-value-1' });
    fx.server.putKv('', 'secret', 'ci/folder/two', { key: 'second-value-2' });
    fx.server.putKv('', 'secret', 'ci/versioned', { v: 'version-one-value' });
    fx.server.putKv('', 'secret', 'ci/versioned', { v: 'version-two-value' });
    const main = await job.main(
      base({ secrets: 'secret/ci/folder/ * | F_\nsecret/ci/versioned?version=1 v | V1\nsecret/ci/versioned v | V2' }),
    );
    expect(main.exitCode, main.stdout).toBe(0);
    const dir = main.outputs['files-dir'] ?? '';
    expect(readFileSync(join(dir, 'F_ONE_KEY'), 'utf8')).toBe('first-value-1');
    expect(readFileSync(join(dir, 'F_TWO_KEY'), 'utf8')).toBe('second-value-2');
    expect(readFileSync(join(dir, 'V1'), 'utf8')).toBe('version-one-value');
    expect(readFileSync(join(dir, 'V2'), 'utf8')).toBe('version-two-value');
    await job.post();
  });

  it('derived names that clash fail, naming both', async () => {
    fx.server.putKv('', 'secret', 'ci/clash', { 'a-b': 'value-one-xx', a_b: 'value-two-yy' });
    const main = await job.main(base({ secrets: 'secret/ci/clash *' }));
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toMatch(/::error::vault-secrets-action: secrets line 1: name A_B/);
    await job.post();
  });
});

describe('TLS', () => {
  it('verifies the server with vault-ca-cert, presents a client certificate, and refuses an unknown CA', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tls-'));
    try {
      const ssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
      ssl(
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        'ca.key',
        '-out',
        'ca.pem',
        '-days',
        '1',
        '-subj',
        '/CN=test-ca',
      );
      writeFileSync(join(dir, 'ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
      for (const who of ['server', 'client']) {
        ssl(
          'req',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          `${who}.key`,
          '-out',
          `${who}.csr`,
          '-subj',
          `/CN=${who}`,
        );
        ssl(
          'x509',
          '-req',
          '-in',
          `${who}.csr`,
          '-CA',
          'ca.pem',
          '-CAkey',
          'ca.key',
          '-CAcreateserial',
          '-out',
          `${who}.pem`,
          '-days',
          '1',
          '-extfile',
          'ext',
        );
      }
      const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
      const server = await startVaultDevServer({
        tls: { key: read('server.key'), cert: read('server.pem'), ca: read('ca.pem'), requestClientCert: true },
      });
      try {
        server.mountKv('', 'secret', 2);
        server.putKv('', 'secret', 'ci/app', { password: 'over-tls-secret-value' });
        const inputs = {
          'vault-addr': server.url,
          'vault-token': server.rootToken,
          secrets: 'secret/ci/app password | PW',
        };
        const ok = await job.main({
          ...inputs,
          'vault-ca-cert': join(dir, 'ca.pem'),
          'vault-client-cert': read('client.pem'),
          'vault-client-key': Buffer.from(read('client.key')).toString('base64'),
        });
        expect(ok.exitCode, ok.stdout).toBe(0);
        expect(ok.masks).toContain(read('client.key'));
        await job.post();
        expectNoLeaks(job, [read('client.key'), 'over-tls-secret-value']);

        // verification off: it connects, and says loudly what that costs
        const job3 = new Job();
        try {
          const skip = await job3.main({
            ...inputs,
            'vault-tls-skip-verify': 'true',
            'vault-client-cert': read('client.pem'),
            'vault-client-key': join(dir, 'client.key'),
          });
          expect(skip.exitCode, skip.stdout).toBe(0);
          expect(skip.stdout).toMatch(
            /::warning::vault-tls-skip-verify is on: the Vault server certificate is not checked/,
          );
          await job3.post();
        } finally {
          job3.dispose();
        }

        const job2 = new Job();
        try {
          // a valid client certificate, so only the server's unknown CA can stop it
          const bad = await job2.main({
            ...inputs,
            'vault-retries': '0',
            'vault-client-cert': read('client.pem'),
            'vault-client-key': join(dir, 'client.key'),
          });
          expect(bad.exitCode).toBe(1);
          expect(bad.stdout).toMatch(
            /::error::.*could not reach Vault at https:\/\/127\.0\.0\.1:\d+: (UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY) \(TLS: give vault-ca-cert/,
          );
          await job2.post();
        } finally {
          job2.dispose();
        }
      } finally {
        await server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
