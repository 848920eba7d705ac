// hashicorp/vault-action's grammar, names and selection (src/compat/), each case worked out
// from vault-action v3.4.0's src/action.js, src/secrets.js and src/utils.js.
import { describe, expect, it } from 'vitest';
import { parseCompatSpec } from '../../src/compat/spec.js';
import { normalizeKey } from '../../src/compat/names.js';
import { selectCompat } from '../../src/compat/select.js';
import type { SecretRequest } from '../../src/spec/index.js';

const one = (spec: string): SecretRequest => {
  const [request] = parseCompatSpec(spec);
  if (!request) throw new Error('no request');
  return request;
};

describe('vault-action names (normalizeOutputKey)', () => {
  it.each([
    ['npmToken', 'npmToken', 'NPMTOKEN'],
    ['with.dot', 'with__dot', 'WITH__DOT'],
    ['my-key', 'mykey', 'MYKEY'],
    ['a b$c', 'abc', 'ABC'],
    ['pässwörd', 'pässwörd', 'PÄSSWÖRD'],
    ['1st', '1st', '1ST'],
  ])('%s -> output %s, env %s', (key, output, env) => {
    expect(normalizeKey(key, false)).toBe(output);
    expect(normalizeKey(key, true)).toBe(env);
  });
});

describe('vault-action secrets grammar', () => {
  it('derives the output name (case kept) and the env name (upper-cased) from the selector', () => {
    const r = one('secret/data/nested/test otherSecret ;');
    expect(r).toMatchObject({ path: 'secret/data/nested/test', name: 'OTHERSECRET', outputName: 'otherSecret' });
    expect(r.selector).toEqual({ kind: 'compat', selector: 'otherSecret' });
  });

  it('uses a name after `|` as given for both, and drops a leading `/` from the path', () => {
    expect(one('/cubbyhole/test zip | NAMED_CUBBYSECRET')).toMatchObject({
      path: 'cubbyhole/test',
      name: 'NAMED_CUBBYSECRET',
      outputName: 'NAMED_CUBBYSECRET',
    });
  });

  it('removes quotes from the selector, as vault-action does', () => {
    expect(one('secret/data/x "my.key"').selector).toEqual({ kind: 'compat', selector: 'my.key' });
    expect(one('secret/data/x "my.key"')).toMatchObject({ name: 'MY__KEY', outputName: 'my__key' });
  });

  it('splits on `;` and on new lines, skipping empty entries and comment lines', () => {
    const requests = parseCompatSpec('# ci\nsecret/data/a one ; secret/data/b two;\n\n;secret/data/c three');
    expect(requests.map((r) => [r.line, r.outputName])).toEqual([
      [2, 'one'],
      [2, 'two'],
      [4, 'three'],
    ]);
  });

  it('takes `*` and `**` with an optional prefix', () => {
    expect(one('secret/data/ci/aws * | MYAPP_')).toMatchObject({ name: 'MYAPP_', outputName: 'MYAPP_' });
    expect(one('secret/data/ci/aws **')).toMatchObject({ name: '', outputName: '' });
  });

  it.each([
    ['secret/data/x servers[1]', /a JSONata selector needs a name: add `\| NAME`/],
    ['secret/data/x $count(a)', /a JSONata selector needs a name/],
    ['secret/data/x a-b', /a JSONata selector needs a name/],
    ['secret/data/x', /write a path and a key/],
    ['secret/data/x a b', /write a path and a key/],
    ['secret/data/x a |', /`\|` has nothing after it/],
    ['secret/data/x a | my/name', /invalid name `my\/name`/],
    ['secret/data/x a[', /not valid JSONata/],
    ['secret/data/x/ a', /is a folder/],
    ['secret/../x a', /'\.\.' segment/],
    ['secret/data/x "***"', /no name can be made/],
    ['secret/data/x a ; secret/data/y A', /name A from .* clashes with A/],
  ])('%s is refused: %s', (spec, message) => {
    expect(() => parseCompatSpec(spec)).toThrow(message);
  });

  it('accepts JSONata selectors with a name, and plain paths (nested keys) without one', () => {
    expect(one('secret/data/x servers[1].name | S').name).toBe('S');
    expect(one('secret/data/x config.db.host')).toMatchObject({
      name: 'CONFIG__DB__HOST',
      outputName: 'config__db__host',
    });
  });
});

