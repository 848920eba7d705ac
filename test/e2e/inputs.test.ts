// Bad input fails before any request, with an error that names what is wrong and how
// to fix it, and holds no credential.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Job } from '../runner/job.js';
import { errorLine } from './fixture.js';
import { startVaultDevServer, type VaultDevServer } from '../vault-server/server.js';
import { findIn } from '../runner/leaks.js';

let server: VaultDevServer;
beforeAll(async () => {
  server = await startVaultDevServer();
});
afterAll(async () => {
  await server.close();
});

const SECRET_ID = 'a-secret-id-that-must-never-print';

const cases: [string, Record<string, string>, RegExp][] = [
  ['an unterminated quote', { secrets: 'secret/app "tls.key | X' }, /secrets line 1: .*quote/i],
  ['an invalid NAME', { secrets: 'secret/app password | 9LIVES' }, /secrets line 1: .*9LIVES/],
  [
    'a duplicate NAME, ignoring case',
    { secrets: 'secret/a password | PW\nsecret/b password | pw' },
    /secrets line 2: .*PW.*line 1/,
  ],
  ['a whole secret without NAME', { secrets: 'secret/app' }, /secrets line 1: .*NAME/],
  ['a bad version', { secrets: 'secret/app?version=x password' }, /secrets line 1: .*version/],
  ['a path with ..', { secrets: 'secret/../sys password' }, /secrets line 1: .*\.\./],
  ['two pipes', { secrets: 'secret/app password | A | B' }, /secrets line 1: /],
  ['a folder with a key', { secrets: 'secret/ci/ password' }, /secrets line 1: .*folder/i],
  ['no address', { 'vault-addr': '' }, /vault-addr is empty and VAULT_ADDR is not set/],
  [
    'an address that is not a URL',
    { 'vault-addr': 'vault:8200:x' },
    /vault-addr .* is not a URL|must start with https:\/\//,
  ],
  [
    'an unknown method',
    { 'vault-method': 'oci' },
    /vault-method: "oci" is not one of token, approle, jwt, kubernetes, userpass, ldap, github, cert, aws, custom/,
  ],
  // approle without a secret id (bind_secret_id=false) and jwt without a role (default_role) are valid.
  ['approle without a role id', { 'vault-method': 'approle' }, /vault-role-id is required for approle/],
  ['github without a token', { 'vault-method': 'github' }, /vault-github-token is required for github/],
  ['custom without a mount', { 'vault-method': 'custom' }, /vault-auth-path is required for custom/],
  [
    'custom without a payload',
    { 'vault-method': 'custom', 'vault-auth-path': 'oidc' },
    /vault-auth-payload is required for custom/,
  ],
  ['jwt without the OIDC env', { 'vault-method': 'jwt', 'vault-role': 'ci' }, /id-token: write/],
  [
    'userpass without a password',
    { 'vault-method': 'userpass', 'vault-username': 'u' },
    /vault-password is required for userpass/,
  ],
  ['an unknown delivery', { deliver: 'files,email' }, /deliver: "email" is not one of files, env-file, env, outputs/],
  ['a concurrency of 0', { 'vault-concurrency': '0' }, /vault-concurrency: "0" must be a whole number from 1 to 256/],
  ['a negative timeout', { 'vault-timeout': '-1' }, /vault-timeout: "-1" must be a number of seconds/],
  [
    'a client cert without a key',
    { 'vault-client-cert': '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----' },
    /vault-client-cert and vault-client-key go together/,
  ],
  [
    'a CA path that does not exist',
    { 'vault-ca-cert': '/nonexistent/ca.pem' },
    /vault-ca-cert: cannot read the file "\/nonexistent\/ca.pem" \(ENOENT\)/,
  ],
  [
    'a bad auth path',
    { 'vault-method': 'approle', 'vault-role-id': 'r', 'vault-secret-id': SECRET_ID, 'vault-auth-path': 'a b' },
    /vault-auth-path "a b" is not a mount path/,
  ],
  [
    'a revoke flag that is not a choice',
    { 'vault-revoke-token': 'maybe' },
    /vault-revoke-token: "maybe" is not one of auto, true, false/,
  ],
  [
    'kubernetes without a token file',
    { 'vault-method': 'kubernetes', 'vault-role': 'ci', 'vault-kubernetes-token-path': '/nonexistent/token' },
    /cannot read the Kubernetes service account token at \/nonexistent\/token \(ENOENT\)/,
  ],
];

describe('bad input', () => {
  it.each(cases)('%s', async (_name, bad, message) => {
    const job = new Job();
    try {
      const before = server.requests.length;
      const main = await job.main({
        'vault-addr': server.url,
        'vault-token': 'hvs.some-token-value',
        secrets: 'secret/app password | PW',
        ...bad,
      });
      expect(main.exitCode).toBe(1);
      const error = errorLine(main.stdout);
      expect(error).toMatch(message);
      expect(server.requests.length - before, 'requests made before the error').toBe(0);
      expect(findIn(main.stdout + main.stderr, SECRET_ID)).toEqual([]);
      expect(findIn(main.stdout + main.stderr, 'hvs.some-token-value')).toEqual([]);
      const post = await job.post();
      expect(post.exitCode).toBe(0);
    } finally {
      job.dispose();
    }
  });
});
