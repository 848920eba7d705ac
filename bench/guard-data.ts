// Data for the leak-guard bench (bench/guard.ts): 50 made-up secrets in every form the
// action registers (src/mask/forms.ts), and fast generators of realistic filler (text,
// log lines, base64, hex, random binary) with those forms planted at known offsets.
// A seeded PRNG picks the secrets, the text and where forms are planted; the base64, hex
// and binary filler comes from crypto.randomFillSync (fast), so its bytes differ from run
// to run (both sides of a comparison always scan the same bytes).
import { randomFillSync } from 'node:crypto';
import { basicAuthForms, formsOf, type MaskForm } from '../src/mask/forms.js';

/** mulberry32: small, fast, good enough for filler. */
export class Rng {
  #s: number;
  constructor(seed: number) {
    this.#s = seed >>> 0;
  }
  u32(): number {
    let t = (this.#s = (this.#s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** 0 <= n < max */
  int(max: number): number {
    return this.u32() % max;
  }
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${ALNUM}+/`;

function randomString(rng: Rng, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet.charAt(rng.int(alphabet.length));
  return s;
}

function fakePem(rng: Rng, label: string, bodyBytes: number): string {
  const body = Buffer.alloc(bodyBytes);
  for (let i = 0; i < bodyBytes; i++) body[i] = rng.int(256);
  const b64 = body.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export interface BenchSecret {
  readonly name: string;
  readonly forms: MaskForm[];
}

/** 50 secrets of the kinds a workflow fetches from Vault, each with all its forms. */
export function benchSecrets(seed = 42): BenchSecret[] {
  const rng = new Rng(seed);
  const out: BenchSecret[] = [];
  const add = (name: string, value: string): void => void out.push({ name, forms: formsOf(value) });
  const prefixes = ['ghp_', 'github_pat_', 'xoxb-', 'sk_live_', 'glpat-', 'npm_', 'AKIA', 'hf_', 'SG.', 'dop_v1_'];
  for (let i = 0; i < 15; i++)
    add(`TOKEN_${i}`, `${prefixes[i % prefixes.length]}${randomString(rng, ALNUM, rng.range(20, 48))}`);
  for (let i = 0; i < 6; i++) add(`AWS_SECRET_${i}`, randomString(rng, B64, 40));
  const special = `${ALNUM}!#$%&'()*+,-./:;<=>?@[]^_{|}~ "\\`;
  for (let i = 0; i < 8; i++)
    add(`PASSWORD_${i}`, randomString(rng, special, rng.range(8, 20)) + (i === 3 ? 'ÄÖü€' : ''));
  for (let i = 0; i < 2; i++) add(`RSA_KEY_${i}`, fakePem(rng, 'RSA PRIVATE KEY', 1190));
  for (let i = 0; i < 2; i++) add(`EC_KEY_${i}`, fakePem(rng, 'EC PRIVATE KEY', 121));
  add('TLS_CERT', fakePem(rng, 'CERTIFICATE', 420));
  const sa = {
    type: 'service_account',
    project_id: `proj-${randomString(rng, 'abcdefghijklmnopqrstuvwxyz0123456789', 10)}`,
    private_key_id: randomString(rng, '0123456789abcdef', 40),
    private_key: fakePem(rng, 'PRIVATE KEY', 300),
    client_email: `deployer@proj-${randomString(rng, 'abcdefghijklmnopqrstuvwxyz', 8)}.iam.gserviceaccount.com`,
    client_id: randomString(rng, '0123456789', 21),
  };
  add('GCP_SA', JSON.stringify(sa, null, 2));
  for (let i = 0; i < 4; i++) {
    add(
      `DOTENV_${i}`,
      [
        `DB_USER=app${i}`,
        `DB_PASSWORD=${randomString(rng, ALNUM, 24)}`,
        `API_KEY=${randomString(rng, ALNUM, 32)}`,
        `SIGNING_SECRET=${randomString(rng, B64, 44)}`,
      ].join('\n'),
    );
  }
  for (let i = 0; i < 3; i++)
    add(
      `DATABASE_URL_${i}`,
      `postgres://svc${i}:${randomString(rng, ALNUM, 20)}@db${i}.internal:5432/app?sslmode=require`,
    );
  for (let i = 0; i < 4; i++)
    add(
      `WEBHOOK_${i}`,
      `https://hooks.example.com/services/T${randomString(rng, ALNUM, 8)}/B${randomString(rng, ALNUM, 8)}/${randomString(rng, ALNUM, 24)}`,
    );
  for (let i = 0; i < 4; i++) {
    const user = `robot$ci-${i}`;
    const pass = randomString(rng, ALNUM, rng.range(16, 40));
    out.push({ name: `REGISTRY_${i}`, forms: [...formsOf(pass), ...basicAuthForms(user, pass)] });
  }
  if (out.length !== 50) throw new Error(`expected 50 bench secrets, made ${out.length}`);
  return out;
}

export interface BenchPatterns {
  /** Every form of every secret, as bytes: the matcher's input. */
  readonly patterns: Uint8Array[];
  /** Indexes into `patterns` of the forms ripgrep can be given (no line breaks). */
  readonly rgIndexes: number[];
  /** The pattern file for `rg -F -f`: one pattern a line, deduplicated. */
  readonly rgFile: string;
}

export function benchPatterns(secrets: readonly BenchSecret[]): BenchPatterns {
  const patterns: Uint8Array[] = [];
  const rgIndexes: number[] = [];
  const rgLines = new Set<string>();
  for (const s of secrets) {
    for (const f of s.forms) {
      const idx = patterns.push(Buffer.from(f.text, 'utf8')) - 1;
      if (!/[\r\n]/.test(f.text)) {
        rgIndexes.push(idx);
        rgLines.add(f.text);
      }
    }
  }
  return { patterns, rgIndexes, rgFile: `${[...rgLines].join('\n')}\n` };
}

// ---- filler ----------------------------------------------------------------------

const WORDS = (() => {
  const rng = new Rng(7);
  const common =
    'the of and to in is it for on with as at by from this that error warning info debug request response user file path cache build test node module package version true false null id name value status ok failed retry timeout connection server client'.split(
      ' ',
    );
  const words = [...common];
  while (words.length < 3000) words.push(randomString(rng, 'abcdefghijklmnopqrstuvwxyz', rng.range(2, 11)));
  return words.map((w) => Buffer.from(w, 'latin1'));
})();
const PUNCT = Buffer.from(' .,:;=/-_"(){}[]', 'latin1');

export interface Mix {
  text: number;
  base64: number;
  hex: number;
  binary: number;
}
/** What the big file and the folder are made of, by share of bytes. */
export const MIX: Mix = { text: 0.35, base64: 0.35, hex: 0.1, binary: 0.2 };

/** Fills `buf` with segments of log-like text, base64 (wrapped and long lines), hex lines and random binary. */
export function fillFiller(buf: Buffer, rng: Rng, mix: Mix = MIX): void {
  let pos = 0;
  while (pos < buf.length) {
    const len = Math.min(buf.length - pos, rng.range(2048, 65536));
    const r = rng.u32() / 2 ** 32;
    const seg = buf.subarray(pos, pos + len);
    if (r < mix.text) fillText(seg, rng);
    else if (r < mix.text + mix.base64) fillBase64(seg, rng);
    else if (r < mix.text + mix.base64 + mix.hex) fillHex(seg, rng);
    else randomFillSync(seg);
    pos += len;
  }
}

function fillText(seg: Buffer, rng: Rng): void {
  const n = seg.length;
  let p = 0;
  let lineLen = 0;
  while (p < n) {
    const x = rng.u32();
    // Zipf-ish: square the uniform to favour the first (common) words
    const u = (x & 0xffff) / 0x10000;
    const w = WORDS[Math.floor(u * u * WORDS.length)] as Buffer;
    for (let i = 0; i < w.length && p < n; i++) seg[p++] = w[i] as number;
    lineLen += w.length + 1;
    if (p >= n) break;
    if (lineLen > 60 + ((x >>> 16) & 63)) {
      seg[p++] = 10;
      lineLen = 0;
    } else if (((x >>> 22) & 7) === 0) {
      seg[p++] = PUNCT[(x >>> 25) % PUNCT.length] as number;
    } else if (((x >>> 22) & 15) === 1) {
      // a number
      let v = x >>> 12;
      do {
        if (p < n) seg[p++] = 48 + (v % 10);
        v = Math.floor(v / 10);
      } while (v > 0);
      if (p < n) seg[p++] = 32;
    } else {
      seg[p++] = 32;
    }
  }
}

function fillBase64(seg: Buffer, rng: Rng): void {
  const raw = Buffer.allocUnsafe(Math.ceil((seg.length * 3) / 4) + 3);
  randomFillSync(raw);
  const text = Buffer.from(raw.toString(rng.int(4) === 0 ? 'base64url' : 'base64'), 'latin1');
  if (rng.int(2) === 0) {
    text.copy(seg, 0, 0, seg.length); // one long line (JSON blobs, docker configs)
    seg[seg.length - 1] = 10;
    return;
  }
  let p = 0;
  let q = 0;
  while (p < seg.length) {
    const take = Math.min(76, seg.length - p);
    text.copy(seg, p, q, q + take);
    p += take;
    q += take;
    if (p < seg.length) seg[p++] = 10;
  }
}

function fillHex(seg: Buffer, rng: Rng): void {
  const raw = Buffer.allocUnsafe(Math.ceil(seg.length / 2) + 1);
  randomFillSync(raw);
  const text = Buffer.from(raw.toString('hex'), 'latin1');
  const width = rng.pick([40, 64, 128]);
  let p = 0;
  let q = 0;
  while (p < seg.length) {
    const take = Math.min(width, seg.length - p);
    text.copy(seg, p, q, q + take);
    p += take;
    q += take;
    if (p < seg.length) seg[p++] = rng.int(3) === 0 ? 32 : 10;
  }
}
