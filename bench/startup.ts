// Start-up: what the bundle adds to a bare `node` start, and what it loads to get there.
// `node dist/main.js` runs until its first input check fails (an unknown `deliver`
// word), so it loads everything a run loads up front and touches nothing; a bare
// `node -e 0` alternates with it. hashicorp/vault-action's bundle is timed the same way
// (it fails on its missing `url` input) when it is present.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_NODE, ROOT } from '../test/runner/job.js';
import { findPeer } from './peer.js';
import { ms, row, spread, target } from './stats.js';

const RUNS = 21;
const TARGET_MS = 60;

export function runStartupBench(): void {
  const peer = findPeer();
  const env = { PATH: process.env['PATH'] ?? '', INPUT_DELIVER: 'none-such' };
  const time = (args: string[]): number => {
    const t0 = performance.now();
    spawnSync(ACTION_NODE, args, { env, stdio: 'ignore' });
    return performance.now() - t0;
  };
  const bare: number[] = [];
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(time(['-e', '0']));
    ours.push(time([join(ROOT, 'dist/main.js')]));
    if (peer.kind === 'real') theirs.push(time([join(peer.actionDir, 'dist/index.js')]));
  }
  const b = spread(bare);
  const o = spread(ours);
  console.log(`start-up: ${RUNS} runs each, alternating; median (min-max)`);
  row('node -e 0 (bare runtime)', ms(b));
  row('node dist/main.js (load, fail on the first input)', ms(o));
  const added = spread(ours.map((t, i) => t - (bare[i] ?? 0)));
  row('  added by the bundle (paired runs)', ms(added));
  let peerDetail = 'peer not present';
  if (peer.kind === 'real') {
    const p = spread(theirs);
    const pAdded = spread(theirs.map((t, i) => t - (bare[i] ?? 0)));
    row('hashicorp/vault-action dist/index.js', ms(p));
    row('  added by its bundle (paired runs)', ms(pAdded));
    peerDetail = `vault-action +${pAdded.median.toFixed(0)} ms, ratio ${(pAdded.median / Math.max(1, added.median)).toFixed(1)}x`;
  }
  const graph = loadGraph();
  row('loaded at start (static imports of dist/main.js)', `${graph.eager.length} files, ${kib(graph.eagerBytes)}`);
  row('loaded on demand (dynamic imports)', `${graph.lazy.length} files, ${kib(graph.lazyBytes)}`);
  target(
    `the bundle adds < ${TARGET_MS} ms to a bare node start`,
    added.median < TARGET_MS,
    `+${added.median.toFixed(0)} ms; ${peerDetail}`,
  );
}

/** dist/main.js's chunks: reached through static imports, and the rest reached only through import(). */
function loadGraph(): { eager: string[]; lazy: string[]; eagerBytes: number; lazyBytes: number } {
  const dist = join(ROOT, 'dist');
  const walk = (start: string, dynamic: boolean): Set<string> => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(join(dist, file), 'utf8');
      const re = dynamic ? /(?:from\s+|import\()"\.\/([^"]+)"/g : /^(?:import|export)\s[^;]*?from\s+"\.\/([^"]+)";/gms;
      for (const m of text.matchAll(re)) visit(m[1] ?? '');
    };
    visit(start);
    return seen;
  };
  const eager = [...walk('main.js', false)];
  const lazy = [...walk('main.js', true)].filter((f) => !eager.includes(f));
  const size = (files: string[]): number => files.reduce((n, f) => n + statSync(join(dist, f)).size, 0);
  return { eager, lazy, eagerBytes: size(eager), lazyBytes: size(lazy) };
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}
