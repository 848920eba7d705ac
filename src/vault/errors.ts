// Errors that say what failed and what to check, built only from things that are safe
// to show: the operation, the path, the HTTP status and Vault's own `errors` text.

/** A Vault request that got an HTTP answer other than success. */
export class VaultRequestError extends Error {
  constructor(
    /** What we were doing: "read", "list", "login (approle)", "revoke lease". */
    readonly operation: string,
    /** The API path after /v1/, with the namespace that applied. */
    readonly path: string,
    readonly status: number,
    readonly vaultErrors: readonly string[],
    namespace: string | undefined,
    /** A KV v2 read's 404 for a deleted or destroyed version (its body's metadata): never a value. */
    readonly kvGone?: KvGone,
  ) {
    const where = namespace ? `${path} (namespace ${namespace})` : path;
    const said = vaultErrors.length > 0 ? `: ${vaultErrors.join('; ').replace(/\s+/g, ' ').trim()}` : '';
    super(
      `Vault ${operation} ${where} failed with HTTP ${status}${said}. ${hintFor(operation, status, path, vaultErrors)}`,
    );
    this.name = 'VaultRequestError';
  }
}

/** What a KV v2 404 body says about the version asked for: Vault sends its metadata with `data: null`. */
export interface KvGone {
  readonly version: number;
  readonly destroyed: boolean;
}

export function kvGoneOf(body: unknown): KvGone | undefined {
  const data = (body as { data?: { data?: unknown; metadata?: unknown } } | null | undefined)?.data;
  const meta = data?.metadata as { version?: unknown; deletion_time?: unknown; destroyed?: unknown } | null | undefined;
  if (!meta || typeof meta.version !== 'number' || !Number.isSafeInteger(meta.version)) return undefined;
  const destroyed = meta.destroyed === true;
  const deleted = typeof meta.deletion_time === 'string' && meta.deletion_time !== '';
  return destroyed || deleted ? { version: meta.version, destroyed } : undefined;
}

function hintFor(operation: string, status: number, path: string, vaultErrors: readonly string[]): string {
  // Vault and OpenBao answer a namespace header naming no namespace with this 404, before any route
  const noNamespace = status === 404 && vaultErrors.includes('namespace not found');
  if (operation.startsWith('login')) {
    if (status === 404)
      return 'Check vault-auth-namespace (and vault-namespace) and the auth mount path (vault-auth-path).';
    if (status === 400)
      return 'Check the role and credentials, and that the auth method is mounted at that path (vault-auth-path).';
    if (status === 403) return 'Check the auth mount path and vault-auth-namespace.';
  }
  if (noNamespace) return 'Check vault-namespace: no such namespace (names are relative to the token’s namespace).';
  // the one 400 revoke-self gives (batch tokens only expire); main already warned at login
  if (operation === 'revoke token' && status === 400)
    return 'A batch token cannot be revoked: it stays valid until its TTL (give the role token_type=service).';
  // A real server's least-privilege token: the default policy has revoke-self but not this.
  if (operation === 'revoke lease' && status === 403)
    return 'Grant "update" on "sys/leases/revoke" to revoke leases of a token passed in, or set vault-revoke-token: true (revoking the token revokes its leases).';
  switch (status) {
    case 400:
      return 'Check the path and the request.';
    case 403:
      return `Check that the token's policies grant this on "${path}", and that the namespace is right.`;
    case 405:
      return 'Vault does not read this path (it takes another operation): a secrets line only reads; certificates are issued with vault-pki.';
    case 404:
      return 'Check that the secret exists at that path and mount, in that namespace (Vault also answers 404 when a policy hides a path).';
    case 429:
      return 'Vault was rate limiting until vault-timeout ran out (a 429 spends no retry): raise vault-timeout, or ask for a larger rate-limit quota.';
    case 412:
    case 503:
      return 'Vault was sealed or catching up, and stayed so through every retry: raise vault-retries or try later.';
    default:
      return status >= 500 ? 'Vault failed on its side: check its health and logs.' : 'Check the request.';
  }
}

/** Extracts Vault's `errors` array from a node-vault ApiResponseError or a body. */
export function vaultErrorsOf(body: unknown): string[] {
  if (body !== null && typeof body === 'object' && 'errors' in body && Array.isArray(body.errors)) {
    return body.errors.filter((e): e is string => typeof e === 'string');
  }
  return [];
}
