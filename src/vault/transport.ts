// The HTTP transport handed to node-vault in place of its bundled axios, for four
// reasons: one kept-alive agent shared by every request (concurrent reads reuse
// sockets), Retry-After headers (node-vault drops headers before we could see them),
// retries of every request including logins, and a per-request timeout under an
// overall deadline. It never logs: bodies carry credentials.
import http from 'node:http';
import https from 'node:https';
import { backoffMs, isRetryableStatus, parseRetryAfter, type RetryPolicy } from './retry.js';

export interface TransportOptions {
  readonly tls: {
    readonly ca?: string;
    readonly cert?: string;
    readonly key?: string;
    readonly rejectUnauthorized: boolean;
  };
  readonly requestTimeoutMs: number;
  /** Epoch ms after which no request starts and no retry waits. */
  readonly deadline: number;
  readonly retry: RetryPolicy;
  readonly maxSockets: number;
  /** Told about each retry, for a log line (method, path and reason: never a body). */
  readonly onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  readonly method: string;
  readonly path: string;
  readonly attempt: number;
  readonly reason: string;
  readonly delayMs: number;
}

/** What node-vault's request function receives (the former request-promise shape). */
interface NodeVaultRequest {
  method: string;
  uri: string;
  headers?: Record<string, string>;
  json?: unknown;
}

export interface NodeVaultResponse {
  statusCode: number;
  body: unknown;
  request: { path: string };
}

/** A request that never got an HTTP answer: refused, reset, timed out, or out of time. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }

  /** Network trouble may pass; a bad certificate or an exhausted deadline will not. */
  get retryable(): boolean {
    return RETRYABLE_CODES.has(this.code);
  }
}

export interface Transport {
  /** node-vault calls `defaults(...)` and then the function it returns. */
  defaults(): (req: NodeVaultRequest) => Promise<NodeVaultResponse>;
  /** Ends the kept-alive sockets so the process can exit. */
  close(): void;
  /** How many requests were retried, for the summary. */
  readonly stats: { requests: number; retries: number };
}

export function createTransport(opts: TransportOptions): Transport {
  const agentOptions = { keepAlive: true, maxSockets: opts.maxSockets };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent({
    ...agentOptions,
    rejectUnauthorized: opts.tls.rejectUnauthorized,
    ...(opts.tls.ca !== undefined ? { ca: opts.tls.ca } : {}),
    ...(opts.tls.cert !== undefined ? { cert: opts.tls.cert } : {}),
    ...(opts.tls.key !== undefined ? { key: opts.tls.key } : {}),
  });
  const stats = { requests: 0, retries: 0 };

  async function send(req: NodeVaultRequest): Promise<NodeVaultResponse> {
    const url = new URL(req.uri);
    const path = url.pathname;
    for (let attempt = 0; ; attempt++) {
      const left = opts.deadline - Date.now();
      if (left <= 0)
        throw new TransportError(
          `out of time before ${req.method} ${path} could finish (raise vault-timeout)`,
          'DEADLINE',
        );
      stats.requests++;
      let reason: string;
      let retryAfterMs: number | undefined;
      try {
        const res = await once(url, req, Math.min(opts.requestTimeoutMs, left));
        if (!isRetryableStatus(res.statusCode) || attempt >= opts.retry.retries) return res;
        reason = `HTTP ${res.statusCode}`;
        retryAfterMs = parseRetryAfter(res.retryAfter, Date.now());
      } catch (err) {
        if (!(err instanceof TransportError) || !err.retryable || attempt >= opts.retry.retries) throw err;
        reason = err.code;
      }
      const delayMs = Math.min(backoffMs(attempt, opts.retry, retryAfterMs), Math.max(0, opts.deadline - Date.now()));
      stats.retries++;
      opts.onRetry?.({ method: req.method, path, attempt: attempt + 1, reason, delayMs });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }

  function once(
    url: URL,
    req: NodeVaultRequest,
    timeoutMs: number,
  ): Promise<NodeVaultResponse & { retryAfter: string | undefined }> {
    const body = req.json !== undefined && typeof req.json === 'object' ? JSON.stringify(req.json) : undefined;
    const headers: Record<string, string | number> = { ...req.headers, Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(body);
    }
    const isHttps = url.protocol === 'https:';
    const lib = isHttps ? https : http;
    return new Promise((resolve, reject) => {
      // Headers are set after creation, not passed as options: NODE_DEBUG=http prints
      // the options of every new connection, and X-Vault-Token would be among them.
      const request = lib.request(url, { method: req.method, agent: isHttps ? httpsAgent : httpAgent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => reject(networkError(e, url)));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const retryAfter = res.headers['retry-after'];
          resolve({
            statusCode: res.statusCode ?? 0,
            body: parseBody(text),
            request: { path: url.pathname },
            retryAfter,
          });
        });
      });
      request.setTimeout(timeoutMs, () => {
        request.destroy(
          new TransportError(
            `no answer from ${url.origin} within ${timeoutMs} ms for ${req.method} ${url.pathname}`,
            'TIMEOUT',
          ),
        );
      });
      request.on('error', (e) => reject(e instanceof TransportError ? e : networkError(e, url)));
      for (const [name, value] of Object.entries(headers)) request.setHeader(name, value);
      request.end(body);
    });
  }

  return {
    defaults: () => send,
    close: () => {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
    stats,
  };
}

const RETRYABLE_CODES = new Set([
  'TIMEOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETWORK',
]);

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // A proxy's HTML error page: keep it out of messages, only its presence matters.
    return { errors: ['(response was not JSON)'] };
  }
}

function networkError(err: Error, url: URL): TransportError {
  const code = (err as NodeJS.ErrnoException).code ?? 'ENETWORK';
  const hint = /CERT|TLS|SSL|SIGNATURE/.test(code)
    ? ' (TLS: give vault-ca-cert with the CA that signed the server certificate, or fix the certificate)'
    : '';
  return new TransportError(`could not reach Vault at ${url.origin}: ${code}${hint}`, code);
}
