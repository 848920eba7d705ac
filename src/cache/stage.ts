// @actions/cache around the leak guard: restore in main, save in post only when the
// scan of the cache paths came back clean. Without a cache service (act, some
// self-hosted runners) caching is skipped with a notice, never an error.
import * as core from '@actions/core';
import type { CacheConfig } from '../inputs/index.js';
import { loadCacheMatch, saveCacheMatch } from '../state.js';
import { inertMessage, say } from '../output.js';
import { errorMessage } from '../errors.js';

/**
 * @actions/cache brings the Azure storage SDK (about 1.5 MB of bundle): loaded only
 * when a cache is configured, so every other run starts fast.
 */
const loadCache = (): Promise<typeof import('@actions/cache')> => import('@actions/cache');

/**
 * Why caching cannot run here, or undefined when it can. act sets ACTIONS_CACHE_URL,
 * which @actions/cache takes for the retired v1 protocol and would try; act's server
 * speaks nothing newer, so under act only the v2 service is trusted.
 */
function unavailable(cache: typeof import('@actions/cache')): string | undefined {
  if (process.env['ACT'] === 'true' && !process.env['ACTIONS_CACHE_SERVICE_V2'])
    return 'act: its cache server speaks only the retired v1 protocol';
  if (!cache.isFeatureAvailable()) return 'no cache service on this runner (no ACTIONS_RESULTS_URL)';
  return undefined;
}

export async function restoreStage(config: CacheConfig): Promise<void> {
  const cache = await loadCache();
  const reason = unavailable(cache);
  if (reason !== undefined) {
    core.notice(`cache: ${reason}: restore and save are skipped.`);
    core.setOutput('cache-hit', 'false');
    return;
  }
  const matched = await core.group(`Restore cache ${config.key}`, () =>
    cache.restoreCache([...config.paths], config.key, [...config.restoreKeys]),
  );
  saveCacheMatch(matched ?? '');
  core.setOutput('cache-hit', String(matched === config.key));
  core.info(matched ? say`cache restored from ${matched}` : 'cache: no entry matched');
}

/** Saves unless dirty; returns a line for the summary saying what happened and why. */
export async function saveStage(config: CacheConfig, dirty: number): Promise<string> {
  const cache = await loadCache();
  const reason = unavailable(cache);
  if (reason !== undefined) return `cache: not saved (${reason})`;
  if (dirty > 0) {
    core.warning(
      `cache ${config.key} NOT saved: the leak guard found ${dirty} secret hit(s) in its paths (see the annotations). Remove the secret from the cached files.`,
    );
    return `cache ${config.key}: not saved, ${dirty} secret hit(s) in its paths`;
  }
  if (loadCacheMatch() === config.key) return `cache ${config.key}: restored on this exact key, not saved again`;
  try {
    const id = await core.group(`Save cache ${config.key}`, () => cache.saveCache([...config.paths], config.key));
    return id === -1 ? `cache ${config.key}: not saved (see the log)` : `cache ${config.key}: scanned clean and saved`;
  } catch (err) {
    core.warning(inertMessage(`cache ${config.key} could not be saved: ${errorMessage(err)}`));
    return `cache ${config.key}: save failed (see warnings)`;
  }
}
