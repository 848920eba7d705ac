// vault-action's input names as aliases of ours (src/inputs/compat.ts), read from INPUT_*
// variables exactly as the runner sets them.
import { afterEach, describe, expect, it } from 'vitest';
import { inTheirNames, isCompatMode, rawInput, readCompatConfig } from '../../src/inputs/compat.js';

const set = (inputs: Record<string, string>): void => {
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
};
afterEach(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) Reflect.deleteProperty(process.env, key);
});

describe('vault-action input aliases', () => {
  it('only vault-action names turn compatibility mode on; action.yml defaults of ours do not', () => {
    set({ 'vault-method': 'token', 'vault-addr': 'https://v:8200', secrets: 'a b' });
    expect(isCompatMode()).toBe(false);
    set({ exportEnv: 'false' });
    expect(isCompatMode()).toBe(true);
  });

  it('an alias stands for our input; the runner-supplied default of ours does not clash with it', () => {
    set({ url: 'https://v:8200', method: 'AppRole', 'vault-method': 'token' });
    expect(rawInput('vault-addr')).toBe('https://v:8200');
    expect(rawInput('vault-method')).toBe('approle');
  });

  it('both names with different values is an error naming both; the same value is fine', () => {
    set({ method: 'approle', 'vault-method': 'jwt' });
    expect(() => rawInput('vault-method')).toThrow(/^method and vault-method are both set/);
    set({ token: 'same-token-value', 'vault-token': 'same-token-value' });
    expect(rawInput('vault-token')).toBe('same-token-value');
  });

  it('another method with authPayload is the custom login at auth/METHOD, unless path says where', () => {
    set({ method: 'oidc-ci', authPayload: '{"role":"ci"}' });
    expect(rawInput('vault-method')).toBe('custom');
    expect(rawInput('vault-auth-path')).toBe('oidc-ci');
    set({ path: 'elsewhere' });
    expect(rawInput('vault-auth-path')).toBe('elsewhere');
  });

  it("reads vault-action's switches as it does: exportEnv true unless false, the rest false unless set", () => {
    expect(readCompatConfig()).toEqual({ exportEnv: true, ignoreNotFound: false, encoding: undefined });
    set({ exportEnv: 'False', ignoreNotFound: 'yes', secretEncodingType: 'hex' });
    expect(readCompatConfig()).toEqual({ exportEnv: false, ignoreNotFound: true, encoding: 'hex' });
    set({ secretEncodingType: 'rot13' });
    expect(() => readCompatConfig()).toThrow('secretEncodingType: "rot13" is not one of base64, hex, utf8.');
  });

  it('errors name the inputs as the workflow wrote them', () => {
    set({ url: 'x', 'vault-method': 'token', 'vault-role': 'ci' });
    expect(inTheirNames('vault-addr "x" is not a URL; vault-role-id is required for approle.')).toBe(
      'url "x" is not a URL; roleId is required for approle.',
    );
    expect(inTheirNames('vault-role is required for jwt; vault-method: "x" is not one of token.')).toBe(
      'vault-role is required for jwt; method: "x" is not one of token.',
    );
  });
});
