import { describe, expect, it } from 'vitest';
import { parseSpec, SpecError, type SecretRequest } from '../../src/spec/index.js';

type Fields = Partial<Omit<SecretRequest, 'line' | 'text'>> & Pick<SecretRequest, 'path' | 'selector' | 'name'>;

function req(line: number, text: string, fields: Fields): SecretRequest {
  return { line, text, folder: false, version: undefined, ...fields };
}

const key = (...segments: string[]) => ({ kind: 'key', segments }) as const;
const ALL = { kind: 'all' } as const;
const WHOLE = { kind: 'whole' } as const;
const AWS = 'secret/data/ci/aws';

const good: [string, string, SecretRequest[]][] = [
  ['empty spec', '', []],
  ['only blanks, separators and comments', '\n  \n;;\n# all\n   # indented; "quote | pipe\n\t', []],
  [
    'vault-action block with `;` ends',
    `${AWS} accessKey | AWS_ACCESS_KEY_ID ;\n${AWS} secretKey | AWS_SECRET_ACCESS_KEY ;\nsecret/data/ci/npm token ;\n`,
    [
      req(1, `${AWS} accessKey | AWS_ACCESS_KEY_ID`, {
        path: AWS,
        selector: key('accessKey'),
        name: 'AWS_ACCESS_KEY_ID',
      }),
      req(2, `${AWS} secretKey | AWS_SECRET_ACCESS_KEY`, {
        path: AWS,
        selector: key('secretKey'),
        name: 'AWS_SECRET_ACCESS_KEY',
      }),
      req(3, 'secret/data/ci/npm token', { path: 'secret/data/ci/npm', selector: key('token'), name: 'TOKEN' }),
    ],
  ],
  [
    'vault-action entries on one line',
    `${AWS} accessKey | A ; ${AWS} secretKey|B`,
    [
      req(1, `${AWS} accessKey | A`, { path: AWS, selector: key('accessKey'), name: 'A' }),
      req(1, `${AWS} secretKey|B`, { path: AWS, selector: key('secretKey'), name: 'B' }),
    ],
  ],
  [
    'derived name from a camelCase key, as vault-action',
    `${AWS} accessKey`,
    [req(1, `${AWS} accessKey`, { path: AWS, selector: key('accessKey'), name: 'ACCESSKEY' })],
  ],
  [
    'KV v2 version and leading slash',
    '/secret/data/app?version=4 password | DB_PASSWORD',
    [
      req(1, '/secret/data/app?version=4 password | DB_PASSWORD', {
        path: 'secret/data/app',
        version: 4,
        selector: key('password'),
        name: 'DB_PASSWORD',
      }),
    ],
  ],
  [
    'folder, bare and with `*` and prefix',
    'secret/data/ci/\nsecret/data/ci/ * | CI_\n/secret/data/ci/|CI',
    [
      req(1, 'secret/data/ci/', { path: 'secret/data/ci', folder: true, selector: ALL, name: '' }),
      req(2, 'secret/data/ci/ * | CI_', { path: 'secret/data/ci', folder: true, selector: ALL, name: 'CI_' }),
      req(3, '/secret/data/ci/|CI', { path: 'secret/data/ci', folder: true, selector: ALL, name: 'CI' }),
    ],
  ],
  [
    'every key, with and without prefix',
    'kv/app *\nkv/app *|APP_',
    [
      req(1, 'kv/app *', { path: 'kv/app', selector: ALL, name: '' }),
      req(2, 'kv/app *|APP_', { path: 'kv/app', selector: ALL, name: 'APP_' }),
    ],
  ],
  [
    'whole secret as JSON',
    'kv/app | APP_CONFIG\nkv/app|APP_JSON',
    [
      req(1, 'kv/app | APP_CONFIG', { path: 'kv/app', selector: WHOLE, name: 'APP_CONFIG' }),
      req(2, 'kv/app|APP_JSON', { path: 'kv/app', selector: WHOLE, name: 'APP_JSON' }),
    ],
  ],
  [
    'nested keys and array indexes',
    'kv/app config.db.host\nkv/app servers.0.name\nkv/app 0.name',
    [
      req(1, 'kv/app config.db.host', {
        path: 'kv/app',
        selector: key('config', 'db', 'host'),
        name: 'CONFIG_DB_HOST',
      }),
      req(2, 'kv/app servers.0.name', {
        path: 'kv/app',
        selector: key('servers', '0', 'name'),
        name: 'SERVERS_0_NAME',
      }),
      req(3, 'kv/app 0.name', { path: 'kv/app', selector: key('0', 'name'), name: '_0_NAME' }),
    ],
  ],
  [
    'quoted segments',
    [
      'kv/tls "tls.crt"',
      'kv/app config."a.b".c',
      'kv/app "my key|x;y#z" | ODD',
      'kv/app "say \\"hi\\" \\\\ now" | SAY',
      'kv/app "*" | STAR',
      'kv/app "#key"',
    ].join('\n'),
    [
      req(1, 'kv/tls "tls.crt"', { path: 'kv/tls', selector: key('tls.crt'), name: 'TLS_CRT' }),
      req(2, 'kv/app config."a.b".c', { path: 'kv/app', selector: key('config', 'a.b', 'c'), name: 'CONFIG_A_B_C' }),
      req(3, 'kv/app "my key|x;y#z" | ODD', { path: 'kv/app', selector: key('my key|x;y#z'), name: 'ODD' }),
      req(4, 'kv/app "say \\"hi\\" \\\\ now" | SAY', { path: 'kv/app', selector: key('say "hi" \\ now'), name: 'SAY' }),
      req(5, 'kv/app "*" | STAR', { path: 'kv/app', selector: key('*'), name: 'STAR' }),
      req(6, 'kv/app "#key"', { path: 'kv/app', selector: key('#key'), name: '_KEY' }),
    ],
  ],
  [
    'comments, blank lines and a comment after `;`',
    '# database\n\nkv/db user | DB_USER ; # the login; not "secret"\n   # kv/db password\nkv/db password',
    [
      req(3, 'kv/db user | DB_USER', { path: 'kv/db', selector: key('user'), name: 'DB_USER' }),
      req(5, 'kv/db password', { path: 'kv/db', selector: key('password'), name: 'PASSWORD' }),
    ],
  ],
  [
    'CRLF line ends',
    'kv/a k | A\r\n\r\nkv/b j | B\r\n',
    [
      req(1, 'kv/a k | A', { path: 'kv/a', selector: key('k'), name: 'A' }),
      req(3, 'kv/b j | B', { path: 'kv/b', selector: key('j'), name: 'B' }),
    ],
  ],
  [
    'tabs and non-breaking spaces between words',
    '\tkv/a\tk\t|\tA\t\nkv/b\u00a0j\u00a0|\u00a0B',
    [
      req(1, 'kv/a\tk\t|\tA', { path: 'kv/a', selector: key('k'), name: 'A' }),
      req(2, 'kv/b\u00a0j\u00a0|\u00a0B', { path: 'kv/b', selector: key('j'), name: 'B' }),
    ],
  ],
  [
    'unusual but valid characters in paths and keys',
    'kv/my-app@prod/db:primary#2 pass-word\nkv/app straße',
    [
      req(1, 'kv/my-app@prod/db:primary#2 pass-word', {
        path: 'kv/my-app@prod/db:primary#2',
        selector: key('pass-word'),
        name: 'PASS_WORD',
      }),
      req(2, 'kv/app straße', { path: 'kv/app', selector: key('straße'), name: 'STRASSE' }),
    ],
  ],
  [
    'same key under two names',
    'kv/app token | A\nkv/app token | B',
    [
      req(1, 'kv/app token | A', { path: 'kv/app', selector: key('token'), name: 'A' }),
      req(2, 'kv/app token | B', { path: 'kv/app', selector: key('token'), name: 'B' }),
    ],
  ],
];

