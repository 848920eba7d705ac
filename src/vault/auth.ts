// Logging in: each method's request, and masking what comes back before anything else.
import type { AwsLogin } from './aws-iam.js';
import type { VaultApi } from './client.js';
import { signRunnerJwt, type JwtSigning } from './jwt-sign.js';

export type AuthConfig =
  | { readonly method: 'token'; readonly token: string }
  | {
      readonly method: 'approle';
      readonly mount: string;
      readonly roleId: string;
      /** Absent for roles with bind_secret_id=false. */
      readonly secretId: string | undefined;
    }
  | {
      readonly method: 'jwt';
      readonly mount: string;
      readonly role: string | undefined;
      readonly audience: string | undefined;
      readonly jwt: string | undefined;
      /** Sign a JWT on the runner instead of asking GitHub for one. */
      readonly signing: JwtSigning | undefined;
    }
  | { readonly method: 'github'; readonly mount: string; readonly token: string }
  | { readonly method: 'custom'; readonly mount: string; readonly payload: Readonly<Record<string, unknown>> }
  | { readonly method: 'cert'; readonly mount: string; readonly name: string | undefined }
  | ({ readonly method: 'aws'; readonly mount: string } & AwsLogin)
  | { readonly method: 'kubernetes'; readonly mount: string; readonly role: string; readonly tokenPath: string }
  | {
      readonly method: 'userpass' | 'ldap';
      readonly mount: string;
      readonly username: string;
      readonly password: string;
    };

export type AuthMethod = AuthConfig['method'];

export interface LoginResult {
  readonly token: string;
  /** True when this step created the token (so it is ours to revoke). */
  readonly obtained: boolean;
  readonly policies: readonly string[];
  readonly ttlSeconds: number | undefined;
  /** A batch token (OpenBao `b.`, Vault `hvb.`): it cannot be revoked, only expire. */
  readonly batch: boolean;
}

export interface AuthDeps {
  /** GitHub's OIDC token for an audience (bounded and retried by the caller's policy). */
  readonly idToken: (audience: string | undefined) => Promise<string>;
  readonly readFile: (path: string) => Promise<string>;
  /** The runner's environment, for the claims of a JWT signed here. */
  readonly env: NodeJS.ProcessEnv;
  /** Registers a credential as a mask; called before the credential can reach any output. */
  readonly mask: (name: string, value: string) => void;
}

export async function login(auth: AuthConfig, api: VaultApi, deps: AuthDeps): Promise<LoginResult> {
  if (auth.method === 'token')
    return { token: auth.token, obtained: false, policies: [], ttlSeconds: undefined, batch: false };
  const { path, body } = await loginRequest(auth, deps);
  const reply = await api.write(path, body, `login (${auth.method})`);
  const authBlock = (
    reply as
      | {
          auth?: {
            client_token?: unknown;
            accessor?: unknown;
            policies?: unknown;
            lease_duration?: unknown;
            token_type?: unknown;
          };
        }
      | undefined
  )?.auth;
  const token = authBlock?.client_token;
  if (typeof token !== 'string' || token === '') {
    throw new Error(
      `Vault login (${auth.method}) at auth/${auth.mount} returned no client token: check that the mount is a ${auth.method} auth method.`,
    );
  }
  deps.mask('VAULT_TOKEN', token);
  if (/[^\x21-\x7e]/.test(token))
    throw new Error(
      `Vault login (${auth.method}) at auth/${auth.mount} returned a client token with a line break or other character an HTTP header cannot carry: check the Vault server or the proxy in front of it.`,
    );
  if (typeof authBlock?.accessor === 'string') deps.mask('VAULT_TOKEN_ACCESSOR', authBlock.accessor);
  return {
    token,
    obtained: true,
    policies: Array.isArray(authBlock?.policies)
      ? authBlock.policies.filter((p): p is string => typeof p === 'string')
      : [],
    ttlSeconds: typeof authBlock?.lease_duration === 'number' ? authBlock.lease_duration : undefined,
    batch: authBlock?.token_type === 'batch',
  };
}

async function loginRequest(
  auth: Exclude<AuthConfig, { method: 'token' }>,
  deps: AuthDeps,
): Promise<{ path: string; body: Record<string, unknown> }> {
  const base = `auth/${auth.mount}/login`;
  switch (auth.method) {
    case 'approle':
      return {
        path: base,
        body: { role_id: auth.roleId, ...(auth.secretId === undefined ? {} : { secret_id: auth.secretId }) },
      };
    case 'jwt': {
      const jwt =
        auth.jwt ?? (auth.signing ? signRunnerJwt(auth.signing, deps.env) : await deps.idToken(auth.audience));
      deps.mask('OIDC_TOKEN', jwt);
      return { path: base, body: { ...(auth.role === undefined ? {} : { role: auth.role }), jwt } };
    }
    case 'github':
      return { path: base, body: { token: auth.token } };
    case 'custom':
      return { path: base, body: { ...auth.payload } };
    case 'cert':
      // The credential is the client certificate of the TLS connection; the name picks the cert role.
      return { path: base, body: auth.name === undefined ? {} : { name: auth.name } };
    case 'aws': {
      const { awsLoginBody } = await import('./aws-iam.js');
      const body = await awsLoginBody(auth);
      // The signed headers are a credential while their date is fresh (and carry the session token).
      deps.mask('AWS_IAM_REQUEST_HEADERS', String(body['iam_request_headers']));
      return { path: base, body };
    }
    case 'kubernetes': {
      const jwt = await readServiceAccountToken(auth.tokenPath, deps);
      deps.mask('KUBERNETES_TOKEN', jwt);
      return { path: base, body: { role: auth.role, jwt } };
    }
    case 'userpass':
    case 'ldap':
      return { path: `${base}/${encodeURIComponent(auth.username)}`, body: { password: auth.password } };
  }
}

async function readServiceAccountToken(path: string, deps: AuthDeps): Promise<string> {
  let text: string;
  try {
    text = await deps.readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new Error(
      `cannot read the Kubernetes service account token at ${path} (${code}): run the job in a pod with a mounted service account token, or set vault-kubernetes-token-path.`,
      { cause: err },
    );
  }
  const token = text.trim();
  if (token === '') throw new Error(`the Kubernetes service account token file ${path} is empty.`);
  return token;
}
