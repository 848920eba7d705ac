import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  createRouter
} from "./shared-JHFIZ4E2.js";
import "./shared-NYIERDFJ.js";
import "./shared-BDLR4YRK.js";

// src/vault/agents.ts
import https from "node:https";
import tls from "node:tls";
function createAgents(settings) {
  const agentOptions = { keepAlive: true, maxSockets: settings.maxSockets };
  return createRouter(settings.proxy ?? { https: void 0, http: void 0, noProxy: [] }, {
    http: agentOptions,
    https: {
      ...agentOptions,
      rejectUnauthorized: settings.tls.rejectUnauthorized,
      // One secure context rather than ca/cert/key options: Node names pooled connections after those
      // options, and NODE_DEBUG=http prints that name (the client key in it) for every request.
      secureContext: tls.createSecureContext({
        ...settings.tls.ca !== void 0 ? { ca: settings.tls.ca } : {},
        ...settings.tls.cert !== void 0 ? { cert: settings.tls.cert } : {},
        ...settings.tls.key !== void 0 ? { key: settings.tls.key } : {}
      })
    }
  });
}
export {
  createAgents,
  https
};
//# sourceMappingURL=shared-JQQMEAZQ.js.map
