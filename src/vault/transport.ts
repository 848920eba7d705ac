// The HTTP transport handed to node-vault in place of its bundled axios, for four
// reasons: one kept-alive agent shared by every request (concurrent reads reuse
// sockets), Retry-After headers (node-vault drops headers before we could see them),
// retries of every request including logins, and a time limit on each whole exchange under an
// overall deadline (time-limit.ts), with a cap on the reply size (reply-cap.ts). It never
// logs: bodies carry credentials.
//
// Two judgements live here because only the transport sees them: a 2xx whose body does
// not parse is a fault to retry, not an answer; and once a request has given up on the
// network, the server is known down (`down`), so post does not try lease after lease.
import http from 'node:http';
import type { Route, Router } from './proxy.js';
import { ProxyError, proxyRefusal } from './proxy-error.js';
import type { ProxyEnv } from './proxy-env.js';
import { formatBytes, readCapped } from './reply-cap.js';
import { withinTime } from './time-limit.js';
import { backoffMs, parseRetryAfter, retryReason, spendsRetry, type RetryPolicy } from './retry.js';
import { requestIdRecord, type RequestId } from './request-ids.js';

export interface TransportOptions {
  readonly tls: {
    readonly ca?: string;
    readonly cert?: string;
    readonly key?: string;
    readonly rejectUnauthorized: boolean;
  };
  /** The most one try may take, connect, headers and body together (vault-request-timeout). */
  readonly requestTimeoutMs: number;
  /** The largest reply body read; past it the request fails (a hostile or broken server cannot fill memory). */
  readonly maxReplyBytes: number;
  /** The input that sets `maxReplyBytes`, for the message. */
  readonly maxReplyInput: string;
  /** Epoch ms after which no request starts and no retry waits. */
  readonly deadline: number;
  readonly retry: RetryPolicy;
  readonly maxSockets: number;
  /** vault-extra-headers and the run header (audit-headers.ts): sent on every request, under the request's own headers. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly proxy?: ProxyEnv;
  /** Told about each retry, for a log line (method, path and reason: never a body). */
  readonly onRetry?: (event: RetryEvent) => void;
  /** The input that sets `deadline`, for the out-of-time message. */
  readonly deadlineInput: string;
  /** Who answers, for messages ("Vault" unless told). */
  readonly service?: string;
  /** The fix for a certificate the client does not trust (Vault's: vault-ca-cert, unless told). */
  readonly tlsHint?: string;
  /** Once aborted, no request starts and no retry waits; requests in flight get `graceMs` to land. */
  readonly cancel?: Cancel;
}

export interface Cancel {
  readonly signal: AbortSignal;
  readonly graceMs: number;
}

export interface RetryEvent {
  readonly method: string;
  readonly path: string;
  readonly attempt: number;
  readonly reason: string;
  readonly delayMs: number;
  /** A rate limit's 429: not counted in the retries, tried until the deadline. */
  readonly patient: boolean;
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
  /** A request gave up on the network (its retries or the deadline ran out): Vault is known down. */
  readonly down: boolean;
  /** The request_id of each answered request, in order, for the summary (request-ids.ts). */
  readonly requestIds: readonly RequestId[];
}

