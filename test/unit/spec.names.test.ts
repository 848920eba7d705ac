import { describe, expect, it } from 'vitest';
import { assertUniqueNames, deriveName, groupByPath, isValidName, parseSpec, SpecError } from '../../src/spec/index.js';

describe('deriveName', () => {
  it.each<[string[], string | undefined, string]>([
    [['accessKey'], undefined, 'ACCESSKEY'],
    [['config', 'db', 'host'], undefined, 'CONFIG_DB_HOST'],
    [['tls.crt'], undefined, 'TLS_CRT'],
    [['servers', '0', 'name'], undefined, 'SERVERS_0_NAME'],
    [['0'], undefined, '_0'],
    [['1a'], 'APP_', 'APP_1A'],
    [['key'], 'APP_', 'APP_KEY'],
    [['key'], 'app', 'appKEY'],
    [['a-b c'], undefined, 'A_B_C'],
    [['a😀b'], undefined, 'A_B'],
    [['straße'], undefined, 'STRASSE'],
    [['пароль'], undefined, ''],
    [['_'], 'APP_', ''],
    [[], undefined, ''],
  ])('%j with prefix %j → %j', (segments, prefix, expected) => {
    expect(deriveName(segments, prefix)).toBe(expected);
  });
});

describe('isValidName', () => {
  it.each(['A', '_', 'a1', 'AWS_KEY', '_1'])('accepts %j', (name) => expect(isValidName(name)).toBe(true));
  it.each(['', '1A', 'A-B', 'A B', 'É', 'A\n'])('rejects %j', (name) => expect(isValidName(name)).toBe(false));
});

describe('assertUniqueNames', () => {
  it('accepts distinct names', () => {
    expect(() =>
      assertUniqueNames([
        { name: 'A', line: 1, what: 'kv/a *' },
        { name: 'B', line: 1, what: 'kv/a *' },
      ]),
    ).not.toThrow();
  });

  it('names both lines of a case-insensitive clash, on the later one', () => {
    const call = () =>
      assertUniqueNames([
        { name: 'APP_TOKEN', line: 2, what: 'key token of kv/app *' },
        { name: 'App_Token', line: 7, what: 'kv/b token | App_Token' },
      ]);
    expect(call).toThrow(SpecError);
    expect(call).toThrow(
      'secrets line 7: name App_Token from `kv/b token | App_Token` clashes with APP_TOKEN from line 2 (`key token of kv/app *`)',
    );
  });
});

describe('groupByPath', () => {
  it('groups by path, version and folder flag in first-seen order', () => {
    const requests = parseSpec(
      ['kv/b x', 'kv/a y', 'kv/b z', 'kv/b?version=2 w', 'kv/b/', 'kv/b?version=2 v', '/kv/a q | Q'].join('\n'),
    );
    const groups = groupByPath(requests);
    expect([...groups.keys()]).toStrictEqual(['kv/b', 'kv/a', 'kv/b?version=2', 'kv/b/']);
    expect([...groups.values()].map((group) => group.map((request) => request.line))).toStrictEqual([
      [1, 3],
      [2, 7],
      [4, 6],
      [5],
    ]);
  });
});
