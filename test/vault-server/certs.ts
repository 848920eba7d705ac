// Real X.509 certificates for the dev server (TLS, cert auth, the PKI engine) and the tests: node:crypto
// reads certificates but cannot make them, so the openssl CLI (Debian package openssl) signs them.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Issued {
  readonly cert: string;
  readonly key: string;
  /** Colon-separated lower-case hex, as Vault's PKI writes serial_number. */
  readonly serial: string;
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

export class TestCa {
  readonly cert: string;
  readonly #key: string;

  constructor(readonly name: string) {
    const made = inTempDir((ssl, read) => {
      ssl('req', '-x509', ...EC_KEY, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', `/CN=${name}`);
      return { cert: read('ca.pem'), key: read('ca.key') };
    });
    this.cert = made.cert;
    this.#key = made.key;
  }

  /** A leaf certificate for `cn`, with DNS/IP subject alternative names for servers. */
  issue(cn: string, opts: { altNames?: readonly string[]; ttlSeconds?: number } = {}): Issued {
    return inTempDir((ssl, read, write) => {
      write('ca.pem', this.cert);
      write('ca.key', this.#key);
      const names = opts.altNames ?? [];
      write('ext', names.length ? `subjectAltName=${names.join(',')}\n` : 'basicConstraints=CA:FALSE\n');
      ssl('req', ...EC_KEY, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', `/CN=${cn}`);
      const days = String(Math.max(1, Math.ceil((opts.ttlSeconds ?? 86400) / 86400)));
      ssl(
        'x509',
        '-req',
        '-in',
        'leaf.csr',
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-out',
        'leaf.pem',
        '-days',
        days,
        '-extfile',
        'ext',
        '-set_serial',
        randomSerial(),
      );
      const cert = read('leaf.pem');
      return { cert, key: read('leaf.key'), serial: serialOf(cert) };
    });
  }
}

export function serialOf(pem: string): string {
  const hex = new X509Certificate(pem).serialNumber.toLowerCase();
  return (hex.length % 2 ? `0${hex}` : hex).match(/../g)?.join(':') ?? hex;
}

function randomSerial(): string {
  return `0x${Buffer.from(crypto.getRandomValues(new Uint8Array(16)))
    .toString('hex')
    .replace(/^0+/, '1')}`;
}

function inTempDir<T>(
  fn: (
    ssl: (...args: string[]) => void,
    read: (file: string) => string,
    write: (file: string, text: string) => void,
  ) => T,
): T {
  const dir = mkdtempSync(join(tmpdir(), 'certs-'));
  try {
    return fn(
      (...args) => void execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' }),
      (file) => readFileSync(join(dir, file), 'utf8'),
      (file, text) => writeFileSync(join(dir, file), text, { mode: 0o600 }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
