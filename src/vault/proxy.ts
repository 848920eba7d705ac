// Enterprise proxies for Vault requests: HTTPS_PROXY / HTTP_PROXY / NO_PROXY as curl and
// @actions/http-client read them (lower case first). https targets go through an HTTP CONNECT
// tunnel (TLS end to end, the proxy sees only host and port); http targets are sent to the proxy
// in absolute form. Which proxy applies is pure (proxyFor); the agents are the I/O edge.
import http from 'node:http';
import https from 'node:https';
import { proxyRefusal } from './proxy-error.js';

export { ProxyError, proxyRefusal } from './proxy-error.js';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';

import { proxyFor, type ProxyEnv } from './proxy-env.js';

export interface Route {
  /** Where the socket goes: the target, or the proxy for an absolute-form http request. */
  readonly url: URL;
  readonly agent: http.Agent;
  /** The request target when it differs from url's path (absolute form). */
  readonly path?: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The proxy that relays this request in absolute form (its own 407 is a refusal, not the server's reply). */
  readonly proxy?: URL;
}

export interface Router {
  route(target: URL): Route;
  /** CONNECT tunnels opened so far (each carries many kept-alive requests). */
  readonly tunnels: number;
  destroy(): void;
}

/** Agents per route, each kept alive: one direct pair, and per proxy one tunnelling and one plain agent. */
export function createRouter(env: ProxyEnv, options: { http: http.AgentOptions; https: https.AgentOptions }): Router {
  const direct = { http: new http.Agent(options.http), https: new https.Agent(options.https) };
  const viaProxy = new Map<string, http.Agent>();
  let tunnels = 0;
  const agentFor = (proxy: URL, secure: boolean): http.Agent => {
    const key = `${secure ? 'tunnel' : 'plain'} ${proxy.href}`;
    let agent = viaProxy.get(key);
    if (!agent) {
      agent = secure
        ? new TunnelAgent(proxy, options.https, () => {
            tunnels++;
          })
        : new http.Agent(options.http);
      viaProxy.set(key, agent);
    }
    return agent;
  };
  return {
    route(target) {
      const secure = target.protocol === 'https:';
      const proxy = proxyFor(target, env);
      if (!proxy) return { url: target, agent: secure ? direct.https : direct.http, headers: {} };
      if (secure) return { url: target, agent: agentFor(proxy, true), headers: {} };
      return {
        url: proxy,
        agent: agentFor(proxy, false),
        path: target.href,
        headers: { Host: target.host, ...proxyAuthorization(proxy) },
        proxy,
      };
    },
    get tunnels() {
      return tunnels;
    },
    destroy() {
      direct.http.destroy();
      direct.https.destroy();
      for (const agent of viaProxy.values()) agent.destroy();
    },
  };
}

function proxyAuthorization(proxy: URL): Record<string, string> {
  if (proxy.username === '') return {};
  const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'Proxy-Authorization': `Basic ${Buffer.from(user).toString('base64')}` };
}

/** A proxy that refused the tunnel or the request: not a network blip, so not retried. */

/** An https.Agent whose sockets are TLS over a CONNECT tunnel; pooling and keep-alive stay Node's. */
class TunnelAgent extends https.Agent {
  /** CONNECTs not yet answered: a proxy that never answers must not keep the process alive past destroy(). */
  private readonly pending = new Set<http.ClientRequest>();

  constructor(
    private readonly proxy: URL,
    options: https.AgentOptions,
    private readonly onTunnel: () => void,
  ) {
    super(options);
  }

  override createConnection(
    options: tls.ConnectionOptions & { host?: string | null; port?: number | string | null },
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const authority = `${options.host ?? ''}:${String(options.port ?? 443)}`;
    const connect = http.request({
      host: this.proxy.hostname,
      port: this.proxy.port || 80,
      method: 'CONNECT',
      path: authority,
      agent: false,
      headers: { Host: authority, ...proxyAuthorization(this.proxy) },
    });
    this.pending.add(connect);
    const settled = (): boolean => this.pending.delete(connect);
    connect.once('close', settled).once('error', settled);
    const fail = (err: Error, socket?: Duplex): void => {
      socket?.destroy();
      callback?.(err, undefined as unknown as Duplex);
    };
    connect.once('connect', (res, socket) => {
      settled();
      if (res.statusCode !== 200) {
        fail(proxyRefusal(this.proxy, `a tunnel to ${authority}`, res.statusCode, 'HTTPS_PROXY'), socket);
        return;
      }
      this.onTunnel();
      const secure = tls.connect({ ...options, socket });
      callback?.(null, secure);
    });
    connect.once('error', (err) => fail(err));
    connect.end();
    return undefined;
  }

  override destroy(): void {
    for (const connect of this.pending) connect.destroy();
    super.destroy();
  }
}
