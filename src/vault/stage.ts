// The Vault stage of main: log in, fetch every entry (masking each value as it
// arrives), record what post must revoke, and report what happened.
import * as core from '@actions/core';
import type { ChildTokenConfig, CompatConfig, VaultConfig } from '../inputs/index.js';
import type { SecretRequest } from '../spec/index.js';
import { groupByPath } from '../spec/index.js';
import type { MaskRegistry } from '../mask/registry.js';
import { MIN_SECRET_LENGTH, shortParts } from '../mask/forms.js';
import { actSplits, underAct } from '../mask/act.js';
import { credentialPairs } from '../mask/pairs.js';
import { Secret } from '../secret.js';
import { assertUniqueNames } from '../spec/index.js';
import { recordCertificate, recordLease, recordToken, type SessionPaths } from '../state.js';
import { connect } from './connect.js';
import { fetchSecrets, type Lease } from './fetch.js';
import { lookupToken, type TokenLookup } from '../renew/lookup.js';
import { issueCertificate } from './pki.js';
import type { Cancel } from './transport.js';
import { inertMessage, say } from '../output.js';
import { tokenForLaterSteps } from './child-stage.js';
import type { RequestId } from './request-ids.js';

export interface FetchFacts {
  readonly addr: string;
  readonly method: string;
  readonly paths: number;
  readonly millis: number;
  readonly retries: number;
  readonly leases: number;
  /** Vault's request_id of each answered request (login, mount lookups, reads, lists, lookup), for the audit log. */
  readonly requestIds: readonly RequestId[];
}

export interface VaultStageParams {
  readonly vault: VaultConfig;
  readonly requests: readonly SecretRequest[];
  readonly masks: MaskRegistry;
  readonly session: SessionPaths;
  /** Stops new requests on cancel; replies in flight still land and are recorded. */
  readonly cancel: Cancel;
  readonly compat?: CompatConfig | undefined;
  /** Look the token up after the fetch, for the renewal helper (vault-renew not false). */
  readonly lookupToken?: boolean;
  /** Set when the token is delivered (vault-token-delivery, exportToken): later steps get a child of it. */
  readonly childToken?: ChildTokenConfig | undefined;
  /** False: no token is delivered, so no child is created. */
  readonly deliverToken?: boolean;
}

export async function vaultStage({
  vault,
  requests,
  masks,
  session,
  cancel,
  compat,
  lookupToken: lookup = false,
  childToken,
  deliverToken = false,
}: VaultStageParams): Promise<{
  secrets: Secret[];
  facts: FetchFacts;
  token: Secret;
  /** The summary's line on the delivered token, when one is delivered. */
  tokenLine: string | undefined;
  leases: Lease[];
  tokenLookup: TokenLookup | undefined;
}> {
  const started = Date.now();
  const conn = await core.group('Log in to Vault', async () => {
    const c = await connect(vault.connection, vault.auth, (name, value) => masks.addHandle(name, value), cancel);
    const policies = c.login.policies.length ? say` (policies: ${c.login.policies.join(', ')})` : '';
    // The login's request_id (UUID-shaped, or none) finds this run in Vault's audit log.
    const loginId = c.transport.requestIds.find((r) => r.operation === 'login')?.id;
    const id = loginId === undefined ? '' : ` (request id ${loginId})`;
    core.info(`Authenticated at ${vault.connection.shownAddr} with ${vault.auth.method}${policies}${id}.`);
    if (c.login.batch && vault.revokeToken) core.warning(batchTokenWarning(c.login.ttlSeconds));
    return c;
  });
  try {
    // The token goes to the private file at once: post revokes with it, the refresh step
    // fetches with it, the renewal helper renews it.
    let tokenRecorded = false;
    const ensureToken = (): void => {
      if (!tokenRecorded) recordToken(session, conn.login.token, vault.revokeToken);
      tokenRecorded = true;
    };
    ensureToken();
    const leased: Lease[] = [];
    const paths = groupByPath(requests).size;
    // Beside the reads, over the same connection, so it costs no round trip of its own
    // (lookupToken never throws; a failed fetch just leaves its answer unread).
    const lookingUp = lookup ? lookupToken(conn.api.with({ namespace: vault.connection.authNamespace })) : undefined;
    const secrets = await core.group(
      `Fetch ${requests.length} secret entr${requests.length === 1 ? 'y' : 'ies'}`,
      async () => {
        const fetched = await fetchSecrets(requests, conn.api, {
          concurrency: vault.connection.concurrency,
          ...(compat
            ? {
                compat: {
                  encoding: compat.encoding,
                  ...(compat.ignoreNotFound
                    ? { onNotFound: (failure: string) => core.error(inertMessage(`✘ ${failure}`)) }
                    : {}),
                },
              }
            : {}),
          maxFolderSecrets: vault.folderLimit,
          onValue: (name, value) => addValue(masks, name, value),
          onLease: (lease) => {
            masks.addHandle('lease', lease.id);
            ensureToken();
            recordLease(session, lease.id);
            leased.push(lease);
          },
        });
        for (const pair of credentialPairs(
          fetched.map((s) => ({ source: s.source, name: s.name, value: s.reveal() })),
        )) {
          masks.addBasicAuth(pair.name, pair.user, pair.password);
        }
        if (requests.length > 0)
          core.info(`Fetched ${fetched.length} secret(s) from ${paths} path(s) in ${Date.now() - started} ms.`);
        // One at a time, as vault-action issues them: each is a new key pair on the server.
        for (const req of vault.pki.requests) {
          const issued = await issueCertificate(req, conn.api, (name, value) => masks.addSecret(name, value));
          if (vault.pki.revoke) ensureToken();
          recordCertificate(session, issued, vault.pki.revoke);
          core.info(say`Issued certificate ${req.name} from ${req.path} (serial ${issued.serial}).`);
          fetched.push(...issued.secrets);
        }
        if (vault.pki.requests.length > 0) {
          assertUniqueNames(fetched.map((s) => ({ name: s.name, line: 0, what: s.source })));
        }
        return fetched;
      },
    );
    // The child exists, masked and recorded for post, before anything can deliver it.
    const delivered = deliverToken
      ? await tokenForLaterSteps({
          api: conn.api.with({ namespace: vault.connection.authNamespace }),
          config: childToken,
          login: conn.login,
          masks,
          session,
        })
      : undefined;
    // After a cancel its answer is dropped: no helper starts after one.
    const tokenLookup = lookingUp && !cancel.signal.aborted ? await lookingUp : undefined;
    const facts = {
      addr: vault.connection.shownAddr,
      method: vault.auth.method,
      paths,
      millis: Date.now() - started,
      retries: conn.transport.stats.retries,
      leases: leased.length,
      requestIds: [...conn.transport.requestIds],
    };
    // Only delivered when the workflow asks for it (vault-token-delivery, exportToken, outputToken).
    return {
      secrets,
      facts,
      token: delivered?.token ?? new Secret('VAULT_TOKEN', `${vault.auth.method} login`, conn.login.token),
      tokenLine: delivered?.line,
      leases: leased,
      tokenLookup,
    };
  } finally {
    conn.transport.close();
  }
}

