// Issuing certificates from the PKI engine (vault-pki). Each reply is checked before use: the private
// key, certificate and CA chain are masked (every form) the moment they are read, and the serial number
// (an id, not a secret) is handed back for post to revoke.
import type { PkiRequest } from '../inputs/pki.js';
import { Secret } from '../secret.js';
import type { VaultApi } from './client.js';

export interface Issued {
  readonly secrets: Secret[];
  readonly mount: string;
  readonly serial: string;
}

/** vault-action's suffixes, each with the reply field it comes from. */
const PARTS = [
  ['CERT', 'certificate'],
  ['KEY', 'private_key'],
  ['CA', 'issuing_ca'],
  ['CA_CHAIN', 'ca_chain'],
] as const;

export async function issueCertificate(
  req: PkiRequest,
  api: VaultApi,
  onValue: (name: string, value: string) => void,
): Promise<Issued> {
  const reply = await api.write(req.path, { ...req.parameters }, 'issue certificate');
  const data = (reply as { data?: unknown } | undefined)?.data;
  const fields = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const bad = (what: string): Error =>
    new Error(`vault-pki entry ${req.line}: ${req.path} returned no ${what}: check that ${req.mount} is a PKI engine.`);
  // The key first: it is the secret, and must be masked before anything else is looked at.
  const values = new Map<string, string>();
  for (const [suffix, field] of [PARTS[1], PARTS[0], PARTS[2], PARTS[3]]) {
    const raw = fields[field];
    const value = field === 'ca_chain' && isStringList(raw) ? raw.join('\n') : raw;
    if (typeof value !== 'string' || (field !== 'ca_chain' && !value.includes('-----BEGIN'))) throw bad(field);
    onValue(`${req.name}_${suffix}`, value);
    values.set(suffix, value);
  }
  const serial = fields['serial_number'];
  if (typeof serial !== 'string' || !/^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2})*$/.test(serial)) throw bad('serial_number');
  return {
    secrets: PARTS.map(
      ([suffix]) => new Secret(`${req.name}_${suffix}`, `${req.path}#${suffix}`, values.get(suffix) ?? ''),
    ),
    mount: req.mount,
    serial,
  };
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}
