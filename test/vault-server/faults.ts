// Injected failures, so tests can exercise a client's retry and timeout handling.
import type { ServerResponse } from 'node:http';
import type { Reply } from './reply.js';

export type FaultRule = {
  method?: string;
  /** Matched against the request path after /v1/ (e.g. 'secret/data/ci/app'); a string is a prefix. */
  path?: string | RegExp;
  /** How many matching requests it hits before it is dropped (default: all). */
  times?: number;
} & (
  | { status: number; retryAfter?: string; errors?: string[] }
  | { reset: true }
  | { hang: true }
  | { delayMs: number }
  /**
   * The request is served for real (a login issues its token, a dynamic read its lease), then only the first
   * half of the JSON body goes out, with the status and a Content-Length that match: what a proxy that cuts
   * replies short, or a Vault that crashes mid-write behind one, delivers.
   */
  | { truncate: true }
  /**
   * Status and headers at once, then the body one byte every `everyMs` (default 300), never finishing: after
   * the real reply, spaces (a 204 becomes a 200, to have a body). Defeats any idle timer; only a limit on the
   * whole exchange ends it.
   */
  | { trickle: true; everyMs?: number }
  /** A 200 reply of `bytes` (a JSON string that long), streamed; no Content-Length unless `declared`. */
  | { oversize: number; declared?: boolean }
);

export class Faults {
  private rules: { rule: FaultRule; left: number }[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ rule, left: rule.times ?? Infinity });
  }

  clear(): void {
    this.rules = [];
  }

  /** The first rule matching the request, counting it as fired. */
  take(method: string, path: string): FaultRule | undefined {
    const entry = this.rules.find(({ rule }) => matches(rule, method, path));
    if (entry && --entry.left <= 0) this.rules.splice(this.rules.indexOf(entry), 1);
    return entry?.rule;
  }
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method !== undefined && rule.method.toUpperCase() !== method) return false;
  if (rule.path === undefined) return true;
  return typeof rule.path === 'string' ? path.startsWith(rule.path) : path.search(rule.path) >= 0;
}

/** The texts Vault sends with these statuses. */
function defaultErrors(status: number, path: string): string[] {
  switch (status) {
    case 429:
      return [`request path "${path}": rate limit quota exceeded`];
    case 503:
      return ['Vault is sealed'];
    case 412:
      return ['required index state not present'];
    case 500:
      return ['internal error'];
    default:
      return [];
  }
}

export function faultReply(rule: { status: number; retryAfter?: string; errors?: string[] }, path: string): Reply {
  return {
    status: rule.status,
    body: { errors: rule.errors ?? defaultErrors(rule.status, path) },
    ...(rule.retryAfter === undefined ? {} : { headers: { 'Retry-After': rule.retryAfter } }),
  };
}

/** Writes `text` a byte at a time, then spaces, until the client goes away. */
export function trickle(res: ServerResponse, text: string, everyMs = 300): void {
  res.flushHeaders();
  let i = 0;
  const timer = setInterval(() => res.write(i < text.length ? text.charAt(i++) : ' '), everyMs);
  res.on('close', () => clearInterval(timer));
}

/** `{"data":{"data":{"value":"xxx…"}}}` of `bytes` in all, in 1 MiB chunks as the client drains them. */
export function oversize(res: ServerResponse, bytes: number, declared: boolean): void {
  const head = '{"data":{"data":{"value":"';
  const tail = '"}}}';
  if (declared) res.setHeader('Content-Length', bytes);
  const chunk = Buffer.alloc(1024 * 1024, 'x');
  let left = bytes - head.length - tail.length;
  res.write(head);
  const pump = (): void => {
    while (left > 0 && !res.destroyed) {
      const n = Math.min(left, chunk.length);
      left -= n;
      if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end(tail);
  };
  pump();
}

/** The first half of a reply's body: complete HTTP, a JSON document that does not parse. */
export function truncateBody(text: string): string {
  return text.slice(0, Math.floor(text.length / 2));
}
