// The leak guard's scanner on real files and archives made with tar, gzip and zstd.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { formsOf, basicAuthForms } from '../../src/mask/forms.js';
import { Scanner, tooShortToScan, type GuardForm } from '../../src/guard/scanner.js';
import { addLineNumbers } from '../../src/guard/report.js';

const API_KEY = `ak-${randomBytes(16).toString('base64url')}`;
const PEM_LINE = randomBytes(48).toString('base64');
const PASSWORD = `pw-${randomBytes(12).toString('hex')}`;
const forms: GuardForm[] = [
  ...formsOf(API_KEY).map((f) => ({ ...f, name: 'API_KEY' })),
  ...formsOf(`-----BEGIN KEY-----\n${PEM_LINE}\n-----END KEY-----`).map((f) => ({ ...f, name: 'TLS_KEY' })),
  ...formsOf(PASSWORD).map((f) => ({ ...f, name: 'REG_PASSWORD' })),
  ...basicAuthForms('ci-bot', PASSWORD).map((f) => ({ ...f, name: 'REG_PASSWORD' })),
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scan-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function scan(path: string): Promise<Scanner> {
  const s = new Scanner(forms);
  await s.scanPath(path);
  addLineNumbers(s.hits);
  return s;
}

const tar = (cwd: string, out: string, ...files: string[]): void =>
  void execFileSync('tar', ['-C', cwd, '-cf', out, ...files]);

describe('Scanner', () => {
  it('finds every form in text and binary files, with file, offset, name, form and line', async () => {
    const d = join(dir, 'forms');
    mkdirSync(d);
    writeFileSync(join(d, 'plain.env'), `A=1\nB=2\nAPI=${API_KEY}\n`);
    writeFileSync(join(d, 'b64.txt'), `blob: ${Buffer.from(`{"k":"${API_KEY}"}`).toString('base64')}\n`);
    writeFileSync(
      join(d, 'hex.bin'),
      Buffer.concat([
        Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0]),
        randomBytes(94),
        Buffer.from(Buffer.from(API_KEY).toString('hex')),
        randomBytes(100),
      ]),
    );
    writeFileSync(join(d, 'url.log'), `GET /?key=${encodeURIComponent(API_KEY)}\n`);
    writeFileSync(join(d, 'pem-line.txt'), `x\ny\n${PEM_LINE}\n`);
    writeFileSync(
      join(d, 'docker.json'),
      JSON.stringify({ auths: { r: { auth: Buffer.from(`ci-bot:${PASSWORD}`).toString('base64') } } }),
    );
    const s = await scan(d);
    const by = (file: string) => s.hits.filter((h) => h.path === join(d, file));
    expect(by('plain.env')).toEqual([expect.objectContaining({ name: 'API_KEY', form: 'value', offset: 12, line: 3 })]);
    expect(by('b64.txt')[0]).toMatchObject({ name: 'API_KEY', form: 'base64', line: 1 });
    expect(by('hex.bin')[0]).toMatchObject({ name: 'API_KEY', form: 'hex', offset: 100 });
    expect(by('hex.bin')[0]?.line).toBeUndefined();
    expect(by('url.log')[0]).toMatchObject({ name: 'API_KEY' });
    expect(by('pem-line.txt')[0]).toMatchObject({ name: 'TLS_KEY', form: 'line', line: 3 });
    expect(by('docker.json').map((h) => h.form)).toContain('basic-auth');
    expect(s.stats.files).toBe(6);
  });

  it('finds secrets across read-buffer boundaries in large files', async () => {
    const path = join(dir, 'big.bin');
    const size = (1 << 20) * 3 + 17;
    const data = randomBytes(size);
    const positions = [(1 << 20) - 5, 2 * (1 << 20) - 1, size - API_KEY.length];
    for (const p of positions) data.write(API_KEY, p, 'latin1');
    writeFileSync(path, data);
    const s = await scan(path);
    expect(s.hits.filter((h) => h.form === 'value').map((h) => h.offset)).toEqual(positions);
  });

  it('opens tar, gzip, zstd and nested archives, naming the path inside', async () => {
    const src = join(dir, 'arch-src');
    mkdirSync(join(src, 'deep'), { recursive: true });
    writeFileSync(join(src, 'deep', 'config.yml'), `token: ${API_KEY}\n`);
    writeFileSync(join(src, 'clean.txt'), 'nothing here\n');
    const out = join(dir, 'arch');
    mkdirSync(out);
    tar(src, join(out, 'plain.tar'), 'deep', 'clean.txt');
    writeFileSync(
      join(out, 'plain.tar.gz'),
      gzipSync(Buffer.from(execFileSync('tar', ['-C', src, '-cf', '-', 'deep']))),
    );
    execFileSync('zstd', ['-q', '-o', join(out, 'plain.tar.zst'), join(out, 'plain.tar')]);
    // a tar holding a .tar.gz holding the secret: nested
    const outer = join(dir, 'outer-src');
    mkdirSync(outer);
    writeFileSync(
      join(outer, 'inner.tar.gz'),
      gzipSync(Buffer.from(execFileSync('tar', ['-C', src, '-cf', '-', 'deep']))),
    );
    tar(outer, join(out, 'nested.tar'), 'inner.tar.gz');
    const s = await scan(out);
    const inner = (file: string) =>
      s.hits.filter((h) => h.path === join(out, file) && h.form === 'value').map((h) => h.inner);
    expect(inner('plain.tar')).toEqual(['deep/config.yml']);
    expect(inner('plain.tar.gz')).toEqual(['(gzip)!deep/config.yml']);
    expect(inner('plain.tar.zst')).toEqual(['(zstd)!deep/config.yml']);
    expect(inner('nested.tar')).toEqual(['inner.tar.gz!(gzip)!deep/config.yml']);
    expect(s.stats.archives).toBeGreaterThanOrEqual(6);
  });

  it('names members with long paths (GNU and pax headers)', async () => {
    const src = join(dir, 'long-src');
    const deep = join('a'.repeat(60), 'b'.repeat(60), 'c'.repeat(40));
    mkdirSync(join(src, deep), { recursive: true });
    writeFileSync(join(src, deep, 'secret.txt'), `x=${API_KEY}\n`);
    for (const format of ['gnu', 'pax']) {
      const archive = join(dir, `long-${format}.tar`);
      execFileSync('tar', ['-C', src, `--format=${format}`, '-cf', archive, 'a'.repeat(60)]);
      const s = await scan(archive);
      expect(s.hits.filter((h) => h.form === 'value').map((h) => h.inner)).toEqual([`${deep}/secret.txt`]);
    }
  });

  it('does not follow links or read special files', async () => {
    const d = join(dir, 'links');
    mkdirSync(d);
    const outside = join(dir, 'outside.txt');
    writeFileSync(outside, API_KEY);
    symlinkSync(outside, join(d, 'link.txt'));
    execFileSync('mkfifo', [join(d, 'fifo')]);
    const s = await scan(d);
    expect(s.hits).toEqual([]);
    expect(s.stats.skipped).toBe(2);
  });

  it('reports no near miss, and nothing in random bytes', async () => {
    const d = join(dir, 'clean');
    mkdirSync(d);
    writeFileSync(
      join(d, 'near.txt'),
      `${API_KEY.slice(0, -1)}${API_KEY.endsWith('x') ? 'y' : 'x'}\n${API_KEY.slice(1)}\n`,
    );
    writeFileSync(join(d, 'random.bin'), randomBytes(4 << 20));
    const s = await scan(d);
    expect(s.hits).toEqual([]);
    expect(s.stats.bytes).toBeGreaterThan(4 << 20);
  });
});