describe('parseSpec accepts', () => {
  it.each(good)('%s', (_title, spec, expected) => {
    expect(parseSpec(spec)).toStrictEqual(expected);
  });

  it('exactly 10,000 entries', () => {
    expect(parseSpec(Array.from({ length: 10_000 }, (_, i) => `kv/a k | N${i}`).join('\n'))).toHaveLength(10_000);
  });

  it('exactly 1 MiB', () => {
    expect(parseSpec('#'.repeat(1024 * 1024))).toStrictEqual([]);
  });
});

// [title, spec, line, column or undefined, message fragment]
const bad: [string, string, number, number | undefined, string][] = [
  ['unterminated quote', 'kv/a k | A\nkv/app "tls.crt', 2, 8, 'unterminated quote'],
  ['quote closed only by an escaped quote', 'kv/app "tls.crt\\"', 1, 8, 'unterminated quote'],
  ['backslash at end of line in quotes', 'kv/app "a\\', 1, 8, 'unterminated quote'],
  ['unknown escape', 'kv/app "a\\n"', 1, 10, 'write \\\\ for a backslash'],
  ['empty selector segment', 'kv/app a..b', 1, 10, 'empty selector segment'],
  ['leading dot in selector', 'kv/app .a', 1, 8, 'empty selector segment'],
  ['trailing dot in selector', 'kv/app a. | X', 1, 10, 'empty selector segment'],
  ['empty quoted key', 'kv/app "" | X', 1, 8, 'empty quoted key'],
  ['quote inside a bare segment', 'kv/app a"b"', 1, 9, 'a quote must wrap a whole selector segment'],
  ['text after a closing quote', 'kv/app "a"b', 1, 11, 'text right after a closing quote'],
  ['`*` inside a selector', 'kv/app db_*', 1, 11, "'*' (every key) must be the whole selector"],
  ['`*` as a segment', 'kv/app *.a', 1, 8, "'*' (every key) must be the whole selector"],
  ['selector starting with #', 'kv/app #note', 1, 8, "cannot start with '#'"],
  [
    'invalid NAME',
    'kv/app k | AWS-KEY',
    1,
    12,
    'invalid NAME `AWS-KEY`; use letters, digits and _, not starting with a digit, e.g. AWS_KEY',
  ],
  ['NAME starting with a digit', 'kv/app k | 1X', 1, 12, 'invalid NAME `1X`'],
  ['invalid prefix', 'kv/app * | 9', 1, 12, 'invalid prefix `9`'],
  ['invalid folder prefix', 'kv/app/ | a.b', 1, 11, 'invalid prefix `a.b`'],
  ['`|` with nothing after it', 'kv/app k |', 1, 10, '`|` has nothing after it'],
  ['`|` followed by `;`', 'kv/app k | ; kv/b j', 1, 10, '`|` has nothing after it'],
  ['two `|`', 'kv/app k | A | B', 1, 14, 'more than one `|`'],
  ['two adjacent `|`', 'kv/app k || A', 1, 11, 'more than one `|`'],
  [
    'extra word after the selector',
    'kv/app my key | A',
    1,
    11,
    'unexpected `key` after the selector; quote a key that contains spaces',
  ],
  ['extra word after NAME', 'kv/app k | A B', 1, 14, 'unexpected `B` after the NAME'],
  ['comment after an entry without `;`', 'kv/app k # note', 1, 10, 'a comment must start its line or follow `;`'],
  ['folder with a key', 'secret/data/ci/ token | T', 1, 17, 'is a folder'],
  ['folder with a version', 'kv/ci/?version=2', 1, 1, 'which has no version'],
  ['version 0', 'kv/app?version=0 k', 1, 7, 'bad version `0`'],
  ['empty version', 'kv/app?version= k', 1, 7, 'bad version ``'],
  ['fractional version', 'kv/app?version=1.5 k', 1, 7, 'bad version `1.5`'],
  ['huge version', 'kv/app?version=99999999999999999999 k', 1, 7, 'bad version'],
  ['other query', 'kv/app?foo=1 k', 1, 7, 'unsupported query `?foo=1`'],
  ['version plus other query', 'kv/app?version=1&x=2 k', 1, 7, 'bad version `1&x=2`'],
  ['empty path segment', 'kv//app k', 1, 1, 'empty segment'],
  ['double leading slash', '//kv/app k', 1, 1, 'empty segment'],
  ['dot segment', 'kv/./app k', 1, 1, "a '.' segment"],
  ['dot-dot segment', 'kv/../app k', 1, 1, "a '..' segment"],
  ['path of only a slash', '/ | X', 1, 1, 'names no secret'],
  ['control character in path', 'kv/a\u0007pp k', 1, 5, 'control character U+0007'],
  ['tab inside quotes', 'kv/app "a\tb"', 1, 10, 'control character U+0009'],
  ['lone carriage return', 'kv/app k\r| A', 1, 9, 'control character U+000D'],
  ['whole secret without NAME', 'kv/app', 1, 7, 'add a key (`kv/app password`), `*` for every key, or `| NAME`'],
  ['missing PATH', '| X', 1, 1, 'missing PATH'],
  ['no usable characters for a name', 'kv/app пароль', 1, 8, 'cannot make a NAME'],
  ['duplicate NAME', 'kv/a k | X\nkv/b j | X', 2, undefined, 'clashes with X from line 1'],
  [
    'duplicate NAME ignoring case',
    'kv/a k | Token\n\nkv/b token',
    3,
    undefined,
    'name TOKEN from `kv/b token` clashes with Token from line 1',
  ],
  ['duplicate of a whole-secret NAME', 'kv/a | CFG ; kv/b cfg', 1, undefined, 'clashes with CFG from line 1'],
  ['error after good lines', 'kv/a k\n# ok\nkv/b j | 2', 3, 10, 'invalid NAME `2`'],
  [
    'more than 10,000 entries',
    Array.from({ length: 10_000 }, (_, i) => `kv/a k | N${i};`).join('') + '\nkv/b k',
    2,
    1,
    'more than 10000 entries',
  ],
  ['more than 1 MiB', '#'.repeat(1024 * 1024 + 1), 1, undefined, 'over the 1 MiB limit'],
];

describe('parseSpec rejects', () => {
  it.each(bad)('%s', (_title, spec, line, column, fragment) => {
    let error: unknown;
    try {
      parseSpec(spec);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SpecError);
    const specError = error as SpecError;
    expect(specError.message).toContain(fragment);
    expect(specError.message.startsWith(`secrets line ${line}: `)).toBe(true);
    expect({ line: specError.line, column: specError.column }).toStrictEqual({ line, column });
  });
});
