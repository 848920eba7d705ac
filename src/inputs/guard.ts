// Inputs of the leak guard and the cache: what post scans, what a hit does, what to cache.
import { bool, choice, InputError, list, text } from './read.js';

export interface GuardConfig {
  /** Globs scanned in post, after this action's own files are gone. */
  readonly scanPaths: readonly string[];
  readonly onLeak: 'fail' | 'delete' | 'warn';
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
    scanImage: bool('scan-image', false),
    cache: key !== undefined ? { paths, key, restoreKeys: list('cache-restore-keys') } : undefined,
  };
}
