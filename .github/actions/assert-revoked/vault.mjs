// The two Vault lists this helper compares, read with the dev root token.
import { appendFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const input = (name) => process.env[`INPUT_${name.toUpperCase()}`] ?? '';
const addr = input('vault-addr').replace(/\/+$/, '');

async function list(path) {
  const res = await fetch(`${addr}/v1/${path}?list=true`, { headers: { 'X-Vault-Token': input('vault-token') } });
  if (res.status === 404) return []; // Vault answers an empty list with 404
  if (!res.ok) throw new Error(`LIST ${path}: HTTP ${res.status}`);
  return (await res.json()).data.keys;
}

/** Token accessors, hashed: state keeps ids out of sight all the same. */
export const tokens = async () =>
  (await list('auth/token/accessors')).map((a) => createHash('sha256').update(a).digest('hex'));

export const leases = () => list(`sys/leases/lookup/${input('lease-prefix')}`);

export const save = (file, name, value) => appendFileSync(process.env[file] ?? '', `${name}=${value}\n`);
