// A proxy's refusal, apart from the proxy code itself: the transport needs it at start-up,
// and src/vault/proxy.ts imports node:https, which loads with the first request only.

export class ProxyError extends Error {
  readonly code = 'EPROXY';
  constructor(
    message: string,
    /** The variable that named the proxy, for the fix. */
    readonly variable: 'HTTPS_PROXY' | 'HTTP_PROXY',
  ) {
    super(message);
  }
}

/** The proxy said no to `what`; a 407 means it refused its credentials (or wants some), which the variable holds. */
export function proxyRefusal(
  proxy: URL,
  what: string,
  status: number | undefined,
  variable: 'HTTPS_PROXY' | 'HTTP_PROXY',
): ProxyError {
  const why =
    status !== 407
      ? ''
      : proxy.username === ''
        ? `: it asks for credentials and ${variable} gives none`
        : `: it refused the credentials in ${variable}`;
  return new ProxyError(`the proxy ${proxy.host} refused ${what}: HTTP ${String(status)}${why}`, variable);
}