describe('vault-action selection (selectData)', () => {
  const data = {
    servers: [{ name: 'alpha-host' }, { name: 'beta-host' }],
    'servers[1]': 'the-literal-key',
    'with.dot': 'dotted-key-value',
    with: { dot: 'nested-value' },
    count: 42,
    flag: true,
    nothing: null,
    doc: { x: 1, y: 'qux' },
    jsonString: '{"x":1,"y":"qux"}',
    SecretKey: 'secret-key-value',
    'access-key': 'access-key-value',
  };
  const select = async (spec: string, encoding?: 'base64' | 'hex' | 'utf8') => {
    const request = one(spec);
    if (request.selector.kind !== 'compat') throw new Error('not compat');
    const selected = await selectCompat({ ...request, selector: request.selector }, data, 'secret/x', { encoding });
    return selected.map((s) => [s.name, s.outputName, s.value]);
  };

  it.each([
    ['secret/x count', 'COUNT', 'count', '42'],
    ['secret/x flag', 'FLAG', 'flag', 'true'],
    ['secret/x nothing', 'NOTHING', 'nothing', 'null'],
    ['secret/x doc', 'DOC', 'doc', '{"x":1,"y":"qux"}'],
    ['secret/x jsonString', 'JSONSTRING', 'jsonString', '{"x":1,"y":"qux"}'],
    ['secret/x doc.y', 'DOC__Y', 'doc__y', 'qux'],
    ['secret/x servers[1].name | HOST', 'HOST', 'HOST', 'beta-host'],
    ['secret/x servers.name | NAMES', 'NAMES', 'NAMES', '["alpha-host","beta-host"]'],
    ['secret/x $count($.servers) | N', 'N', 'N', '2'],
    ['secret/x $count(servers) | N', 'N', 'N', undefined], // no `.`: quoted, so a key named "$count(servers)"
    // Without a `.` the selector is quoted, so it names a key literally.
    ['secret/x servers[1] | LIT', 'LIT', 'LIT', 'the-literal-key'],
    ['secret/x `with.dot` | DOTTED', 'DOTTED', 'DOTTED', 'dotted-key-value'],
    // Quotes are removed first, so "with.dot" is the nested path with.dot.
    ['secret/x "with.dot"', 'WITH__DOT', 'with__dot', 'nested-value'],
    ['secret/x access-key | AK', 'AK', 'AK', 'access-key-value'],
  ])('%s -> env %s, output %s = %s', async (spec, name, outputName, value) => {
    if (value === undefined) await expect(select(spec)).rejects.toThrow(/No match data was found/);
    else expect(await select(spec)).toEqual([[name, outputName, value]]);
  });

  it('`*` upper-cases env names, `**` keeps the keys as they are; outputs keep case either way', async () => {
    const small = { SecretKey: 'secret-key-value', 'access-key': 'access-key-value', 'a.b': 'dotted-key-value' };
    const all = async (spec: string) => {
      const request = one(spec);
      if (request.selector.kind !== 'compat') throw new Error('not compat');
      return (await selectCompat({ ...request, selector: request.selector }, small, 'p', { encoding: undefined })).map(
        (s) => [s.name, s.outputName, s.value],
      );
    };
    expect(await all('p * | MYAPP_')).toEqual([
      ['MYAPP_SECRETKEY', 'MYAPP_SecretKey', 'secret-key-value'],
      ['MYAPP_ACCESSKEY', 'MYAPP_accesskey', 'access-key-value'],
      ['MYAPP_A__B', 'MYAPP_a__b', 'dotted-key-value'],
    ]);
    expect(await all('p **')).toEqual([
      ['SecretKey', 'SecretKey', 'secret-key-value'],
      ['accesskey', 'accesskey', 'access-key-value'],
      ['a__b', 'a__b', 'dotted-key-value'],
    ]);
  });

  it('a key that matches nothing fails without showing any value', async () => {
    await expect(select('secret/x missing')).rejects.toThrow(
      /line 1: unable to retrieve result for missing\. No match data was found/,
    );
  });

  it.each([
    ['secret/x $number(doc.y) | N', 'D3030'],
    ['secret/x $error(doc.y) | N', 'D3137'],
  ])(
    'a JSONata evaluation error gives its code, never its message, which can quote the data: %s',
    async (spec, code) => {
      const error = await select(spec).catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(new RegExp(`JSONata error ${code}`));
      expect((error as Error).message).not.toContain('qux');
    },
  );

  it('secretEncodingType decodes the selected value', async () => {
    const b64 = { v: Buffer.from('decoded-secret').toString('base64'), h: Buffer.from('hex-secret').toString('hex') };
    const request = one('p v');
    const hexRequest = one('p h');
    if (request.selector.kind !== 'compat' || hexRequest.selector.kind !== 'compat') throw new Error('not compat');
    const [plain] = await selectCompat({ ...request, selector: request.selector }, b64, 'p', { encoding: 'base64' });
    const [hex] = await selectCompat({ ...hexRequest, selector: hexRequest.selector }, b64, 'p', { encoding: 'hex' });
    expect(plain?.value).toBe('decoded-secret');
    expect(hex?.value).toBe('hex-secret');
  });
});
