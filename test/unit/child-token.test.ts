// The pure parts of the child token (src/vault/child.ts, src/inputs/child.ts): the create
// request's body, the run's metadata and display name, and the inputs' checks.
import { afterEach, describe, expect, it } from 'vitest';
import { childRequest, displayName, runMeta } from '../../src/vault/child.js';
import { readChildConfig } from '../../src/inputs/child.js';

const base = { policies: undefined, ttlSeconds: 3600, uses: 0, strict: true };

describe('the create request', () => {
  it('asks for a non-renewable token whose max TTL is its TTL, with the run in meta and the name', () => {
    const env = { GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '1', GITHUB_JOB: 'build' };
    expect(childRequest({ ...base, uses: 3 }, ['a', 'default'], env)).toEqual({
      ttl: '3600s',
      explicit_max_ttl: '3600s',
      num_uses: 3,
      renewable: false,
      display_name: 'github-o-r-7-1-build',
      meta: { repository: 'o/r', run_id: '7', run_attempt: '1', job: 'build' },
    });
  });

  it('sends no policies unless named (Vault gives the login token’s), and the subset when named', () => {
    expect(childRequest(base, ['a'], {})).not.toHaveProperty('policies');
    expect(childRequest({ ...base, policies: ['a'] }, ['a', 'b', 'default'], {})['policies']).toEqual(['a']);
  });

  it('refuses a policy the login token lacks, naming it; unknown or root parent policies are left to Vault', () => {
    expect(() => childRequest({ ...base, policies: ['a', 'c'] }, ['a', 'default'], {})).toThrow(
      "vault-child-policies: c is not among the login token's policies (a, default)",
    );
    expect(() => childRequest({ ...base, policies: ['c'] }, [], {})).not.toThrow();
    expect(() => childRequest({ ...base, policies: ['c'] }, ['root'], {})).not.toThrow();
  });
});

describe('the run in meta and the display name', () => {
  it('drops control characters and bounds a ref someone chose; leaves out what is not set', () => {
    const meta = runMeta({ GITHUB_WORKFLOW_REF: `o/r/.github/workflows/x.yml@refs/heads/a\n::b${'x'.repeat(300)}` });
    expect(Object.keys(meta)).toEqual(['workflow_ref']);
    expect(meta['workflow_ref']).not.toMatch(/\n/);
    expect(meta['workflow_ref']?.length).toBe(256);
  });

  it('is the name Vault stores: token- and every run of other characters one dash', () => {
    expect(displayName({ repository: 'Octo_Org/my.repo', run_id: '1', run_attempt: '2', job: 'a b' })).toBe(
      'token-github-Octo-Org-my-repo-1-2-a-b',
    );
    expect(displayName({})).toBe('token-github');
  });
});

describe('the inputs', () => {
  const set = (inputs: Record<string, string>): void => {
    for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) Reflect.deleteProperty(process.env, key);
  });

  it('defaults: 1 h, unlimited uses, the login token’s policies; none when the token is not delivered', () => {
    expect(readChildConfig(true, true)).toEqual({ policies: undefined, ttlSeconds: 3600, uses: 0, strict: true });
    expect(readChildConfig(false, false)).toBeUndefined();
  });

  it('reads durations and policy lists as Vault writes them', () => {
    set({ 'vault-child-ttl': '2h', 'vault-child-policies': 'App, ci-read\nci-read', 'vault-child-uses': '4' });
    expect(readChildConfig(true, false)).toEqual({
      policies: ['app', 'ci-read'],
      ttlSeconds: 7200,
      uses: 4,
      strict: true,
    });
  });

  it('vault-action’s exportToken alone is not strict: a refusal falls back to the login token', () => {
    expect(readChildConfig(true, false)?.strict).toBe(false);
  });

  it.each([['30s'], ['6d'], ['1.5h'], ['soon']])('refuses vault-child-ttl %j, saying the range', (ttl) => {
    set({ 'vault-child-ttl': ttl });
    expect(() => readChildConfig(true, true)).toThrow(/vault-child-ttl: ".*" must be a duration from 60s to 5d/);
  });

  it('refuses a policy name Vault could not have', () => {
    set({ 'vault-child-policies': 'ok, "bad"' });
    expect(() => readChildConfig(true, true)).toThrow('vault-child-policies: ""bad"" is not a policy name');
  });
});