export function createTransport(opts: TransportOptions): Transport {
  // The pools (and node:https with them) load with the first request: see agents.ts.
  let pools: Promise<{ router: Router; https: typeof import('node:https') }> | undefined;
  const agents = (): Promise<{ router: Router; https: typeof import('node:https') }> =>
    (pools ??= import('./agents.js').then(({ createAgents, https }) => ({
      router: createAgents({ maxSockets: opts.maxSockets, proxy: opts.proxy, tls: opts.tls }),
      https,
    })));
  const stats = { requests: 0, retries: 0 };
  const requestIds: RequestId[] = [];

  const service = opts.service ?? 'Vault';
  let down = false;

  async function send(req: NodeVaultRequest): Promise<NodeVaultResponse> {
    const url = new URL(req.uri);
    const path = url.pathname;
    // tries that count against the retries: a rate limit's 429 asks only for patience (spendsRetry)
    let spent = 0;
    let lastReason: string | undefined;
    for (let attempt = 0; ; attempt++) {
      if (opts.cancel?.signal.aborted)
        throw new TransportError(`cancelled before ${req.method} ${path} was sent`, 'CANCELLED');
      const left = opts.deadline - Date.now();
      if (left <= 0)
        throw giveUp(
          new TransportError(
            `out of time before ${req.method} ${path} could finish (${lastReason ? `${attempt} tries, the last: ${lastReason}; ` : ''}raise ${opts.deadlineInput})`,
            'DEADLINE',
          ),
        );
      stats.requests++;
      let reason: string | undefined;
      let retryAfterMs: number | undefined;
      let patient = false;
      try {
        // One limit for the whole try, headers and body: the per-request timeout, or what is left of the deadline.
        const res = await once(url, req, Math.min(opts.requestTimeoutMs, left));
        reason = retryReason(res.statusCode, res.parses);
        if (reason === undefined) return res;
        patient = !spendsRetry(res.statusCode);
        if (exhausted(spent, patient)) {
          if (res.parses) return res;
          throw new TransportError(
            `${service} returned a malformed reply (HTTP ${res.statusCode} with a body that is not JSON) ${attempt + 1} time(s) in a row: a proxy or load balancer in between, or the server itself, cut it short. Check the health of ${service} and of what sits in front of it, then re-run the job.`,
            'MALFORMED',
          );
        }
        retryAfterMs = parseRetryAfter(res.retryAfter, Date.now());
      } catch (err) {
        if (!(err instanceof TransportError)) throw err;
        if (!err.retryable || exhausted(spent, false)) throw giveUp(err);
        reason = err.code;
      }
      const delayMs = Math.min(backoffMs(attempt, opts.retry, retryAfterMs), Math.max(0, opts.deadline - Date.now()));
      stats.retries++;
      lastReason = reason;
      if (!patient) spent++;
      opts.onRetry?.({ method: req.method, path, attempt: attempt + 1, reason, delayMs, patient });
      await pause(delayMs, opts.cancel?.signal);
    }
  }

  /** No try left, or no time for one: the last try's outcome is the answer (not a bare "out of time"). */
  function exhausted(spent: number, patient: boolean): boolean {
    return (!patient && spent >= opts.retry.retries) || opts.deadline <= Date.now();
  }

  /** A network failure that outlived its retries marks the server down (a cancel or a bad reply does not). */
  function giveUp(err: TransportError): TransportError {
    if (err.retryable || err.code === 'DEADLINE') down = true;
    return err;
  }

  async function once(
    url: URL,
    req: NodeVaultRequest,
    limitMs: number,
  ): Promise<NodeVaultResponse & { retryAfter: string | undefined; parses: boolean }> {
    const body = req.json !== undefined && typeof req.json === 'object' ? JSON.stringify(req.json) : undefined;
    const { router, https } = await agents();
    const route = router.route(url);
    const headers: Record<string, string | number> = {
      ...opts.headers,
      ...req.headers,
      ...route.headers,
      Accept: 'application/json',
    };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(body);
    }
    const what = `${req.method} ${url.pathname}`;
    const reply = await withinTime(
      limitMs,
      () => new TransportError(timeoutMessage(url.origin, what, limitMs), 'TIMEOUT'),
      (signal) =>
        exchange(opts, service, {
          lib: route.url.protocol === 'https:' ? https : http,
          route,
          method: req.method,
          headers,
          body,
          signal,
          url,
          what,
        }),
    );
    // A proxy relaying plain http answers 407 itself: the same refusal as a CONNECT tunnel's, not Vault's reply.
    if (reply.statusCode === 407 && route.proxy !== undefined)
      throw networkError(proxyRefusal(route.proxy, `${what} to ${url.origin}`, 407, 'HTTP_PROXY'), url, service);
    const parsed = parseBody(reply.text);
    const id = reply.statusCode < 300 ? requestIdRecord(req.method, url.pathname, parsed.body) : undefined;
    if (id !== undefined) requestIds.push(id);
    return {
      statusCode: reply.statusCode,
      body: parsed.body,
      parses: parsed.parses,
      request: { path: url.pathname },
      retryAfter: reply.retryAfter,
    };
  }

  function timeoutMessage(origin: string, what: string, limitMs: number): string {
    const input = limitMs < opts.requestTimeoutMs ? opts.deadlineInput : 'vault-request-timeout';
    const fix = `(headers and body must arrive within it: check the health of ${service}, or raise ${input})`;
    return limitMs < opts.requestTimeoutMs
      ? `out of time: no answer from ${origin} for ${what} before the ${input} deadline ${fix}`
      : `no answer from ${origin} within ${limitMs} ms for ${what} ${fix}`;
  }

  return {
    defaults: () => send,
    close: () => void pools?.then(({ router }) => router.destroy()),
    stats,
    requestIds,
    get down() {
      return down;
    },
  };
}

