import { describe, expect, it } from 'vitest';
import { apiPathsFor, secretData } from '../../src/vault/paths.js';
import { selectValues } from '../../src/vault/select.js';
import { parseSpec } from '../../src/spec/index.js';
import { renderEnvFile } from '../../src/deliver/env-file.js';
import { Secret } from '../../src/secret.js';
import { inspect } from 'node:util';

const kv2 = { path: 'secret/', type: 'kv', kvVersion: 2 as const };
const kv1 = { path: 'kv1/', type: 'kv', kvVersion: 1 as const };

describe('apiPathsFor', () => {
  it('inserts data/ and metadata/ on KV v2, and accepts the vault-action spelling', () => {
    expect(apiPathsFor('secret/ci/app', kv2, undefined)).toEqual({
      read: 'secret/data/ci/app',
      list: 'secret/metadata/ci/app/',
      unwrap: 'kv2',
    });
    expect(apiPathsFor('secret/data/ci/app', kv2, 3).read).toBe('secret/data/ci/app?version=3');
  });

  it('reads KV v1 and other mounts as written, and refuses versions there', () => {
    expect(apiPathsFor('kv1/ci/legacy', kv1, undefined).read).toBe('kv1/ci/legacy');
    expect(() => apiPathsFor('kv1/ci/legacy', kv1, 2)).toThrow(/KV v2 only/);
    expect(apiPathsFor('database/creds/app', undefined, undefined).unwrap).toBe('detect');
  });

  it('keeps #, % and spaces inside the path', () => {
    expect(apiPathsFor('secret/a#b/c%d', kv2, undefined).read).toBe('secret/data/a%23b/c%25d');
  });

  it('unwraps KV v2 replies, and detects them when the mount is unknown', () => {
    const reply = { data: { data: { k: 'v' }, metadata: { version: 1 } } };
    expect(secretData(reply, 'kv2')).toEqual({ k: 'v' });
    expect(secretData(reply, 'detect')).toEqual({ k: 'v' });
    expect(secretData({ data: { k: 'v' } }, 'plain')).toEqual({ k: 'v' });
  });
});

describe('selectValues', () => {
  const data = { user: 'u1', conf: { db: { host: 'h1', port: 5432 }, list: ['a', 'b'] }, 'tls.crt': 'CERT' };
  const pick = (line: string) => {
    const [request] = parseSpec(line);
    if (!request) throw new Error(`no request in ${line}`);
    return selectValues(request, data, 'secret/x');
  };

  it('selects keys, nested keys, array items and quoted keys', () => {
    expect(pick('secret/x conf.db.host').map((s) => [s.name, s.value])).toEqual([['CONF_DB_HOST', 'h1']]);
    expect(pick('secret/x conf.db.port | PORT')[0]?.value).toBe('5432');
    expect(pick('secret/x conf.list.1 | ITEM')[0]?.value).toBe('b');
    expect(pick('secret/x "tls.crt"')[0]?.name).toBe('TLS_CRT');
    expect(pick('secret/x conf | CONF')[0]?.value).toBe('{"db":{"host":"h1","port":5432},"list":["a","b"]}');
  });

  it('names every key with a prefix for *, and gives the whole document without a selector', () => {
    expect(pick('secret/x * | X_').map((s) => s.name)).toEqual(['X_USER', 'X_CONF', 'X_TLS_CRT']);
    const [all] = pick('secret/x | ALL');
    expect(JSON.parse(all?.value ?? '')).toEqual(data);
  });

  it('says which top-level keys exist when one is missing, without any value or key inside a value', () => {
    expect(() => pick('secret/x conf.db.pass')).toThrow(
      /"pass" not found in secret\/x#conf.db \(an object, whose keys are part of the value and not listed\)/,
    );
    expect(() => pick('secret/x nope')).toThrow(/it has: user, conf, tls.crt/);
  });
});

describe('Secret', () => {
  it('prints as *** every way it can be printed', () => {
    const s = new Secret('A', 'secret/x#a', 'top-secret-value');
    // eslint-disable-next-line @typescript-eslint/restrict-template-expressions -- the template literal is what is tested
    expect(`${s}`).toBe('***');
    expect(JSON.stringify({ s })).toBe('{"s":"***"}');
    expect(inspect(s)).not.toContain('top-secret-value');
    expect(s.bytes).toBe(16);
  });
});

describe('env-file', () => {
  it('writes NAME=value lines and refuses values docker cannot carry', () => {
    expect(renderEnvFile([new Secret('A', 's', 'x = "y"')])).toBe('A=x = "y"\n');
    expect(() => renderEnvFile([new Secret('PEM', 's', 'l1\nl2'), new Secret('OK', 's', 'v')])).toThrow(
      /PEM holds a line break/,
    );
  });
});
