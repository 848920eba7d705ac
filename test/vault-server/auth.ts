// Login endpoints of the auth methods (approle, jwt, kubernetes, userpass, ldap), with the
// checks and error texts of the real plugins. Logins need no token and return orphan tokens.
import { decodeJwtClaims, isRecord, validateJwt } from './jwt.js';
import {
  UNSUPPORTED_OPERATION,
  badRequest,
  errorReply,
  logical,
  str,
  unsupportedPath,
  type Ctx,
  type Operation,
  type Reply,
  type Route,
} from './reply.js';
import { awsLogin, certLogin } from './auth-extra.js';
import type { AuthMount } from './state.js';
import { DEFAULT_TOKEN_TTL, authBlock } from './token.js';

const INVALID_APPROLE = 'invalid role or secret ID';

export function loginRoute(mount: AuthMount, sub: string, op: Operation): Route {
  const byUsername = mount.type === 'userpass' || mount.type === 'ldap';
  const isLogin = byUsername ? /^login\/.+/.test(sub) : sub === 'login';
  if (!isLogin) return unsupportedPath(mount.type);
  return {
    mountType: mount.type,
    unauthenticated: true,
    run: (ctx) => (op === 'update' ? login(ctx, mount, sub.slice('login/'.length)) : UNSUPPORTED_OPERATION),
  };
}

function login(ctx: Ctx, mount: AuthMount, username: string): Reply {
  switch (mount.type) {
    case 'approle': {
      const roleId = str(ctx.body['role_id']);
      if (!roleId) return badRequest('missing role_id');
      const found = [...mount.roles].find(([, role]) => role.roleId === roleId);
      if (!found) return badRequest(INVALID_APPROLE);
      const [name, role] = found;
      const secretId = str(ctx.body['secret_id']);
      if (role.secretId !== undefined) {
        if (!secretId) return badRequest('missing secret_id');
        if (secretId !== role.secretId) return badRequest(INVALID_APPROLE);
      }
      return grant(ctx, mount, role.policies, { role_name: name }, roleId);
    }
    case 'jwt': {
      const name = str(ctx.body['role']);
      if (!name) return badRequest('missing role');
      const role = mount.roles.get(name);
      if (!role) return badRequest(`role "${name}" could not be found`);
      const jwt = str(ctx.body['jwt']);
      if (!jwt) return badRequest('missing token');
      const claims = validateJwt(jwt, mount.publicKey, role.boundAudiences);
      if (typeof claims === 'string') return badRequest(`error validating token: ${claims}`);
      const userClaim = role.userClaim ?? 'sub';
      const user = claims[userClaim];
      if (user === undefined) return badRequest(`claim "${userClaim}" not found in token`);
      if (typeof user !== 'string') return badRequest(`claim "${userClaim}" could not be converted to string`);
      for (const [claim, expected] of Object.entries(role.boundClaims ?? {})) {
        const actual = claims[claim];
        if (actual === undefined) return badRequest(`error validating claims: claim "${claim}" is missing`);
        if (!(Array.isArray(actual) ? actual : [actual]).includes(expected)) {
          return badRequest(
            `error validating claims: claim "${claim}" does not match any associated bound claim values`,
          );
        }
      }
      return grant(ctx, mount, role.policies, { role: name }, user, user);
    }
    case 'kubernetes': {
      const name = str(ctx.body['role']);
      if (!name) return badRequest('missing role');
      const jwt = str(ctx.body['jwt']);
      if (!jwt) return badRequest('missing jwt');
      const role = mount.roles.get(name);
      if (!role) return badRequest(`invalid role name "${name}"`);
      // Stands in for the TokenReview call: Kubernetes vouches only for the listed tokens.
      if (!role.serviceAccountJwts.includes(jwt)) return errorReply(403, 'permission denied');
      const sa = serviceAccount(decodeJwtClaims(jwt));
      const meta = {
        role: name,
        service_account_name: sa.name,
        service_account_namespace: sa.namespace,
        service_account_secret_name: '',
        service_account_uid: sa.uid,
      };
      return grant(ctx, mount, role.policies, meta, sa.uid, `${sa.namespace}-${sa.name}`);
    }
    case 'userpass':
    case 'ldap': {
      const password = str(ctx.body['password']);
      const user = mount.users.get(username);
      if (mount.type === 'ldap') {
        if (!password) return badRequest('password cannot be of zero length when passwordless binds are being denied');
        if (user?.password !== password) return badRequest('ldap operation failed: failed to bind as user');
      } else {
        if (!password) return badRequest('missing password');
        if (user?.password !== password) return badRequest('invalid username or password');
      }
      return grant(ctx, mount, user.policies, { username }, username, username);
    }
    case 'github': {
      const token = str(ctx.body['token']);
      if (!token) return badRequest('missing token');
      // Stands in for GitHub's API: only the listed personal access tokens belong to a member.
      const user = mount.tokens.get(token);
      if (!user) return badRequest('GET https://api.github.com/user: 401 Bad credentials []');
      const meta = { org: mount.organization, username: user.login };
      return grant(ctx, mount, user.policies, meta, user.login, user.login);
    }
    case 'cert': {
      const found = certLogin(ctx, mount);
      if (typeof found === 'string') return badRequest(found);
      return grant(ctx, mount, found.role.policies, { cert_name: found.name, common_name: found.cn }, found.name);
    }
    case 'aws': {
      const found = awsLogin(ctx, mount);
      if (typeof found === 'string') return badRequest(found);
      return grant(ctx, mount, found.role.policies, { role: found.name, canonical_arn: found.arn }, found.arn);
    }
  }
}

/** Issues the login token; its display name is the mount path plus the user, as Vault builds it. */
export function grant(
  ctx: Ctx,
  mount: AuthMount,
  policies: string[],
  meta: Record<string, string>,
  alias: string,
  user?: string,
): Reply {
  const mountName = mount.path.slice('auth/'.length, -1).replaceAll('/', '-');
  const token = ctx.state.issueToken({
    ns: ctx.ns,
    policies,
    displayName: user ? `${mountName}-${user}` : mountName,
    meta,
    path: ctx.rel,
    ttl: DEFAULT_TOKEN_TTL,
    entityId: ctx.state.entityId(`${mount.accessor}/${alias}`),
  });
  return logical(mount.type, { auth: authBlock(token) });
}

/** Service account fields of a projected service-account token (claim "kubernetes.io"). */
function serviceAccount(claims: Record<string, unknown> | undefined): { name: string; namespace: string; uid: string } {
  const k8sClaim = claims?.['kubernetes.io'];
  const k8s = isRecord(k8sClaim) ? k8sClaim : {};
  const accountClaim = k8s['serviceaccount'];
  const account = isRecord(accountClaim) ? accountClaim : {};
  return { name: str(account['name']), namespace: str(k8s['namespace']), uid: str(account['uid']) };
}