/** One request and its whole reply, read up to the size cap; `signal` ends it (the time limit). */
function exchange(
  opts: TransportOptions,
  service: string,
  x: {
    lib: typeof http | typeof import('node:https');
    route: Route;
    method: string;
    headers: Record<string, string | number>;
    body: string | undefined;
    signal: AbortSignal;
    url: URL;
    what: string;
  },
): Promise<{ statusCode: number; text: string; retryAfter: string | undefined }> {
  const { url, what } = x;
  const target = {
    method: x.method,
    agent: x.route.agent,
    signal: x.signal,
    ...(x.route.path === undefined ? {} : { path: x.route.path }),
  };
  return new Promise((resolve, reject) => {
    // Headers are set after creation, not passed as options: NODE_DEBUG=http prints
    // the options of every new connection, and X-Vault-Token would be among them.
    const request = x.lib.request(x.route.url, target, (res) => {
      readCapped(res, {
        maxBytes: opts.maxReplyBytes,
        declared: declaredLength(res.headers['content-length']),
        tooLarge: () =>
          new TransportError(
            `${service}'s reply to ${what} is larger than ${opts.maxReplyInput} ` +
              `(${formatBytes(opts.maxReplyBytes)}): the action stopped reading it. If the secret or list is ` +
              `really that large, raise ${opts.maxReplyInput}; otherwise check ${service} and what sits in front of it.`,
            'TOO_LARGE',
          ),
        failed: (e) => networkError(e, url, service, opts.tlsHint),
      }).then(
        (buf) =>
          resolve({
            statusCode: res.statusCode ?? 0,
            text: buf.toString('utf8'),
            retryAfter: res.headers['retry-after'],
          }),
        reject,
      );
    });
    // On cancel, a request in flight may still bring a token or a lease that must be recorded:
    // it gets the grace to land, not its full time limit.
    const signal = opts.cancel?.signal;
    let graceTimer: NodeJS.Timeout | undefined;
    const onCancel = (): void => {
      graceTimer = setTimeout(
        () => request.destroy(new TransportError(`cancelled: ${what} did not land in time`, 'CANCELLED')),
        opts.cancel?.graceMs ?? 0,
      );
    };
    signal?.addEventListener('abort', onCancel, { once: true });
    request.on('close', () => {
      clearTimeout(graceTimer);
      signal?.removeEventListener('abort', onCancel);
    });
    request.on('error', (e) => reject(e instanceof TransportError ? e : networkError(e, url, service, opts.tlsHint)));
    for (const [name, value] of Object.entries(x.headers)) request.setHeader(name, value);
    request.end(x.body);
  });
}

/** Waits `ms`, or less when the signal aborts (the caller then sees the cancel). */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
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

/** `parses` is false for a body that is not JSON (its text never leaves here: it may hold half a secret). */
function parseBody(text: string): { body: unknown; parses: boolean } {
  if (text === '') return { body: undefined, parses: true };
  try {
    return { body: JSON.parse(text) as unknown, parses: true };
  } catch {
    // A proxy's HTML error page: keep it out of messages, only its presence matters.
    return { body: { errors: ['(response was not JSON)'] }, parses: false };
  }
}

const VAULT_TLS_HINT = 'give vault-ca-cert with the CA that signed the server certificate, or fix the certificate';

/** A Content-Length header as a number, when it is one. */
function declaredLength(header: string | undefined): number | undefined {
  const n = header === undefined ? NaN : Number(header);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function networkError(err: Error, url: URL, service: string, tlsHint = VAULT_TLS_HINT): TransportError {
  const code = (err as NodeJS.ErrnoException).code ?? 'ENETWORK';
  const hint = /CERT|TLS|SSL|SIGNATURE/.test(code)
    ? ` (TLS: ${tlsHint})`
    : err instanceof ProxyError
      ? ` (${err.message}: check ${err.variable}, its credentials, or list ${url.hostname} in NO_PROXY)`
      : '';
  return new TransportError(`could not reach ${service} at ${url.origin}: ${code}${hint}`, code);
}
