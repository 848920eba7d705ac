// A loopback HTTP proxy in front of a real server (OpenBao) that adds what the dev server
// adds with its `latencyMs` option: the same wait before every request is handled. It
// keeps the dev server's bench-facing record, so the main step's breakdown reads either:
// each request's API path with its arrival and answer times, and the connections
// clients opened. It also tallies the statuses the server sent (the load bench's 429
// count comes from here, the server's side of the wire, not from what clients report).
// Bodies pass through untouched and are never kept: they carry tokens and secrets.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ProxiedRequest {
  readonly method: string;
  /** The API path after /v1/, without the query ('bench/data/app/p1'). */
  readonly path: string;
  readonly receivedAt: number;
  /** Epoch ms the reply's headers went back to the client; 0 until then. */
  answeredAt: number;
  status: number;
}

export interface LatencyProxy {
  /** http://127.0.0.1:PORT, to give the action as its Vault address. */
  readonly url: string;
  readonly requests: readonly ProxiedRequest[];
  readonly connectionsOpened: number;
  /** How many replies of each status the server sent, since start or the last reset(). */
  readonly statuses: ReadonlyMap<number, number>;
  /** The Retry-After values sent with 429s (absent: 'none'), with how often each came. */
  readonly retryAfters: ReadonlyMap<string, number>;
  /** Requests the server never answered, by the error the proxy got forwarding them. */
  readonly failures: ReadonlyMap<string, number>;
  /** Clears the tallies (statuses, Retry-After values, failures) for the next measurement. */
  resetStatuses(): void;
  close(): Promise<void>;
}

export async function startLatencyProxy(target: string, latencyMs: number): Promise<LatencyProxy> {
  const upstream = new URL(target);
  // Kept-alive sockets to the server, so the proxy adds its wait and little else.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const requests: ProxiedRequest[] = [];
  const statuses = new Map<number, number>();
  const retryAfters = new Map<string, number>();
  const failures = new Map<string, number>();
  let connectionsOpened = 0;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', upstream);
    const record: ProxiedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname.replace(/^\/v1\//, '')),
      receivedAt: Date.now(),
      answeredAt: 0,
      status: 0,
    };
    requests.push(record);
    const forward = (body: Buffer): void => {
      const out = http.request(
        url,
        { method: req.method, headers: { ...req.headers, host: upstream.host }, agent },
        (reply) => {
          record.status = reply.statusCode ?? 0;
          statuses.set(record.status, (statuses.get(record.status) ?? 0) + 1);
          if (record.status === 429) {
            const value = reply.headers['retry-after'] ?? 'none';
            retryAfters.set(value, (retryAfters.get(value) ?? 0) + 1);
          }
          res.writeHead(record.status, reply.headers);
          record.answeredAt = Date.now();
          reply.pipe(res);
        },
      );
      out.on('error', (err: NodeJS.ErrnoException) => {
        const code = `no reply (${err.code ?? err.message})`;
        failures.set(code, (failures.get(code) ?? 0) + 1);
        res.destroy();
      });
      out.end(body);
    };
    // The whole request is read first (a login's body, a few hundred bytes), then the
    // wait, as in the dev server. (Piping a body held back behind the wait lost some
    // under load: OpenBao waited for it until the client's request timeout.)
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void sleep(latencyMs).then(() => forward(Buffer.concat(chunks))));
  });
  server.on('connection', () => connectionsOpened++);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get connectionsOpened() {
      return connectionsOpened;
    },
    statuses,
    retryAfters,
    failures,
    resetStatuses: () => {
      statuses.clear();
      retryAfters.clear();
      failures.clear();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
