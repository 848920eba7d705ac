// Enterprise networks: HTTPS_PROXY / HTTP_PROXY / NO_PROXY for every Vault request (main and post),
// through a real CONNECT proxy on loopback that counts its tunnels, and vault-extra-headers on every
// request without ever printing their values.
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Job } from '../runner/job.js';
import { TestCa } from '../vault-server/certs.js';
import { allSecretValues, expectNoLeaks, startFixture, type Fixture } from './fixture.js';

const NOISY = { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1', NODE_DEBUG: 'http,net,tls' };
const SPEC = 'secret/ci/app password | PW\ndatabase/creds/app username | DB_USER';

interface Proxy {
  url: string;
  tunnels: string[];
  forwarded: string[];
  close(): Promise<void>;
}

/**
 * A forward proxy: CONNECT opens a TCP tunnel; absolute-form requests are relayed. `hosts` is its own
 * name resolution, for names only the proxy knows (as on a corporate network).
 */
async function startProxy(hosts: Record<string, string> = {}): Promise<Proxy> {
  const tunnels: string[] = [];
  const forwarded: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    forwarded.push(`${req.method ?? ''} ${req.url ?? ''}`);
    const target = new URL(req.url ?? '');
    target.hostname = hosts[target.hostname] ?? target.hostname;
    const upstream = http.request(target, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    const [host = '', port = ''] = (req.url ?? '').split(/:(?=\d+$)/);
    const upstream = net.connect(Number(port), hosts[host] ?? host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream).add(client);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (s: net.Socket) => sockets.add(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    forwarded,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

let fx: Fixture | undefined;
let job: Job | undefined;
let proxy: Proxy | undefined;
afterEach(async () => {
  job?.dispose();
  await fx?.server.close();
  await proxy?.close();
  fx = job = proxy = undefined;
});

function approle(f: Fixture, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'vault-addr': f.server.url,
    'vault-method': 'approle',
    'vault-role-id': f.approle.roleId,
    'vault-secret-id': f.approle.secretId,
    secrets: SPEC,
    ...extra,
  };
}

describe('proxies', () => {
  const ca = new TestCa('proxy-test-ca');
  const server = ca.issue('vault', { altNames: ['IP:127.0.0.1'] });

  it('tunnels https Vault requests through HTTPS_PROXY with CONNECT, kept alive, in main and post', async () => {
    fx = await startFixture({ tls: { key: server.key, cert: server.cert } });
    proxy = await startProxy();
    job = new Job(NOISY);
    const env = { HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com,.internal' };
    const main = await job.main(approle(fx, { 'vault-ca-cert': ca.cert }), { env });
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    const authority = new URL(fx.server.url).host;
    expect(proxy.tunnels.length).toBeGreaterThan(0);
    expect(proxy.tunnels.every((t) => t === authority)).toBe(true);
    // Kept alive through the tunnel: fewer tunnels than requests.
    expect(proxy.tunnels.length).toBeLessThan(fx.server.requests.length);
    const afterMain = proxy.tunnels.length;
    const post = await job.post({ env });
    expect(post.exitCode).toBe(0);
    expect(proxy.tunnels.length, 'post revokes through the proxy too').toBeGreaterThan(afterMain);
    expect(fx.server.leases().every((l) => l.revoked)).toBe(true);
    expectNoLeaks(job, allSecretValues(fx, job));
  });

  it('sends http Vault requests to HTTP_PROXY in absolute form, and NO_PROXY bypasses it', async () => {
    fx = await startFixture();
    proxy = await startProxy();
    job = new Job(NOISY);
    const main = await job.main(approle(fx), { env: { http_proxy: proxy.url } });
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    expect(proxy.forwarded).toContain(`POST ${fx.server.url}/v1/auth/approle/login`);
    expect(proxy.forwarded.length).toBe(fx.server.requests.length);
    await job.post({ env: { http_proxy: proxy.url } });

    const direct = new Job(NOISY);
    try {
      const before = proxy.forwarded.length;
      const port = new URL(fx.server.url).port;
      const bypass = await direct.main(approle(fx), {
        env: { HTTP_PROXY: proxy.url, NO_PROXY: `localhost,127.0.0.1:${port}` },
      });
      expect(bypass.exitCode).toBe(0);
      await direct.post({ env: { HTTP_PROXY: proxy.url, NO_PROXY: `127.0.0.1:${port}` } });
      expect(proxy.forwarded.length).toBe(before);
    } finally {
      direct.dispose();
    }
  });

  it('a proxy that refuses the tunnel is a clear error, and a bad proxy URL an input error', async () => {
    fx = await startFixture({ tls: { key: server.key, cert: server.cert } });
    job = new Job(NOISY);
    const refusing = http.createServer();
    refusing.on('connect', (_req: http.IncomingMessage, socket: net.Socket) => {
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
    });
    await new Promise<void>((r) => refusing.listen(0, '127.0.0.1', r));
    try {
      const port = (refusing.address() as AddressInfo).port;
      const main = await job.main(approle(fx, { 'vault-ca-cert': ca.cert }), {
        env: { HTTPS_PROXY: `http://127.0.0.1:${port}` },
      });
      expect(main.exitCode).toBe(1);
      expect(main.stdout).toMatch(
        /::error::.*EPROXY \(the proxy 127.0.0.1:\d+ refused a tunnel to 127.0.0.1:\d+: HTTP 407/,
      );
      expect(fx.server.requests).toEqual([]);
      await job.post();
    } finally {
      refusing.close();
    }
    const bad = new Job(NOISY);
    try {
      const main = await bad.main(approle(fx), { env: { HTTPS_PROXY: 'socks5://127.0.0.1:1080' } });
      expect(main.exitCode).toBe(1);
      expect(main.stdout).toContain('::error::vault-secrets-action: HTTPS_PROXY: only http:// proxies are supported');
    } finally {
      bad.dispose();
    }
  });
});

describe("GitHub's OIDC endpoint behind a proxy", () => {
  it('the OIDC token request reaches an endpoint only the proxy can resolve (HTTP_PROXY honoured)', async () => {
    fx = await startFixture();
    proxy = await startProxy({ 'oidc.corp.test': '127.0.0.1' });
    job = new Job(NOISY);
    const port = new URL(fx.server.url).port;
    const main = await job.main(
      {
        'vault-addr': fx.server.url,
        'vault-method': 'jwt',
        'vault-role': 'ci',
        'vault-jwt-audience': 'https://github.com/octo-org',
        secrets: SPEC,
      },
      {
        env: {
          ACTIONS_ID_TOKEN_REQUEST_URL: `http://oidc.corp.test:${port}/_oidc/token?api-version=2.0`,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: fx.server.oidc.requestToken,
          HTTP_PROXY: proxy.url,
          // Vault itself is reached directly here.
          NO_PROXY: '127.0.0.1',
        },
      },
    );
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    // An http target goes to the proxy in absolute form, as Vault requests do.
    expect(proxy.forwarded).toEqual([
      `GET http://oidc.corp.test:${port}/_oidc/token?api-version=2.0&audience=${encodeURIComponent('https://github.com/octo-org')}`,
    ]);
    expect(proxy.tunnels).toEqual([]);
    expect(fx.server.requests.some((r) => r.path === '_oidc/token' && r.status === 200)).toBe(true);
    await job.post();
    expectNoLeaks(job, allSecretValues(fx, job));
  });
});

describe('vault-extra-headers', () => {
  it('sends each header on every request, main and post, and never prints its value', async () => {
    fx = await startFixture();
    job = new Job(NOISY);
    const gateway = `gw-${randomBytes(18).toString('base64url')}`;
    const headers = `X-Corp-Gateway: ${gateway}\n  X-Trace-Id : ci-42`;
    const main = await job.main(approle(fx, { 'vault-extra-headers': headers }));
    expect(main.exitCode, main.stdout + main.stderr).toBe(0);
    await job.post({});
    expect(fx.server.requests.length).toBeGreaterThan(3);
    for (const r of fx.server.requests) {
      expect(r.headers['x-corp-gateway'] === gateway, `${r.path} carries the header`).toBe(true);
      expect(r.headers['x-trace-id']).toBe('ci-42');
    }
    expect(fx.server.requests.some((r) => r.path === 'auth/token/revoke-self')).toBe(true);
    expect(main.masks).toContain(gateway);
    expectNoLeaks(job, [...allSecretValues(fx, job), gateway]);
  });

  it.each([
    ['X-Vault-Token: hvs.override', /X-Vault-Token is set by the action itself/],
    ['x-vault-namespace: other', /x-vault-namespace is set by the action itself/],
    ['Authorization: Bearer abc', /Authorization is set by the action itself/],
    ['no colon here', /vault-extra-headers line 1 is not "Header-Name: value"/],
    ['Bad Name: v', /vault-extra-headers line 1 is not "Header-Name: value"/],
  ])('refuses %j before any request', async (line, message) => {
    fx = await startFixture();
    job = new Job(NOISY);
    const main = await job.main(approle(fx, { 'vault-extra-headers': line }));
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toMatch(message);
    expect(fx.server.requests).toEqual([]);
  });
});
