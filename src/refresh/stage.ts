// The refresh step's work: fetch again (all, or the named secrets; dynamic credentials
// only when rotating), and for what changed, in this order: masks (as each value
// arrives, before anything is written or printed), atomic delivery, the session's
// records (forms as they are masked, new leases as they land, then the plan), and last
// the revocation of the leases the new ones replace.
import type { Delivery, RefreshStepConfig } from '../inputs/index.js';
import type { MaskRegistry } from '../mask/registry.js';
import { credentialPairs } from '../mask/pairs.js';
import type { Secret } from '../secret.js';
import { requestsToFetch } from './select.js';
import {
  readRecords,
  recordLease,
  recordPlan,
  replaceLeases,
  type PlannedSecret,
  type SessionPaths,
  type SessionPlan,
} from '../state.js';
import { createVaultApi } from '../vault/client.js';
import { openTransport } from '../vault/connect.js';
import { fetchSecrets } from '../vault/fetch.js';
import { proxyEnv } from '../vault/proxy-env.js';
import type { Cancel } from '../vault/transport.js';
import { digestOf, plannedSecret } from './plan.js';
import { deliverChanges } from './deliver.js';
import { errorMessage } from '../errors.js';
import type { RequestId } from '../vault/request-ids.js';

export interface Change {
  readonly name: string;
  readonly source: string;
  readonly bytes: number;
  /** KV v2 versions before and after, when the secret has them. */
  readonly versions: readonly [number | undefined, number | undefined];
  /** A new secret (a new key under `*` or a folder). */
  readonly added: boolean;
  /** It came with a new lease (rotate). */
  readonly rotated: boolean;
}

export interface RefreshOutcome {
  readonly fetched: number;
  readonly changes: readonly Change[];
  readonly leasesRevoked: number;
  /** Superseded leases Vault would not revoke (post tries again): messages, redacted. */
  readonly revokeFailures: readonly string[];
  /** Vault's request_id of each answered request, for the audit log (as main's summary lists them). */
  readonly requestIds: readonly RequestId[];
}

export interface RefreshParams {
  readonly plan: SessionPlan;
  readonly paths: SessionPaths;
  readonly token: string;
  readonly config: RefreshStepConfig;
  readonly masks: MaskRegistry;
  readonly cancel: Cancel;
  /**
   * Called with the secrets as they now are (every one fetched) after delivery and before
   * the superseded leases go: the point where templates are rendered again.
   */
  readonly afterDelivery?: (secrets: readonly Secret[], changed: readonly Secret[]) => void | Promise<void>;
}

export async function refreshStage(p: RefreshParams): Promise<RefreshOutcome> {
  const { plan, paths, config, masks, cancel } = p;
  const connection = { ...plan.connection, proxy: proxyEnv(process.env) };
  const transport = openTransport(connection, { timeoutMs: config.timeoutMs, input: 'vault-timeout', cancel });
  try {
    const api = createVaultApi({ addr: connection.addr, namespace: connection.namespace, token: p.token, transport });
    const wanted = config.names.length > 0 ? new Set(config.names) : undefined;
    const leasedPaths = new Set(plan.leases.map((l) => l.path));
    const newLeases: { id: string; path: string }[] = [];
    const fetched = await fetchSecrets(requestsToFetch(plan.requests, wanted), api, {
      concurrency: connection.concurrency,
      maxFolderSecrets: plan.folderLimit,
      onValue: (name, value) => masks.addSecret(name, value),
      onLease: (lease) => {
        // Recorded the moment it lands: a cancel from here on still leaves it to post to revoke.
        masks.addHandle('lease', lease.id);
        recordLease(paths, lease.id);
        newLeases.push({ id: lease.id, path: lease.path });
      },
      ...(config.rotate ? {} : { skipRead: (path: string) => leasedPaths.has(path) }),
    });
    for (const pair of credentialPairs(fetched.map((s) => ({ source: s.source, name: s.name, value: s.reveal() }))))
      masks.addBasicAuth(pair.name, pair.user, pair.password);
    cancel.signal.throwIfAborted();

    const rotatedPaths = new Set(newLeases.map((l) => l.path));
    // A rotated lease replaces every value read with it, named or not.
    const selected = fetched.filter(
      (s) => wanted === undefined || wanted.has(s.name) || rotatedPaths.has(s.origin?.path ?? ''),
    );
    if (wanted) {
      const missing = [...wanted].filter((n) => !selected.some((s) => s.name === n));
      if (missing.length > 0)
        throw new Error(
          `secrets: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not among the secrets fetched again: name secrets the main step delivered (a dynamic credential is fetched again only with rotate: true).`,
        );
    }
    const before = new Map(plan.secrets.map((s) => [s.name, s]));
    const changed = selected.filter((s) => before.get(s.name)?.digest !== digestOf(plan.key, s.reveal()));
    deliverChanges(changed, new Set(plan.deliveries) as ReadonlySet<Delivery>, paths);
    await p.afterDelivery?.(selected, changed);

    const superseded = plan.leases.filter((l) => rotatedPaths.has(l.path));
    recordPlan(paths, {
      ...plan,
      secrets: mergeSecrets(
        plan.secrets,
        selected.map((s) => plannedSecret(plan.key, s)),
      ),
      leases: [...plan.leases.filter((l) => !rotatedPaths.has(l.path)), ...newLeases],
    });
    const revoked: string[] = [];
    const revokeFailures: string[] = [];
    for (const lease of superseded) {
      try {
        await api.write('sys/leases/revoke', { lease_id: lease.id }, 'revoke lease');
        revoked.push(lease.id);
      } catch (err) {
        revokeFailures.push(masks.redact(errorMessage(err)));
      }
    }
    if (revoked.length > 0)
      replaceLeases(
        paths,
        readRecords(paths).leases.filter((id) => !revoked.includes(id)),
      );
    return {
      fetched: selected.length,
      changes: changed.map((s) => ({
        name: s.name,
        source: s.source,
        bytes: s.bytes,
        versions: [before.get(s.name)?.version, s.origin?.version],
        added: !before.has(s.name),
        rotated: rotatedPaths.has(s.origin?.path ?? ''),
      })),
      leasesRevoked: revoked.length,
      revokeFailures,
      requestIds: [...transport.requestIds],
    };
  } finally {
    transport.close();
  }
}

function mergeSecrets(old: readonly PlannedSecret[], fresh: readonly PlannedSecret[]): PlannedSecret[] {
  const byName = new Map(old.map((s) => [s.name, s]));
  for (const s of fresh) byName.set(s.name, s);
  return [...byName.values()];
}
