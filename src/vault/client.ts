// The one place that talks to node-vault. Everything else sees VaultApi: a few
// calls that return plain bodies or throw errors that are safe to print.
import nodeVault from 'node-vault';
import type { Transport } from './transport.js';
import { TransportError } from './transport.js';
import { VaultRequestError, kvGoneOf, vaultErrorsOf } from './errors.js';

export interface VaultApi {
  readonly namespace: string | undefined;
  read(path: string, operation?: string): Promise<unknown>;
  list(path: string): Promise<string[]>;
  write(path: string, data: Record<string, unknown>, operation: string): Promise<unknown>;
  /** The same server and transport, another namespace or token. */
  with(opts: { namespace?: string | undefined; token?: string | undefined }): VaultApi;
}

export interface ClientOptions {
  readonly addr: string;
  readonly namespace: string | undefined;
  readonly token: string | undefined;
  readonly transport: Transport;
}

export function createVaultApi(opts: ClientOptions): VaultApi {
  const client = nodeVault({
    endpoint: opts.addr,
    apiVersion: 'v1',
    'request-promise': opts.transport,
    debug: () => undefined,
    // node-vault checks each request's options against a two-field schema with tv4; this
    // is that check, so tv4 stays out of the bundle (a stub: scripts/build.mjs). node-vault's
    // types declare `tv4` as a function; it uses the tv4 module's { validate, error }.
    tv4: requestCheck as unknown as NonNullable<nodeVault.VaultOptions['tv4']>,
  });
  // node-vault falls back to process.env for empty values; inputs.ts has already
  // applied those defaults, so what we pass is final.
  client.token = opts.token ?? '';
  (client as { namespace?: string }).namespace = opts.namespace ?? '';

  const call = async <T>(operation: string, path: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      throw toSafeError(err, operation, path, opts.namespace);
    }
  };

  return {
    namespace: opts.namespace,
    read: (path, operation = 'read') => call(operation, path, () => client.read(path)),
    list: async (path) => {
      const body = await call<unknown>('list', path, () => client.list(path));
      const keys = (body as { data?: { keys?: unknown } } | undefined)?.data?.keys;
      return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [];
    },
    write: (path, data, operation) => call(operation, path, () => client.write(path, data)),
    with: (o) =>
      createVaultApi({
        ...opts,
        namespace: 'namespace' in o ? o.namespace : opts.namespace,
        token: 'token' in o ? o.token : opts.token,
      }),
  };
}

/** What node-vault's request schema asks: `path` and `method` are strings. */
const requestCheck = {
  error: new Error('node-vault request without a path or method'),
  validate(options: unknown): boolean {
    const o = options as { path?: unknown; method?: unknown } | null;
    return typeof o?.path === 'string' && typeof o.method === 'string';
  },
};

/**
 * node-vault rejects with its ApiResponseError (status and body), a tv4 schema error,
 * or whatever the transport threw. Keep only what is safe: never the request.
 */
function toSafeError(err: unknown, operation: string, path: string, namespace: string | undefined): Error {
  if (err instanceof TransportError) return new Error(`Vault ${operation} ${path}: ${err.message}`);
  const response = (err as { response?: { statusCode?: unknown; body?: unknown } } | null)?.response;
  if (response && typeof response.statusCode === 'number') {
    const { statusCode, body } = response;
    const kvGone = statusCode === 404 ? kvGoneOf(body) : undefined;
    return new VaultRequestError(operation, path, statusCode, vaultErrorsOf(body), namespace, kvGone);
  }
  return new Error(`Vault ${operation} ${path} failed: ${err instanceof Error ? err.name : 'unknown error'}`);
}