/**
 * What the runner does with short text (runner-masking.md): it registers the value and
 * every trimmed non-empty line of it, however short, and ignores a value that is empty
 * or only whitespace. JSON leaves are registered by this action only from
 * MIN_SECRET_LENGTH characters on.
 */
function warnIfShort(name: string, value: string): void {
  if (value.trim() === '') {
    core.warning(
      `${name} is empty or only whitespace: the runner masks no such value (there is nothing to hide), and it is delivered as it is.`,
    );
    return;
  }
  if (value.trim().length < MIN_SECRET_LENGTH) {
    core.warning(
      `${name} is shorter than ${MIN_SECRET_LENGTH} characters: it is masked, but masking text that short blanks out unrelated log text too, and such a secret is easy to guess.`,
    );
  }
  if (underAct() && actSplits(value)) {
    core.warning(
      `${name} holds two colons in a row, or a percent sign followed by 0A or 0D, which act's mask command cannot take: under act it is masked by its parts around them (those of at least ${MIN_SECRET_LENGTH} characters), and those separators print as they are. GitHub's runner masks it whole.`,
    );
  }
  const parts = shortParts(value);
  const lines = parts.filter((p) => p.kind === 'line').length;
  const leaves = parts.length - lines;
  if (lines > 0) {
    core.warning(
      `${name}: ${lines} line(s) are shorter than ${MIN_SECRET_LENGTH} characters. The runner masks every line of a value however short, so those words are blanked wherever they appear in the log. Keep secrets in separate keys of at least ${MIN_SECRET_LENGTH} characters.`,
    );
  }
  if (leaves > 0) {
    core.warning(
      `${name}: ${leaves} JSON value(s) inside it are shorter than ${MIN_SECRET_LENGTH} characters and are not masked on their own (the whole value and its lines are). Keep secrets in separate keys of at least ${MIN_SECRET_LENGTH} characters.`,
    );
  }
}

/**
 * JSON can carry a lone UTF-16 surrogate (`"\ud800"`) that no UTF-8 text can: such a
 * value cannot be printed, masked or written faithfully. Its printable spelling (what a
 * log or file would hold: U+FFFD in its place) is masked, then the fetch stops with an
 * error naming the secret.
 */
function addValue(masks: MaskRegistry, name: string, value: string): void {
  const printable = value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  masks.addSecret(name, printable);
  warnIfShort(name, printable);
  if (printable !== value)
    throw new Error(
      `${name}: the value Vault returned is not valid Unicode (a lone UTF-16 surrogate, \\uD800-\\uDFFF in its JSON), so it can be neither masked nor delivered faithfully. Store it as UTF-8 text, or base64-encode it.`,
    );
}

/** Post cannot revoke a batch token (revoke-self answers 400): say so at login, with how long it lives. */
export function batchTokenWarning(ttlSeconds: number | undefined): string {
  const ttl = ttlSeconds === undefined || ttlSeconds <= 0 ? 'its TTL' : `its TTL, ${duration(ttlSeconds)}`;
  return (
    `Vault issued a batch token, which cannot be revoked: it stays valid after this job for ${ttl}. ` +
    'Give the role token_type=service, or a short token_ttl.'
  );
}

function duration(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} day(s)`;
  if (seconds % 3600 === 0) return `${seconds / 3600} hour(s)`;
  if (seconds % 60 === 0) return `${seconds / 60} minute(s)`;
  return `${seconds} s`;
}
