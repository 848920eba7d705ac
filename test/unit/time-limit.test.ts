// The absolute limit on one exchange (src/vault/time-limit.ts), alone: it ends an exchange that
// never settles, and one that keeps making progress (a trickling server), at the same time.
import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { withinTime } from '../../src/vault/time-limit.js';

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

/** A server that sends its headers, then one byte every 50 ms, forever. */
async function trickling(): Promise<string> {
  server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    const timer = setInterval(() => res.write(' '), 50);
    res.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe('withinTime', () => {
  it('resolves with the exchange when it finishes in time, and leaves no timer behind', async () => {
    const aborted: boolean[] = [];
    const value = await withinTime(
      1000,
      () => new Error('late'),
      async (signal) => {
        await new Promise((r) => setTimeout(r, 10));
        aborted.push(signal.aborted);
        return 42;
      },
    );
    expect(value).toBe(42);
    expect(aborted).toEqual([false]);
  });

  it('rejects with its own error at the limit, even when the exchange never settles, and aborts the signal', async () => {
    let signal: AbortSignal | undefined;
    const t0 = Date.now();
    await expect(
      withinTime(
        200,
        () => new Error('out of time'),
        (s) => {
          signal = s;
          return new Promise<never>(() => undefined);
        },
      ),
    ).rejects.toThrow('out of time');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
    expect(signal?.aborted).toBe(true);
  });

  it('ends a reply that trickles a byte every 50 ms (an idle timer of 100 ms never fires on it)', async () => {
    const url = await trickling();
    let bytes = 0;
    let idleFired = false;
    const t0 = Date.now();
    await expect(
      withinTime(
        600,
        () => new Error('whole exchange over 600 ms'),
        (signal) =>
          new Promise<void>((resolve, reject) => {
            const req = http.get(url, { signal }, (res) => {
              res.on('data', (c: Buffer) => (bytes += c.length));
              res.on('end', resolve);
              res.on('error', reject);
            });
            req.setTimeout(100, () => (idleFired = true));
            req.on('error', reject);
          }),
      ),
    ).rejects.toThrow('whole exchange over 600 ms');
    const took = Date.now() - t0;
    expect(took).toBeLessThan(5000);
    expect(bytes).toBeGreaterThan(2); // it was making progress all along
    expect(idleFired).toBe(false);
    // the socket is gone: the server sees its client leave
    await new Promise((r) => setTimeout(r, 50));
    expect(await new Promise<number>((r) => server?.getConnections((_e, n) => r(n)))).toBe(0);
  });

  it('a negative time left ends it at once', async () => {
    await expect(
      withinTime(
        -5,
        () => new Error('none left'),
        () => new Promise<never>(() => undefined),
      ),
    ).rejects.toThrow('none left');
  });
});
