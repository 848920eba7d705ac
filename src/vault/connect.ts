// From connection settings to a logged-in VaultApi for the secrets namespace.
import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import type { ConnectionConfig } from '../inputs/index.js';
import type { AuthConfig, LoginResult } from './auth.js';
import { login } from './auth.js';
import { createVaultApi, type VaultApi } from './client.js';
import { backoffMs, DEFAULT_RETRY } from './retry.js';
import { createTransport, type Transport } from './transport.js';
import { errorMessage } from '../errors.js';

export interface Connection {
  /** Authenticated, in the secrets namespace. */
  readonly api: VaultApi;
  readonly login: LoginResult;
  readonly transport: Transport;
}

export function openTransport(conn: ConnectionConfig): Transport {
  return createTransport({
    tls: conn.tls,
    requestTimeoutMs: conn.requestTimeoutMs,
    deadline: Date.now() + conn.timeoutMs,
    retry: { ...DEFAULT_RETRY, retries: conn.retries },
    maxSockets: conn.concurrency,
    onRetry: (e) =>
      core.info(
        `Vault ${e.method} ${e.path}: ${e.reason}, try ${e.attempt + 1} of ${conn.retries + 1} in ${e.delayMs} ms`,
      ),
  });
}

export async function connect(
  conn: ConnectionConfig,
  auth: AuthConfig,
  mask: (name: string, value: string) => void,
): Promise<Connection> {
  const transport = openTransport(conn);
  const authApi = createVaultApi({ addr: conn.addr, namespace: conn.authNamespace, token: undefined, transport });
  const result = await login(auth, authApi, {
    idToken: (audience) => idTokenWithRetry(audience, conn.retries),
    readFile: (path) => readFile(path, 'utf8'),
    mask,
  });
  return { api: authApi.with({ namespace: conn.namespace, token: result.token }), login: result, transport };
}

/** GitHub's token endpoint fails now and then; hashicorp/vault-action retries it too. */
async function idTokenWithRetry(audience: string | undefined, retries: number): Promise<string> {
  if (!process.env['ACTIONS_ID_TOKEN_REQUEST_URL']) {
    throw new Error(
      "vault-method jwt needs GitHub's OIDC token, and ACTIONS_ID_TOKEN_REQUEST_URL is not set: add `permissions: id-token: write` to the job (under act, pass a JWT in vault-jwt).",
    );
  }
  for (let attempt = 0; ; attempt++) {
    try {
      return await core.getIDToken(audience);
    } catch (err) {
      if (attempt >= retries) {
        throw new Error(
          `could not get GitHub's OIDC token after ${attempt + 1} tries: ${errorMessage(err).replace(/\s+/g, ' ').trim()}`,
          { cause: err },
        );
      }
      const delay = backoffMs(attempt, { ...DEFAULT_RETRY, baseMs: 500 });
      core.info(`GitHub OIDC token request failed, try ${attempt + 2} of ${retries + 1} in ${delay} ms`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
