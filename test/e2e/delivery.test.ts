// Opt-in deliveries (env-file, env, outputs), folders and versions, and TLS.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job, type StepResult } from '../runner/job.js';
import { startVaultDevServer } from '../vault-server/server.js';
import {
  errorLine,
  expectGone,
  expectNoLeaks,
  sessionRoot,
  startFixture,
  type Fixture,
  exportedNames,
} from './fixture.js';
import { randomBytes } from 'node:crypto';
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

  it.each([
    'PATH',
    'NODE_OPTIONS',
    'GITHUB_TOKEN',
    'LD_PRELOAD',
    'BASH_ENV',
    // curl and most HTTP clients read the lower-case spelling first
    'http_proxy',
    'no_proxy',
    'all_proxy',
    'ALL_PROXY',
    'NO_PROXY',
    'FTP_PROXY',
    // names tools read a path (config, credentials, trust anchors) from
    'AWS_CONFIG_FILE',
    'KUBECONFIG',
    'GIT_CONFIG_GLOBAL',
    'CURL_HOME',
    'NPM_CONFIG_USERCONFIG',
    'BUNDLE_GEMFILE',
    'DOCKER_CONFIG',
    'SSL_CERT_FILE',
    'REQUESTS_CA_BUNDLE',
    'NODE_EXTRA_CA_CERTS',
  ])('env refuses names the runner relies on: %s', async (name) => {
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
  });

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

// Issue 15 §3: a name Vault chooses must not become a variable a tool reads, NAME_FILE
// included. Each case: refused naming the secret, nothing exported, the value nowhere.
describe('names tools read a path from', () => {
  /** main with `secrets`, the KV secret secret/ci/steer = { key: a fresh value }; the value. */
  async function steer(key: string, inputs: Record<string, string>): Promise<[StepResult, string]> {
    const value = `steer-${randomBytes(9).toString('hex')}`;
    fx.server.putKv('', 'secret', 'ci/steer', { [key]: value });
    return [await job.main(inputs), value];
  }
  async function expectRefused(main: StepResult, error: RegExp, value: string): Promise<void> {
    expect(main.exitCode, main.stdout).toBe(1);
    expect(errorLine(main.stdout)).toMatch(error);
    expect(exportedNames(main)).toEqual([]);
    await job.post();
    expectNoLeaks(job, [value]);
  }

  it.each([
    ['aws_config', 'AWS_CONFIG_FILE'],
    ['aws_shared_credentials', 'AWS_SHARED_CREDENTIALS_FILE'],
    ['aws_web_identity_token', 'AWS_WEB_IDENTITY_TOKEN_FILE'],
    ['compose', 'COMPOSE_FILE'],
    ['tf_cli_config', 'TF_CLI_CONFIG_FILE'],
    ['pip_config', 'PIP_CONFIG_FILE'],
    ['ssl_cert', 'SSL_CERT_FILE'],
    ['kubeconfig', 'KUBECONFIG_FILE'],
    ['git_config', 'GIT_CONFIG_FILE'],
    ['bundle_gem', 'BUNDLE_GEM_FILE'],
  ])('files: a Vault key %s under `*` would export %s: refused', async (key, variable) => {
    const [main, value] = await steer(key, base({ secrets: 'secret/ci/steer *' }));
    await expectRefused(
      main,
      new RegExp(`deliver files: \\w+ would export ${variable}, a variable a tool reads`),
      value,
    );
  });

  it.each([
    ['*', 'aws_config', 'deliver files: AWS_CONFIG would export AWS_CONFIG_FILE'],
    ['*', 'git_config_global', 'deliver env: GIT_CONFIG_GLOBAL would replace'],
    ['*', 'curl_home', 'deliver env: CURL_HOME would replace'],
    ['*', 'npm_config_userconfig', 'deliver env: NPM_CONFIG_USERCONFIG would replace'],
    ['*', 'docker_config', 'deliver env: DOCKER_CONFIG would replace'],
    ['*', 'requests_ca_bundle', 'deliver env: REQUESTS_CA_BUNDLE would replace'],
    ['*', 'node_extra_ca_certs', 'deliver env: NODE_EXTRA_CA_CERTS would replace'],
    ['*', 'kubeconfig', 'deliver env: KUBECONFIG would replace'],
    ['**', 'http_proxy', 'deliver env: http_proxy would replace'],
    ['**', 'no_proxy', 'deliver env: no_proxy would replace'],
    ['**', 'all_proxy', 'deliver env: all_proxy would replace'],
  ])('vault-action mode: `%s` with a Vault key %s is refused (%s)', async (wildcard, key, error) => {
    const [main, value] = await steer(key, {
      url: fx.server.url,
      token: fx.server.rootToken,
      secrets: `secret/data/ci/steer ${wildcard}`,
    });
    await expectRefused(main, new RegExp(error), value);
  });

  it('env: a workflow prefix does not open a tool family: AWS_ + config_file is refused', async () => {
    const [main, value] = await steer('config_file', base({ secrets: 'secret/ci/steer * | AWS_', deliver: 'env' }));
    await expectRefused(
      main,
      /deliver env: AWS_CONFIG_FILE would replace a variable .*it comes from secret\/ci\/steer#/,
      value,
    );
  });

  it.each([
    ['env', 'secret/ci/folder/ **'],
    ['env', 'secret/ci/folder/ *'],
    ['env-file', 'secret/ci/folder/ **'],
    ['env-file', 'secret/ci/app *'],
  ])('%s: a folder or `*` entry without a prefix (%s) is refused before Vault is asked', async (deliver, line) => {
    fx.server.putKv('', 'secret', 'ci/folder/steer', { ld_preload: 'value-of-the-folder-0042' });
    const main = await job.main(base({ secrets: line, deliver }));
    expect(main.exitCode).toBe(1);
    expect(errorLine(main.stdout)).toContain(
      `secrets line 1: with deliver ${deliver}, \`${line}\` takes variable names`,
    );
    expect(fx.server.requests).toEqual([]);
    await job.post();
  });

  it('env-file: names are checked like env (the container gets them)', async () => {
    const main = await job.main(base({ secrets: 'secret/ci/app password | LD_PRELOAD', deliver: 'env-file' }));
    await expectRefused(
      main,
      /deliver env-file: LD_PRELOAD would replace a variable that changes how the container's programs run/,
      fx.values.password,
    );
  });

  it('credentials inside refused families stay deliverable: NODE_AUTH_TOKEN (env and file), TF_VAR_*', async () => {
    const main = await job.main(
      base({
        secrets: 'secret/ci/app password | NODE_AUTH_TOKEN\nsecret/ci/app api_key | TF_VAR_api_key',
        deliver: 'files, env',
      }),
    );
    expect(main.exitCode, main.stdout).toBe(0);
    expect(main.env['NODE_AUTH_TOKEN'] === fx.values.password).toBe(true);
    expect(main.env['TF_VAR_api_key'] === fx.values.apiKey).toBe(true);
    expect(main.env['NODE_AUTH_TOKEN_FILE']).toMatch(/\/files\/NODE_AUTH_TOKEN$/);
    await job.post();
  });
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
