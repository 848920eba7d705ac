import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  proxyRefusal
} from "./shared-PFSXQCEX.js";
import {
  proxyFor
} from "./shared-NYIERDFJ.js";
import "./shared-BDLR4YRK.js";

// src/vault/agents.ts
import https2 from "node:https";
import tls2 from "node:tls";

// src/vault/proxy.ts
import http from "node:http";
import https from "node:https";
import tls from "node:tls";
function createRouter(env, options) {
  const direct = { http: new http.Agent(options.http), https: new https.Agent(options.https) };
  const viaProxy = /* @__PURE__ */ new Map();
  let tunnels = 0;
  const agentFor = (proxy, secure) => {
    const key = `${secure ? "tunnel" : "plain"} ${proxy.href}`;
    let agent = viaProxy.get(key);
    if (!agent) {
      agent = secure ? new TunnelAgent(proxy, options.https, () => {
        tunnels++;
      }) : new http.Agent(options.http);
      viaProxy.set(key, agent);
    }
    return agent;
  };
  return {
    route(target) {
      const secure = target.protocol === "https:";
      const proxy = proxyFor(target, env);
      if (!proxy) return { url: target, agent: secure ? direct.https : direct.http, headers: {} };
      if (secure) return { url: target, agent: agentFor(proxy, true), headers: {} };
      return {
        url: proxy,
        agent: agentFor(proxy, false),
        path: target.href,
        headers: { Host: target.host, ...proxyAuthorization(proxy) },
        proxy
      };
    },
    get tunnels() {
      return tunnels;
    },
    destroy() {
      direct.http.destroy();
      direct.https.destroy();
      for (const agent of viaProxy.values()) agent.destroy();
    }
  };
}
function proxyAuthorization(proxy) {
  if (proxy.username === "") return {};
  const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { "Proxy-Authorization": `Basic ${Buffer.from(user).toString("base64")}` };
}
var TunnelAgent = class extends https.Agent {
  constructor(proxy, options, onTunnel) {
    super(options);
    this.proxy = proxy;
    this.onTunnel = onTunnel;
  }
  proxy;
  onTunnel;
  /** CONNECTs not yet answered: a proxy that never answers must not keep the process alive past destroy(). */
  pending = /* @__PURE__ */ new Set();
  createConnection(options, callback) {
    const authority = `${options.host ?? ""}:${String(options.port ?? 443)}`;
    const connect = http.request({
      host: this.proxy.hostname,
      port: this.proxy.port || 80,
      method: "CONNECT",
      path: authority,
      agent: false,
      headers: { Host: authority, ...proxyAuthorization(this.proxy) }
    });
    this.pending.add(connect);
    const settled = () => this.pending.delete(connect);
    connect.once("close", settled).once("error", settled);
    const fail = (err, socket) => {
      socket?.destroy();
      callback?.(err, void 0);
    };
    connect.once("connect", (res, socket) => {
      settled();
      if (res.statusCode !== 200) {
        fail(proxyRefusal(this.proxy, `a tunnel to ${authority}`, res.statusCode, "HTTPS_PROXY"), socket);
        return;
      }
      this.onTunnel();
      const secure = tls.connect({ ...options, socket });
      callback?.(null, secure);
    });
    connect.once("error", (err) => fail(err));
    connect.end();
    return void 0;
  }
  destroy() {
    for (const connect of this.pending) connect.destroy();
    super.destroy();
  }
};

// src/vault/agents.ts
function createAgents(settings) {
  const agentOptions = { keepAlive: true, maxSockets: settings.maxSockets };
  return createRouter(settings.proxy ?? { https: void 0, http: void 0, noProxy: [] }, {
    http: agentOptions,
    https: {
      ...agentOptions,
      rejectUnauthorized: settings.tls.rejectUnauthorized,
      // One secure context rather than ca/cert/key options: Node names pooled connections after those
      // options, and NODE_DEBUG=http prints that name (the client key in it) for every request.
      secureContext: tls2.createSecureContext({
        ...settings.tls.ca !== void 0 ? { ca: settings.tls.ca } : {},
        ...settings.tls.cert !== void 0 ? { cert: settings.tls.cert } : {},
        ...settings.tls.key !== void 0 ? { key: settings.tls.key } : {}
      })
    }
  });
}
export {
  createAgents,
  https2 as https
};
//# sourceMappingURL=shared-MWHKOSU4.js.map
