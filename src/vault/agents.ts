// The connection pools, loaded with the first request rather than at start-up: node:https
// and node:tls (with crypto, a third of the bundle's start-up) are not paid by a run that
// never reaches Vault, or reaches it over plain http.
import https from 'node:https';
import tls from 'node:tls';
import { createRouter, type Router } from './proxy.js';
import type { ProxyEnv } from './proxy-env.js';

export { https };

export interface AgentSettings {
  readonly maxSockets: number;
  readonly proxy: ProxyEnv | undefined;
  readonly tls: {
    readonly ca?: string;
    readonly cert?: string;
    readonly key?: string;
    readonly rejectUnauthorized: boolean;
  };
}

export function createAgents(settings: AgentSettings): Router {
  const agentOptions = { keepAlive: true, maxSockets: settings.maxSockets };
  return createRouter(settings.proxy ?? { https: undefined, http: undefined, noProxy: [] }, {
    http: agentOptions,
    https: {
      ...agentOptions,
      rejectUnauthorized: settings.tls.rejectUnauthorized,
      // One secure context rather than ca/cert/key options: Node names pooled connections after those
      // options, and NODE_DEBUG=http prints that name (the client key in it) for every request.
      secureContext: tls.createSecureContext({
        ...(settings.tls.ca !== undefined ? { ca: settings.tls.ca } : {}),
        ...(settings.tls.cert !== undefined ? { cert: settings.tls.cert } : {}),
        ...(settings.tls.key !== undefined ? { key: settings.tls.key } : {}),
      }),
    },
  });
}
