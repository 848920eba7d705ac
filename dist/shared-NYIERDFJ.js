import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);

// src/vault/proxy-env.ts
function proxyEnv(env) {
  const pick = (name) => {
    const lower = name.toLowerCase();
    const raw = (env[lower] ?? "").trim() || (env[name] ?? "").trim();
    if (raw === "") return void 0;
    const source = env[lower]?.trim() ? lower : name;
    let url;
    try {
      url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
    } catch {
      throw new Error(`${source} is not a URL: write it as http://proxy.example.com:3128.`);
    }
    if (url.protocol !== "http:")
      throw new Error(`${source}: only http:// proxies are supported (https targets are tunnelled with CONNECT).`);
    return url;
  };
  const noProxy = ((env["no_proxy"] ?? "").trim() || (env["NO_PROXY"] ?? "").trim()).split(",").map((e) => e.trim().toLowerCase()).filter(Boolean);
  return { https: pick("HTTPS_PROXY"), http: pick("HTTP_PROXY"), noProxy };
}
function proxyFor(target, env) {
  const proxy = target.protocol === "https:" ? env.https : env.http;
  if (!proxy || bypassed(target, env.noProxy)) return void 0;
  return proxy;
}
function bypassed(target, noProxy) {
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  const port = target.port || (target.protocol === "https:" ? "443" : "80");
  return noProxy.some((entry) => {
    if (entry === "*") return true;
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    const single = bracketed ? null : /^([^:]*):(\d+)$/.exec(entry);
    const name = (bracketed?.[1] ?? single?.[1] ?? entry).replace(/^\*?\./, "");
    const wanted = bracketed?.[2] ?? single?.[2];
    if (wanted !== void 0 && wanted !== port) return false;
    return name !== "" && (host === name || host.endsWith(`.${name}`));
  });
}

export {
  proxyEnv,
  proxyFor
};
//# sourceMappingURL=shared-NYIERDFJ.js.map
