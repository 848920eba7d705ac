// Inputs of the leak guard and the cache: what post scans, what a hit does, what to cache.
import { bool, choice, InputError, integer, list, text } from './read.js';

export type OnLeak = 'fail' | 'delete' | 'warn';

export interface GuardConfig {
  /** Globs scanned in post, after this action's own files are gone. */
  readonly scanPaths: readonly string[];
  readonly onLeak: OnLeak;
  /** Where to write the findings as SARIF 2.1.0 (for code scanning), if anywhere. */
  readonly sarifFile: string | undefined;
  /** Scan the built image before it is pushed. */
  readonly scanImage: boolean;
  readonly cache: CacheConfig | undefined;
}

export interface CacheConfig {
  readonly paths: readonly string[];
  readonly key: string;
  readonly restoreKeys: readonly string[];
}

export function readGuardConfig(): GuardConfig {
  const paths = list('cache-paths');
  const key = text('cache-key');
  if (paths.length > 0 !== (key !== undefined))
    throw new InputError('cache-paths and cache-key go together: give both to restore and save a cache, or neither.');
  return {
    scanPaths: list('scan-paths'),
    onLeak: choice('on-leak', ['fail', 'delete', 'warn'] as const, 'fail'),
    sarifFile: text('sarif-file'),
    scanImage: bool('scan-image', false),
    cache: key !== undefined ? { paths, key, restoreKeys: list('cache-restore-keys') } : undefined,
  };
}

/** Inputs of the guard sub-action (guard/action.yml), run mid-job before an upload, deploy or publish. */
export interface GuardStepConfig {
  readonly paths: readonly string[];
  readonly image: string | undefined;
  readonly onLeak: OnLeak;
  readonly sarifFile: string | undefined;
  /** Values to look for when no main step ran in the job: names of environment variables, and files. */
  readonly valuesFromEnv: readonly string[];
  readonly valuesFromFiles: readonly string[];
  /** Worker threads; 0: one per core. */
  readonly workers: number;
}

export function readGuardStepConfig(): GuardStepConfig {
  const paths = list('paths');
  const image = text('image');
  if (paths.length === 0 && image === undefined)
    throw new InputError('nothing to scan: give paths (files, folders or globs), an image, or both.');
  return {
    paths,
    image,
    onLeak: choice('on-leak', ['fail', 'delete', 'warn'] as const, 'fail'),
    sarifFile: text('sarif-file'),
    valuesFromEnv: list('values-from-env'),
    valuesFromFiles: list('values-from-files'),
    workers: integer('workers', 0, 0, 256),
  };
}