describe('Scanner blind spots', () => {
  it('scans the raw bytes of a file that starts with gzip or zstd magic but does not decode', async () => {
    const d = join(dir, 'fake-archives');
    mkdirSync(d);
    const magic = { gzip: [0x1f, 0x8b], zstd: [0x28, 0xb5, 0x2f, 0xfd] };
    for (const [format, bytes] of Object.entries(magic)) {
      // small (read whole) and large (streamed) files take different paths
      for (const size of [100, 3 << 20]) {
        const path = join(d, `${format}-${size}.bin`);
        writeFileSync(path, Buffer.concat([Buffer.from(bytes), randomBytes(size), Buffer.from(`k=${API_KEY}\n`)]));
        const s = await scan(path);
        expect(
          s.hits.map((h) => [h.name, h.form]),
          path,
        ).toContainEqual(['API_KEY', 'value']);
        expect(s.stats.notes.join('\n')).toContain(`not a valid ${format} stream`);
      }
    }
  });

  it('does not look for forms shorter than the masking floor, and counts the values left out', async () => {
    const short: GuardForm[] = [{ text: 'root', name: 'DEV_TOKEN', kind: 'value' }, ...forms];
    const path = join(dir, 'ustar.txt');
    writeFileSync(path, 'owner root group root\n');
    const s = new Scanner(short);
    await s.scanPath(path);
    expect(s.hits).toEqual([]);
    expect(tooShortToScan(short)).toBe(1);
  });
});
