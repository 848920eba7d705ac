// GitHub's OIDC token for the jwt method, fetched with the same transport as Vault
// requests rather than core.getIDToken, whose HTTP client has no timeout: a hanging
// token endpoint would hold the step past vault-timeout. Here each try is bounded by
// vault-request-timeout, the whole by vault-timeout, retries follow vault-retries, and
// a cancel stops it like any Vault request. HTTPS_PROXY/HTTP_PROXY/NO_PROXY apply as to Vault.
import { say } from '../output.js';
import * as core from '@actions/core';
import type { ConnectionConfig } from '../inputs/index.js';
import { DEFAULT_RETRY } from './retry.js';
import { createTransport, TransportError, type Cancel } from './transport.js';

const SERVICE = "GitHub's OIDC token endpoint";

export async function githubIdToken(
  audience: string | undefined,
  conn: ConnectionConfig,
  cancel: Cancel | undefined,
): Promise<string> {
  const requestUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
  const bearer = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
  if (!requestUrl || !bearer) {
    throw new Error(
      "vault-method jwt needs GitHub's OIDC token, and ACTIONS_ID_TOKEN_REQUEST_URL is not set: add `permissions: id-token: write` to the job (under act, pass a JWT in vault-jwt).",
    );
  }
  const url = new URL(requestUrl);
  if (audience !== undefined) url.searchParams.set('audience', audience);
  const transport = createTransport({
    tls: { rejectUnauthorized: true },
    requestTimeoutMs: Math.min(conn.requestTimeoutMs, conn.timeoutMs),
    deadline: Date.now() + conn.timeoutMs,
    deadlineInput: 'vault-timeout',
    retry: { ...DEFAULT_RETRY, retries: conn.retries, baseMs: 500 },
    maxSockets: 1,
    maxReplyBytes: conn.maxReplyBytes,
    maxReplyInput: 'vault-max-reply-size',
    // A self-hosted runner behind a proxy reaches GitHub through it, as Vault (NO_PROXY applies).
    proxy: conn.proxy,
    service: SERVICE,
    // Vault's TLS inputs are not GitHub's: vault-tls-skip-verify must not switch off checking GitHub.
    tlsHint:
      "the system does not trust the endpoint's certificate (vault-ca-cert and vault-tls-skip-verify apply to " +
      'Vault only): on a runner with a private CA, give it in NODE_EXTRA_CA_CERTS',
    ...(cancel ? { cancel } : {}),
    onRetry: (e) =>
      core.info(
        e.patient
          ? say`${SERVICE}: ${e.reason}, try ${e.attempt + 1} in ${e.delayMs} ms (a rate limit: tried until vault-timeout)`
          : say`${SERVICE}: ${e.reason}, try ${e.attempt + 1} of ${conn.retries + 1} in ${e.delayMs} ms`,
      ),
  });
  try {
    const res = await transport.defaults()({
      method: 'GET',
      uri: url.toString(),
      headers: { Authorization: `Bearer ${bearer}` },
    });
    const value = (res.body as { value?: unknown } | undefined)?.value;
    if (res.statusCode !== 200 || typeof value !== 'string' || value === '') {
      throw new Error(
        `could not get GitHub's OIDC token: ${SERVICE} answered HTTP ${res.statusCode}${res.statusCode === 200 ? ' without a token' : ''}. Check that the job has \`permissions: id-token: write\`.`,
      );
    }
    return value;
  } catch (err) {
    if (err instanceof TransportError)
      throw new Error(`could not get GitHub's OIDC token: ${err.message}`, { cause: err });
    throw err;
  } finally {
    transport.close();
  }
}
