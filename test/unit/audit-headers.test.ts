// The run header (src/vault/audit-headers.ts) and the request ids (src/vault/request-ids.ts):
// hostile job and branch names, line breaks, unicode and very long values stay one field of one
// header; only UUID-shaped request ids are kept.
import { describe, expect, it } from 'vitest';
import { encodeField, MAX_FIELD_CHARS, runHeaders, runHeaderValue } from '../../src/vault/audit-headers.js';
import { requestIdLine, requestIdOf, requestIdRecord } from '../../src/vault/request-ids.js';
import { MAX_REQUEST_IDS, requestIdLines } from '../../src/report/summary.js';

const RUN = {
  GITHUB_REPOSITORY: 'octo-org/octo-repo',
  GITHUB_WORKFLOW_REF: 'octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main',
  GITHUB_RUN_ID: '123',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_JOB: 'build',
  GITHUB_EVENT_NAME: 'push',
};

/** The header split as an auditor's script would: `; ` between fields, the first `=` in each. */
function parse(header: string): Record<string, string> {
  return Object.fromEntries(
    header.split('; ').map((f) => {
      const eq = f.indexOf('=');
      return [f.slice(0, eq), decodeURIComponent(f.slice(eq + 1))];
    }),
  );
}

describe('the run header', () => {
  it('names the run in the documented order and format', () => {
    expect(runHeaderValue(RUN)).toBe(
      'repository=octo-org/octo-repo; workflow_ref=octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main; ' +
        'run_id=123; run_attempt=1; job=build; event=push',
    );
    expect(runHeaders(true, RUN)).toEqual({ 'X-GitHub-Run': runHeaderValue(RUN) });
  });

  it('leaves out what the environment lacks, and is absent outside Actions or when turned off', () => {
    expect(runHeaderValue({ GITHUB_RUN_ID: '7', GITHUB_JOB: '' })).toBe('run_id=7');
    expect(runHeaderValue({})).toBeUndefined();
    expect(runHeaders(true, {})).toEqual({});
    expect(runHeaders(false, RUN)).toEqual({});
  });

  it('encodes every character that could split a header or a field, or forge one', () => {
    const job = 'x; run_id=999\r\nX-Vault-Token: t\n%41 "q",\t\u0000\u007f';
    const header = runHeaderValue({ ...RUN, GITHUB_JOB: job }) ?? '';
    // eslint-disable-next-line no-control-regex -- control characters are what must not get through
    expect(header).not.toMatch(/[\r\n\t\u0000\u007f"]/);
    expect(header.split('; ')).toHaveLength(6);
    expect(header.split('; ')[4]).toMatch(/^job=[^ ;=]+$/);
    expect(header.match(/run_id=/g)).toHaveLength(1);
    expect(parse(header)['job']).toBe(job);
    expect(encodeField(job)).toBe('x%3B%20run_id%3D999%0D%0AX-Vault-Token:%20t%0A%2541%20%22q%22%2C%09%00%7F');
  });

  it('encodes unicode as UTF-8 bytes: the header stays ASCII', () => {
    const job = 'déploiement 🚀 构建';
    const header = runHeaderValue({ GITHUB_JOB: job }) ?? '';
    expect(header).toMatch(/^[\x21-\x7e ]+$/);
    expect(header).toBe('job=d%C3%A9ploiement%20%F0%9F%9A%80%20%E6%9E%84%E5%BB%BA');
    expect(parse(header)['job']).toBe(job);
  });

  it(`cuts a very long field at ${MAX_FIELD_CHARS} characters, at a character, with an encoded ellipsis`, () => {
    for (const long of ['b'.repeat(100_000), 'é'.repeat(10_000), 'ab;'.repeat(5000)]) {
      const field = encodeField(long);
      expect(field.length).toBeLessThanOrEqual(MAX_FIELD_CHARS);
      expect(field.endsWith('%E2%80%A6')).toBe(true);
      const text = decodeURIComponent(field); // throws if an escape or a UTF-8 sequence were cut
      expect(long.startsWith(text.slice(0, -1))).toBe(true);
    }
    const fits = 'a'.repeat(MAX_FIELD_CHARS - 9);
    expect(encodeField(fits)).toBe(fits);
    const header = runHeaderValue(Object.fromEntries(Object.keys(RUN).map((k) => [k, '\n'.repeat(10_000)]))) ?? '';
    expect(header.length).toBeLessThan(6 * (MAX_FIELD_CHARS + 16));
  });
});

describe('request ids', () => {
  const id = '0b9e8a4c-5d2f-4e6a-9c1b-7f3e2d1a0c9b';

  it('keeps a UUID-shaped request_id and nothing else', () => {
    expect(requestIdOf({ request_id: id })).toBe(id);
    expect(requestIdOf({ request_id: id.toUpperCase() })).toBe(id.toUpperCase());
    for (const bad of [
      `${id}\n::error::x`,
      `::warning::${id}`,
      '<img src=x onerror=alert(1)>',
      '',
      id.slice(1),
      `${id} `,
      42,
      null,
      ['x'],
    ])
      expect(requestIdOf({ request_id: bad }), JSON.stringify(bad)).toBeUndefined();
    expect(requestIdOf(undefined)).toBeUndefined();
    expect(requestIdOf('text')).toBeUndefined();
  });

  it('names each request by what it did, from the API path it went to', () => {
    const line = (method: string, path: string): string | undefined => {
      const r = requestIdRecord(method, path, { request_id: id });
      return r && requestIdLine(r);
    };
    expect(line('POST', '/v1/auth/approle/login')).toBe(`login auth/approle/login: ${id}`);
    expect(line('POST', '/v1/auth/userpass/login/ci-bot')).toBe(`login auth/userpass/login/ci-bot: ${id}`);
    expect(line('GET', '/v1/secret/data/app')).toBe(`read secret/data/app: ${id}`);
    expect(line('LIST', '/v1/secret/metadata/ci/')).toBe(`list secret/metadata/ci/: ${id}`);
    expect(line('PUT', '/v1/pki/issue/ci')).toBe(`write pki/issue/ci: ${id}`);
    expect(line('POST', '/v1/auth/token/login-not')).toBe(`write auth/token/login-not: ${id}`);
    expect(line('GET', '/v1/secret/data/a%20b')).toBe(`read secret/data/a b: ${id}`);
    expect(requestIdRecord('GET', '/v1/secret/data/app', {})).toBeUndefined();
  });

  it(`the summary lists at most ${MAX_REQUEST_IDS}, then says how many more`, () => {
    const ids = Array.from({ length: MAX_REQUEST_IDS + 5 }, () => ({ operation: 'read', path: 'p', id }));
    const lines = requestIdLines(ids);
    expect(lines).toHaveLength(MAX_REQUEST_IDS + 1);
    expect(lines.at(-1)).toBe('and 5 more request(s)');
    expect(requestIdLines(ids.slice(0, 2))).toEqual([`read p: ${id}`, `read p: ${id}`]);
    // the login first, then by path: the same list whatever order concurrent reads answered in
    const mixed = [
      { operation: 'read', path: 'secret/data/b', id },
      { operation: 'read', path: 'auth/token/lookup-self', id },
      { operation: 'login', path: 'auth/userpass/login/ci', id },
      { operation: 'list', path: 'secret/metadata/a/', id },
    ];
    const order = requestIdLines(mixed).map((l) => l.split(':')[0]);
    expect(order).toEqual([
      'login auth/userpass/login/ci',
      'read auth/token/lookup-self',
      'read secret/data/b',
      'list secret/metadata/a/',
    ]);
    expect(requestIdLines([...mixed].reverse())).toEqual(requestIdLines(mixed));
  });
});
