// What main leaves for the refresh step, and how refresh tells a changed value from an
// unchanged one without keeping any value: an HMAC under a key made for the session.
// Pure, but for the random key.
import { createHmac, randomBytes } from 'node:crypto';
import type { ConnectionConfig } from '../inputs/index.js';
import type { Secret } from '../secret.js';
import type { PlannedSecret, SessionPlan } from '../state.js';

export function newPlanKey(): string {
  return randomBytes(32).toString('hex');
}

export function digestOf(key: string, value: string): string {
  return createHmac('sha256', Buffer.from(key, 'hex')).update(value, 'utf8').digest('hex');
}

export function plannedSecret(key: string, s: Secret): PlannedSecret {
  return {
    name: s.name,
    outputName: s.outputName,
    source: s.source,
    path: s.origin?.path ?? '',
    version: s.origin?.version,
    digest: digestOf(key, s.reveal()),
    bytes: s.bytes,
  };
}

export type PlanInput = Omit<SessionPlan, 'key' | 'secrets' | 'connection'> & {
  readonly connection: ConnectionConfig;
  readonly secrets: readonly Secret[];
};

export function planOf(input: PlanInput): SessionPlan {
  const key = newPlanKey();
  return {
    ...input,
    connection: withoutProxy(input.connection),
    key,
    secrets: input.secrets.map((s) => plannedSecret(key, s)),
  };
}

/** The connection to record: later steps read HTTPS_PROXY and NO_PROXY from their own environment. */
export function withoutProxy(connection: SessionPlan['connection'] | ConnectionConfig): SessionPlan['connection'] {
  return Object.fromEntries(Object.entries(connection).filter(([k]) => k !== 'proxy')) as SessionPlan['connection'];
}
