// Which proxy a Vault request goes through: HTTPS_PROXY / HTTP_PROXY / NO_PROXY as curl and
// @actions/http-client read them (lower case first). Pure: the agents are in proxy.ts.

export interface ProxyEnv {
  readonly https: URL | undefined;
  readonly http: URL | undefined;
  /** Lower-cased NO_PROXY entries. */
  readonly noProxy: readonly string[];
}

/** Reads the proxy variables; throws a message naming the variable when one is not an http:// URL. */
export function proxyEnv(env: NodeJS.ProcessEnv): ProxyEnv {
  const pick = (name: string): URL | undefined => {
    const lower = name.toLowerCase();
    const raw = (env[lower] ?? '').trim() || (env[name] ?? '').trim();
    if (raw === '') return undefined;
    const source = env[lower]?.trim() ? lower : name;
    let url: URL;
    try {
      url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
    } catch {
      throw new Error(`${source} is not a URL: write it as http://proxy.example.com:3128.`);
    }
    if (url.protocol !== 'http:')
      throw new Error(`${source}: only http:// proxies are supported (https targets are tunnelled with CONNECT).`);
    return url;
  };
  const noProxy = ((env['no_proxy'] ?? '').trim() || (env['NO_PROXY'] ?? '').trim())
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  return { https: pick('HTTPS_PROXY'), http: pick('HTTP_PROXY'), noProxy };
}

/** The proxy for a request to `target`, or undefined to connect directly. */
export function proxyFor(target: URL, env: ProxyEnv): URL | undefined {
  const proxy = target.protocol === 'https:' ? env.https : env.http;
  if (!proxy || bypassed(target, env.noProxy)) return undefined;
  return proxy;
}

function bypassed(target: URL, noProxy: readonly string[]): boolean {
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  return noProxy.some((entry) => {
    if (entry === '*') return true;
    // host, host:port, [v6]:port, or a bare IPv6 address (several colons, no port)
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    const single = bracketed ? null : /^([^:]*):(\d+)$/.exec(entry);
    const name = (bracketed?.[1] ?? single?.[1] ?? entry).replace(/^\*?\./, '');
    const wanted = bracketed?.[2] ?? single?.[2];
    if (wanted !== undefined && wanted !== port) return false;
    return name !== '' && (host === name || host.endsWith(`.${name}`));
  });
}
