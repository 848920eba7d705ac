import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import {
  base64Alignments,
  basicAuthForms,
  formsOf,
  jsonLeaves,
  LARGE_VALUE_CHARS,
  MIN_DERIVED_LENGTH,
  plainParts,
  RECORDED_CHARS_PER_VALUE,
  RECORDED_FORM_CHARS,
  recordedForms,
} from '../../src/mask/forms.js';
import { MaskRegistry } from '../../src/mask/registry.js';
import { credentialPairs } from '../../src/mask/pairs.js';

describe('base64 at every alignment', () => {
  it('finds the value inside any longer base64 text, whatever sits before and after', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.uint8Array({ maxLength: 10 }),
        fc.uint8Array({ maxLength: 10 }),
        (value, before, after) => {
          const whole = Buffer.concat([before, value, after]);
          const forms = base64Alignments(value, 'base64');
          const formsUrl = base64Alignments(value, 'base64url');
          const offset = before.length % 3;
          // the form for this alignment is the one computed with `offset` leading bytes
          const expected = base64Alignments(value, 'base64')[offset] ?? '';
          if (value.length >= 3) {
            expect(forms.some((f) => whole.toString('base64').includes(f))).toBe(true);
            expect(whole.toString('base64')).toContain(expected);
            expect(formsUrl.some((f) => whole.toString('base64url').includes(f))).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds double base64 of a value inside any blob, at 9 alignments', () => {
    const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
    fc.assert(
      fc.property(
        fc.string({ minLength: 8, maxLength: 40 }).filter((v) => v.trim() === v && v.trim() !== ''),
        fc.uint8Array({ maxLength: 12 }),
        fc.uint8Array({ maxLength: 12 }),
        (value, before, after) => {
          const forms = formsOf(value);
          const whole = Buffer.concat([before, Buffer.from(value), after]);
          const twice = b64(Buffer.from(b64(whole)));
          expect(forms.some((f) => f.kind === 'base64-base64' && twice.includes(f.text))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
    const kinds = formsOf('s3cr3t-pass').map((f) => f.kind);
    expect(kinds.filter((k) => k === 'base64-base64')).toHaveLength(9);
  });

  it('drops padding, unlike the runner', () => {
    const forms = base64Alignments(Buffer.from('hunter22'), 'base64');
    expect(forms.every((f) => !f.includes('='))).toBe(true);
    expect(forms[0]).toBe(Buffer.from('hunter22').toString('base64').replace(/=+$/, '').slice(0, 10));
  });
});

describe('plain parts', () => {
  it('splits lines and trims them, like the runner', () => {
    const parts = plainParts('-----BEGIN KEY-----\r\n  abc def ghi  \n\n-----END KEY-----');
    expect(parts.map((p) => p.text)).toEqual([
      '-----BEGIN KEY-----\r\n  abc def ghi  \n\n-----END KEY-----',
      '-----BEGIN KEY-----',
      'abc def ghi',
      '-----END KEY-----',
    ]);
  });

  it('leaves out lines and leaves too short to mask on their own', () => {
    expect(plainParts('{"name":"app","port":5432,"password":"hunter2-xyz"}').map((p) => p.text)).toEqual([
      '{"name":"app","port":5432,"password":"hunter2-xyz"}',
      'hunter2-xyz',
    ]);
  });

  it('takes string and number leaves of JSON documents, not booleans or null', () => {
    expect(jsonLeaves('{"a":"x1","b":{"c":[42,"y2",true,null]}}')).toEqual(['x1', '42', 'y2']);
    expect(jsonLeaves('not json {')).toEqual([]);
    expect(jsonLeaves('"just a string"')).toEqual([]);
  });

  it('masks a leaf value whose own text has several lines', () => {
    const parts = plainParts(JSON.stringify({ key: 'line-one-xx\nline-two-yy' }));
    expect(parts.map((p) => p.text)).toContain('line-two-yy');
  });
});

describe('formsOf', () => {
  const value = 'pässwörd with spaces & "quotes"';
  const forms = formsOf(value);
  const texts = forms.map((f) => f.text);

  it('has hex, URL, JSON escapes and both base64 alphabets', () => {
    const bytes = Buffer.from(value);
    expect(texts).toContain(bytes.toString('hex'));
    expect(texts).toContain(bytes.toString('hex').toUpperCase());
    expect(texts).toContain(encodeURIComponent(value));
    expect(texts).toContain(JSON.stringify(value).slice(1, -1));
    for (const alphabet of ['base64', 'base64url'] as const) {
      for (const b of base64Alignments(bytes, alphabet)) expect(texts).toContain(b);
    }
  });

  it('never registers a derived form shorter than the minimum', () => {
    for (const f of formsOf('abc'))
      if (f.kind !== 'value' && f.kind !== 'line' && f.kind !== 'json-leaf')
        expect(f.text.length).toBeGreaterThanOrEqual(MIN_DERIVED_LENGTH);
  });

  it('never registers an empty or blank form, whatever the value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (v) => {
        for (const f of formsOf(v)) expect(f.text.trim()).not.toBe('');
      }),
    );
  });

  it('covers docker auth: base64 of user:password whole', () => {
    const forms = basicAuthForms('deploy-bot', 's3cr3t-pass');
    expect(forms.map((f) => f.text)).toContain(Buffer.from('deploy-bot:s3cr3t-pass').toString('base64'));
  });
});

describe('MaskRegistry', () => {
  it('registers each form once, and reports short values and short parts', () => {
    const seen: string[] = [];
    const reg = new MaskRegistry((t) => seen.push(t));
    expect(reg.addSecret('A', 'abc')).toEqual({ short: true, shortParts: 0 });
    reg.addSecret('B', 'abc');
    expect(seen.filter((s) => s === 'abc')).toHaveLength(1);
    expect(reg.addSecret('C', '{"user":"u","pass":"long-enough-value"}')).toEqual({ short: false, shortParts: 1 });
    expect(seen).toContain('long-enough-value');
    expect(seen).not.toContain('u');
  });

  it('redacts every registered form, longest first', () => {
    const reg = new MaskRegistry(() => undefined);
    reg.addSecret('A', 'hunter2-hunter2');
    const b64 = Buffer.from('hunter2-hunter2').toString('base64');
    expect(reg.redact(`x hunter2-hunter2 y ${b64} z`)).toBe('x *** y *** z');
  });

  it('redacts and finds a whole value before its parts: a JSON document becomes one ***', () => {
    const reg = new MaskRegistry(() => undefined);
    const doc = '{"user":"admin-user","pass":"long-enough-value"}';
    reg.addSecret('DOC', doc);
    expect(reg.redact(`config=${doc}`)).toBe('config=***');
    expect(reg.find(`config=${doc}`)).toMatchObject({ name: 'DOC', kind: 'value', text: doc });
  });

  it('redacts every occurrence, not only the first', () => {
    const reg = new MaskRegistry(() => undefined);
    reg.addSecret('A', 'hunter2-hunter2');
    expect(reg.redact('hunter2-hunter2 and again hunter2-hunter2, and hunter2-hunter2')).toBe(
      '*** and again ***, and ***',
    );
  });
});

// What other programs write, produced by them or spelled out by hand, never by
// src/mask: each must come out fully masked.
describe('the encodings other tools write', () => {
  const masked = (value: string, written: string): string => {
    const reg = new MaskRegistry(() => undefined);
    reg.addSecret('A', value);
    return reg.redact(written);
  };

  it("bash's set -x trace of a value with single quotes", () => {
    const value = "it's the 'admin' secret";
    const trace = spawnSync('bash', ['-xc', 'echo "$V" >/dev/null'], { env: { V: value }, encoding: 'utf8' }).stderr;
    expect(trace).toContain("'\\''");
    expect(masked(value, trace)).toContain("+ echo '***'\n");
    expect(masked(value, trace)).not.toMatch(/admin|secret/);
  });

  it('a form-encoded body (URLSearchParams: spaces as +)', () => {
    const value = 'pässwörd with spaces';
    const body = new URLSearchParams({ password: value }).toString();
    expect(body).toBe('password=p%C3%A4ssw%C3%B6rd+with+spaces');
    expect(masked(value, body)).toBe('password=***');
  });

  it("a strict RFC 3986 encoder (!'()* encoded too)", () => {
    expect(masked("o'neil (admin)!*pass", 'u=o%27neil%20%28admin%29%21%2Apass&x=1')).toBe('u=***&x=1');
  });

  it('ASCII-only JSON (Python json.dumps, jq -a)', () => {
    expect(masked('pässwörd-✓-密码', '{"pw": "p\\u00e4ssw\\u00f6rd-\\u2713-\\u5bc6\\u7801"}')).toBe('{"pw": "***"}');
  });

  it('upper-case hex and base64 at every offset inside a longer run', () => {
    const value = 'deploy-key-0123';
    expect(masked(value, Buffer.from(value).toString('hex').toUpperCase())).toBe('***');
    for (const pad of ['', 'x', 'xy']) {
      const b64 = Buffer.from(`${pad}${value}tail-bytes`).toString('base64');
      expect(masked(value, b64)).toContain('***');
    }
  });

  it("docker's auth: base64 of user:password, whole and inside a longer base64 run", () => {
    const reg = new MaskRegistry(() => undefined);
    reg.addBasicAuth('docker', 'deploy-bot', 's3cr3t-pass-word');
    const auth = Buffer.from('deploy-bot:s3cr3t-pass-word').toString('base64');
    expect(reg.redact(JSON.stringify({ auths: { 'ghcr.io': { auth } } }))).toBe('{"auths":{"ghcr.io":{"auth":"***"}}}');
    for (const pad of ['', 'x', 'xy'])
      expect(reg.redact(Buffer.from(`${pad}user deploy-bot:s3cr3t-pass-word end`).toString('base64'))).toContain('***');
  });
});

describe('credentialPairs', () => {
  it('pairs user and password keys read from the same secret only', () => {
    const pairs = credentialPairs([
      { source: 'database/creds/app#username', name: 'DB_USER', value: 'v-app-1' },
      { source: 'database/creds/app#password', name: 'DB_PASS', value: 'pw-1' },
      { source: 'secret/other#password', name: 'OTHER', value: 'pw-2' },
    ]);
    expect(pairs).toEqual([{ user: 'v-app-1', password: 'pw-1', name: 'DB_PASS' }]);
  });
});

describe('large values', () => {
  const large = Array.from({ length: 2000 }, (_, i) => `line-${i}-${'x'.repeat(60)}`).join('\n');

  it('are masked by their plain parts only, past LARGE_VALUE_CHARS', () => {
    expect(large.length).toBeGreaterThan(LARGE_VALUE_CHARS);
    expect(formsOf(large)).toEqual(plainParts(large));
    expect(formsOf(large.slice(0, 1000)).some((f) => f.kind === 'base64')).toBe(true);
  });

  it('are recorded for the guard as heads of their forms, within a budget per value', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => ({
      kind: 'line' as const,
      text: `line-${i}-${'y'.repeat(60)}`,
    }));
    const forms = [{ kind: 'value' as const, text: 'a'.repeat(RECORDED_FORM_CHARS * 3) }, ...lines];
    const kept = recordedForms(forms);
    expect(kept[0]?.text).toBe('a'.repeat(RECORDED_FORM_CHARS));
    expect(kept.length).toBeLessThan(forms.length);
    expect(kept.slice(1)).toEqual(lines.slice(0, kept.length - 1));
    const total = kept.reduce((n, f) => n + f.text.length, 0);
    expect(total).toBeLessThan(RECORDED_CHARS_PER_VALUE + RECORDED_FORM_CHARS);
  });

  it('never cut a surrogate pair in half', () => {
    const text = `${'a'.repeat(RECORDED_FORM_CHARS - 1)}\u{1F511}${'b'.repeat(10)}`;
    const [kept] = recordedForms([{ kind: 'value', text }]);
    expect(kept?.text).toBe('a'.repeat(RECORDED_FORM_CHARS - 1));
  });
});
