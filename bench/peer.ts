// The peer the main step is measured against: hashicorp/vault-action's own bundle, run
// through the same runner harness. Its repository commits dist/index.js; the bench
// never vendors it: point VAULT_ACTION_DIST at a checkout's dist/index.js (or unpack
// v3.4.0 into /work/peers/vault-action). Without it the bench runs a MODEL and says so.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../test/runner/job.js';

export const DEFAULT_PEER_DIST = '/work/peers/vault-action/dist/index.js';

export type Peer =
  | { readonly kind: 'real'; readonly name: string; readonly actionDir: string }
  | { readonly kind: 'model'; readonly name: string; readonly actionDir: string };

export function findPeer(): Peer {
  const dist = process.env['VAULT_ACTION_DIST'] || DEFAULT_PEER_DIST;
  const actionDir = join(dirname(dist), '..');
  if (existsSync(dist) && existsSync(join(actionDir, 'action.yml')))
    return { kind: 'real', name: `hashicorp/vault-action (${dist})`, actionDir };
  return {
    kind: 'model',
    name: 'MODEL of vault-action: this action reading one path at a time (vault-concurrency: 1), not vault-action',
    actionDir: ROOT,
  };
}

/** vault-action's inputs for a login; the model takes ours. */
export function peerInputs(
  peer: Peer,
  addr: string,
  spec: string,
  auth: { token: string } | { roleId: string; secretId: string },
): Record<string, string> {
  if (peer.kind === 'model') return { ...ourInputs(addr, spec, auth), 'vault-concurrency': '1' };
  const login =
    'token' in auth ? { token: auth.token } : { method: 'approle', roleId: auth.roleId, secretId: auth.secretId };
  return { url: addr, secrets: spec, ...login };
}

export function ourInputs(
  addr: string,
  spec: string,
  auth: { token: string } | { roleId: string; secretId: string },
): Record<string, string> {
  const login =
    'token' in auth
      ? { 'vault-token': auth.token }
      : { 'vault-method': 'approle', 'vault-role-id': auth.roleId, 'vault-secret-id': auth.secretId };
  return { 'vault-addr': addr, secrets: spec, summary: 'false', ...login };
}
