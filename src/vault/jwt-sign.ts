// A JWT signed on the runner with the user's private key (vault-action's jwtPrivateKey): RS256, with
// vault-action's claims, so roles written for vault-action (bound_claims on repository, ref, ...) keep working.
import { sign, type KeyObject } from 'node:crypto';

/** How long before "now" the token says it was issued: vault-action's jwtIat default, for clock skew. */
const IAT_SKEW_SECONDS = 60;

export interface JwtSigning {
  readonly key: KeyObject;
  readonly ttlSeconds: number;
}

export function signRunnerJwt(signing: JwtSigning, env: NodeJS.ProcessEnv, nowMs = Date.now()): string {
  const now = Math.floor(nowMs / 1000);
  const claims = {
    iss: 'vault-action',
    iat: now - IAT_SKEW_SECONDS,
    nbf: now,
    exp: now + signing.ttlSeconds,
    event: env['GITHUB_EVENT_NAME'],
    workflow: env['GITHUB_WORKFLOW'],
    sha: env['GITHUB_SHA'],
    actor: env['GITHUB_ACTOR'],
    repository: env['GITHUB_REPOSITORY'],
    ref: env['GITHUB_REF'],
  };
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), signing.key).toString('base64url')}`;
}
