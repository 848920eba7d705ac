// From connection settings to a logged-in VaultApi for the secrets namespace.
import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import type { ConnectionConfig } from '../inputs/index.js';
import type { AuthConfig, LoginResult } from './auth.js';
import { login } from './auth.js';
import { createVaultApi, type VaultApi } from './client.js';
import { githubIdToken } from './oidc.js';
import { DEFAULT_RETRY } from './retry.js';
import { createTransport, type Cancel, type Transport } from './transport.js';
import { say } from '../output.js';

export interface Connection {
  /** Authenticated, in the secrets namespace. */
  readonly api: VaultApi;
  readonly login: LoginResult;
  readonly transport: Transport;
}

/** How long a transport may run: main's login and fetch (vault-timeout), or post's revocation. */
export interface TransportBudget {
  readonly timeoutMs: number;
  readonly input: 'vault-timeout' | 'vault-revoke-timeout';
  readonly cancel?: Cancel;
}

export function openTransport(conn: ConnectionConfig, budget: TransportBudget): Transport {
  return createTransport({
    tls: conn.tls,
    requestTimeoutMs: Math.min(conn.requestTimeoutMs, budget.timeoutMs),
    deadline: Date.now() + budget.timeoutMs,
    deadlineInput: budget.input,
    retry: { ...DEFAULT_RETRY, retries: conn.retries },
    maxSockets: conn.concurrency,
    maxReplyBytes: conn.maxReplyBytes,
    maxReplyInput: 'vault-max-reply-size',
    ...(budget.cancel ? { cancel: budget.cancel } : {}),
    headers: { ...conn.headers, ...conn.runHeader },
    proxy: conn.proxy,
    onRetry: (e) =>
      core.info(
        e.patient
          ? say`Vault ${e.method} ${e.path}: ${e.reason}, try ${e.attempt + 1} in ${e.delayMs} ms (a rate limit: tried until vault-timeout)`
          : say`Vault ${e.method} ${e.path}: ${e.reason}, try ${e.attempt + 1} of ${conn.retries + 1} in ${e.delayMs} ms`,
      ),
  });
}

export async function connect(
  conn: ConnectionConfig,
  auth: AuthConfig,
  mask: (name: string, value: string) => void,
  cancel?: Cancel,
): Promise<Connection> {
  const transport = openTransport(conn, {
    timeoutMs: conn.timeoutMs,
    input: 'vault-timeout',
    ...(cancel ? { cancel } : {}),
  });
  const authApi = createVaultApi({ addr: conn.addr, namespace: conn.authNamespace, token: undefined, transport });
  const result = await login(auth, authApi, {
    idToken: (audience) => githubIdToken(audience, conn, cancel),
    readFile: (path) => readFile(path, 'utf8'),
    env: process.env,
    mask,
  });
  return { api: authApi.with({ namespace: conn.namespace, token: result.token }), login: result, transport };
}
