import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// src/vault/proxy-error.ts
var ProxyError = class extends Error {
  constructor(message, variable) {
    super(message);
    this.variable = variable;
  }
  variable;
  code = "EPROXY";
};
function proxyRefusal(proxy, what, status, variable) {
  const why = status !== 407 ? "" : proxy.username === "" ? `: it asks for credentials and ${variable} gives none` : `: it refused the credentials in ${variable}`;
  return new ProxyError(`the proxy ${proxy.host} refused ${what}: HTTP ${String(status)}${why}`, variable);
}

export {
  ProxyError,
  proxyRefusal
};
//# sourceMappingURL=shared-PFSXQCEX.js.map
