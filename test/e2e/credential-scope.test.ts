// Credentials reach only whom they are for (issue 15 §9): the proxy's Proxy-Authorization goes
// on the CONNECT request and never inside the tunnel to Vault; Vault's TLS settings are not
// GitHub's, so vault-tls-skip-verify does not switch off checking the OIDC endpoint, and the
// OIDC bearer token is never sent to a server whose certificate failed.
import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Job } from '../runner/job.js';
import { TestCa } from '../vault-server/certs.js';
import { allSecretValues, errorLine, expectNoLeaks, postIfMissed, startFixture, type Fixture } from './fixture.js';

const ca = new TestCa('scope-test-ca');
const serverCert = ca.issue('vault', { altNames: ['IP:127.0.0.1'] });

let fx: Fixture | undefined;
let job: Job | undefined;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await postIfMissed(job, fx?.server);
  job?.dispose();
  await fx?.server.close();
  await close?.();
  fx = job = close = undefined;
});

/** A CONNECT proxy that asks for `credentials` (Basic), records each CONNECT's, and tunnels. */
async function authProxy(credentials: string): Promise<{ url: string; connects: (string | undefined)[] }> {
  const connects: (string | undefined)[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    const auth = req.headers['proxy-authorization'];
    connects.push(auth);
    if (auth !== `Basic ${Buffer.from(credentials).toString('base64')}`) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n');
      return;
    }
    const [host = '', port = ''] = (req.url ?? '').split(/:(?=\d+$)/);
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  close = () =>
    new Promise((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connects };
}

describe("the proxy's credentials", () => {
  it('go on each CONNECT and never inside the tunnel: Vault sees no Proxy-Authorization, main and post', async () => {
    const password = 'proxy-pw-71c3e9d2a4';
    fx = await startFixture({ tls: { key: serverCert.key, cert: serverCert.cert } });
    const proxy = await authProxy(`ci:${password}`);
    job = new Job();
    const env = { HTTPS_PROXY: `http://ci:${password}@${proxy.url.slice('http://'.length)}` };
    const main = await job.main(
      {
        'vault-addr': fx.server.url,
        'vault-ca-cert': ca.cert,
        'vault-method': 'approle',
        'vault-role-id': fx.approle.roleId,
        'vault-secret-id': fx.approle.secretId,
        secrets: 'secret/ci/app password | PW',
      },
      { env },
    );
    expect(main.exitCode, main.stdout).toBe(0);
    const post = await job.post({ env });
    expect(post.exitCode, post.stdout).toBe(0);
    expect(proxy.connects.length).toBeGreaterThan(0);
    expect(proxy.connects.every((a) => a !== undefined)).toBe(true);
    expect(fx.server.requests.some((r) => r.path === 'auth/token/revoke-self')).toBe(true);
    for (const r of fx.server.requests) {
      expect(r.headers['proxy-authorization'], `${r.method} ${r.path} carries the proxy's credentials`).toBeUndefined();
      expect(JSON.stringify(r.headers)).not.toContain(Buffer.from(`ci:${password}`).toString('base64'));
    }
    expectNoLeaks(job, [...allSecretValues(fx, job), password]);
  });
});

describe("GitHub's OIDC endpoint and Vault's TLS settings", () => {
  it('vault-tls-skip-verify does not skip checking GitHub: an untrusted OIDC certificate fails, no bearer sent', async () => {
    // One TLS server plays both Vault and the OIDC endpoint, with a certificate from a CA the system does not know.
    fx = await startFixture({ tls: { key: serverCert.key, cert: serverCert.cert } });
    job = new Job();
    const main = await job.main(
      {
        'vault-addr': fx.server.url,
        'vault-tls-skip-verify': 'true',
        'vault-method': 'jwt',
        'vault-role': 'ci',
        'vault-jwt-audience': 'https://github.com/octo-org',
        'vault-retries': '0',
        secrets: 'secret/ci/app password | PW',
      },
      {
        env: {
          ACTIONS_ID_TOKEN_REQUEST_URL: fx.server.oidc.requestUrl,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: fx.server.oidc.requestToken,
        },
      },
    );
    expect(main.exitCode, main.stdout).toBe(1);
    expect(errorLine(main.stdout)).toMatch(
      /^::error::vault-secrets-action: could not get GitHub's OIDC token: could not reach GitHub's OIDC token endpoint at https:\/\/127\.0\.0\.1:\d+: [A-Z_]+ \(TLS: the system does not trust the endpoint's certificate \(vault-ca-cert and vault-tls-skip-verify apply to Vault only\): on a runner with a private CA, give it in NODE_EXTRA_CA_CERTS\)$/,
    );
    // The handshake failed, so the bearer token never went out; no login was tried.
    expect(fx.server.requests).toEqual([]);
    expect((await job.post()).exitCode).toBe(0);
    expectNoLeaks(job, [...allSecretValues(fx, job), fx.server.oidc.requestToken]);
  });
});
