// Inputs of the refresh sub-action (refresh/action.yml).
import { splitCommandLine } from '../refresh/argv.js';
import { bool, InputError, list, seconds, text } from './read.js';
import { readTemplatesConfig, type TemplatesConfig } from './templates.js';

export interface RefreshStepConfig {
  /** Only these secrets (NAMEs as delivered); empty: all of them. */
  readonly names: readonly string[];
  /** Also fetch dynamic credentials again (new leases; the superseded ones are revoked). */
  readonly rotate: boolean;
  /** argv of the command run once when something changed, if any. */
  readonly onChange: readonly string[] | undefined;
  readonly timeoutMs: number;
  readonly summary: boolean;
  /** Rendered again, in place, when a secret they name changed (the same grammar as main's templates). */
  readonly templates: TemplatesConfig;
}

export function readRefreshStepConfig(): RefreshStepConfig {
  const line = text('on-change');
  let onChange: string[] | undefined;
  if (line !== undefined) {
    try {
      onChange = splitCommandLine(line);
    } catch (err) {
      throw new InputError((err as Error).message);
    }
    if (onChange.length === 0) onChange = undefined;
  }
  return {
    names: list('secrets', true),
    rotate: bool('rotate', false),
    onChange,
    timeoutMs: seconds('timeout', 120),
    summary: bool('summary', true),
    templates: readTemplatesConfig(),
  };
}
