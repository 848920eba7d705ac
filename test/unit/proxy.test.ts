// Which proxy a Vault request takes: the variables as curl and @actions/http-client read them.
import { describe, expect, it } from 'vitest';
import { proxyEnv, proxyFor } from '../../src/vault/proxy-env.js';

const via = (target: string, env: Record<string, string>): string | undefined =>
  proxyFor(new URL(target), proxyEnv(env))?.host;

describe('proxyFor', () => {
  it('picks HTTPS_PROXY for https and HTTP_PROXY for http, lower case first', () => {
    const env = { HTTPS_PROXY: 'http://upper:3128', https_proxy: 'lower:3128', HTTP_PROXY: 'http://plain:8080' };
    expect(via('https://vault.example.com:8200', env)).toBe('lower:3128');
    expect(via('http://vault.example.com:8200', env)).toBe('plain:8080');
    expect(via('http://vault.example.com', { HTTPS_PROXY: 'http://p:1' })).toBeUndefined();
  });

  it.each([
    ['vault.example.com', true],
    ['.example.com', true],
    ['*.example.com', true],
    ['example.com', true],
    ['ample.com', false],
    ['vault.example.com:8200', true],
    ['vault.example.com:443', false],
    ['*', true],
    ['other.org, VAULT.EXAMPLE.COM', true],
  ])('NO_PROXY=%j bypasses https://vault.example.com:8200: %s', (noProxy, bypassed) => {
    const host = via('https://vault.example.com:8200', { HTTPS_PROXY: 'http://p:3128', NO_PROXY: noProxy });
    expect(host === undefined).toBe(bypassed);
  });

  it('matches IPv6 literals and default ports', () => {
    expect(via('https://[::1]:8200', { HTTPS_PROXY: 'http://p:1', no_proxy: '::1' })).toBeUndefined();
    expect(
      via('https://vault.example.com', { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'vault.example.com:443' }),
    ).toBeUndefined();
  });

  it('names the variable of a proxy it cannot use', () => {
    expect(() => proxyEnv({ HTTPS_PROXY: 'https://p:3128' })).toThrow(/^HTTPS_PROXY: only http:\/\/ proxies/);
    expect(() => proxyEnv({ http_proxy: 'http://[bad' })).toThrow(/^http_proxy is not a URL/);
  });
});
