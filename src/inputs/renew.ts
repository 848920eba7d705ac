// Inputs of renewal for long jobs: whether main starts the renewal helper, and for how long.
import { choice, InputError, text } from './read.js';

export interface RenewConfig {
  /** auto: renew what would expire before `forSeconds`; true: every renewable credential; false: never. */
  readonly mode: 'auto' | 'true' | 'false';
  /** The bound (vault-renew-for): the helper renews to it at most, then stops (its hard cap). */
  readonly forSeconds: number;
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600 };

export function readRenewConfig(): RenewConfig {
  const raw = text('vault-renew-for') ?? '6h';
  const match = /^(\d+(?:\.\d+)?)\s*([smh]?)$/.exec(raw);
  const seconds = match ? Number(match[1]) * (UNITS[match[2] || 's'] ?? 1) : NaN;
  // 6 h is GitHub's limit for a job on its runners; self-hosted jobs may run 5 days.
  if (!Number.isFinite(seconds) || seconds < 10 || seconds > 5 * 24 * 3600)
    throw new InputError(
      `vault-renew-for: "${raw}" must be a duration from 10s to 120h, as seconds or with s, m or h (e.g. 6h).`,
    );
  return { mode: choice('vault-renew', ['auto', 'true', 'false'] as const, 'auto'), forSeconds: Math.round(seconds) };
}
