// RS256 JWTs: signing for the GitHub OIDC stand-in, and validation the way Vault's jwt auth does it
// with jwt_validation_pubkeys (hashicorp/cap jwt.Validator), error texts included.
import { sign, verify, type KeyObject } from 'node:crypto';

const CLOCK_SKEW_LEEWAY = 60; // cap's default leeway for nbf/exp/iat
const MISSING_TIME_LEEWAY = 150; // cap's default when exp or nbf is absent

export function signJwt(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parsePart(part: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The claims of a JWT, without checking its signature. */
export const decodeJwtClaims = (token: string): Record<string, unknown> | undefined => parsePart(token.split('.')[1]);

/** Returns the verified claims, or the error text Vault puts after "error validating token: ". */
export function validateJwt(
  token: string,
  key: KeyObject,
  audiences: string[],
  now = Date.now() / 1000,
): Record<string, unknown> | string {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return 'error verifying token signature: go-jose/go-jose: compact JWS format must have three parts';
  }
  const [headerPart = '', claimsPart = '', signature = ''] = parts;
  const header = parsePart(headerPart);
  const claims = parsePart(claimsPart);
  const signed = Buffer.from(`${headerPart}.${claimsPart}`);
  if (header?.['alg'] !== 'RS256' || !claims || !verify('sha256', signed, key, Buffer.from(signature, 'base64url'))) {
    return 'error verifying token signature: no known key successfully validated the token signature';
  }

  const aud = claims['aud'];
  const tokenAudiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
  if (audiences.length > 0 && !audiences.some((a) => tokenAudiences.includes(a))) {
    return 'invalid audience (aud) claim: audience claim does not match any expected audience';
  }

  const time = (name: string): number => {
    const value = claims[name];
    return typeof value === 'number' ? value : 0;
  };
  const iat = time('iat');
  let exp = time('exp');
  let nbf = time('nbf');
  if (!iat && !exp && !nbf) return 'no issued at (iat), not before (nbf), or expiration time (exp) claims in token';
  exp ||= Math.max(iat, nbf) + MISSING_TIME_LEEWAY;
  nbf ||= iat || exp - MISSING_TIME_LEEWAY;
  if (now + CLOCK_SKEW_LEEWAY < nbf) return 'invalid not before (nbf) claim: token not yet valid';
  if (now - CLOCK_SKEW_LEEWAY > exp) return 'invalid expiration time (exp) claim: token is expired';
  if (iat && now + CLOCK_SKEW_LEEWAY < iat) return 'invalid issued at (iat) claim: token issued in the future';
  return claims;
}
