// What a build writes besides the image: labels and annotations (stored in the image
// and its manifest), build contexts, cache and output targets. None may carry a secret
// in any form, and what the build exports to this machine (a local cache, a local or
// tar output) is read by the leak guard before a later step can ship it. A cache sent
// straight to a service (registry, gha, s3) cannot be read first: it is refused unless
// the workflow says so.
import * as core from '@actions/core';
import type { BuildConfig } from '../inputs/index.js';
import type { MaskRegistry } from '../mask/registry.js';
import { Scanner } from '../guard/scanner.js';
import { tally } from '../guard/report.js';
import { say } from '../output.js';

/** Cache and output types the guard can read after the build. */
const SCANNABLE = new Set(['local', 'tar', 'oci', 'docker']);

export function refuseUnsafeOptions(config: BuildConfig, masks: MaskRegistry): void {
  const options: [string, readonly string[]][] = [
    ['build-labels', config.labels],
    ['build-annotations', config.annotations],
    ['build-contexts', config.contexts],
    ['build-cache-from', config.cacheFrom],
    ['build-cache-to', config.cacheTo.map((t) => t.spec)],
    ['build-outputs', config.outputs.map((t) => t.spec)],
    ['build-add-hosts', config.addHosts],
    ['build-ssh', config.ssh],
    ['build-network', config.network !== undefined ? [config.network] : []],
  ];
  for (const [input, values] of options) {
    for (const value of values) {
      const form = masks.find(value);
      if (form)
        throw new Error(
          `${input}: an entry holds secret ${form.name}${form.kind === 'value' ? '' : ` (as ${form.kind})`}. ${input} is stored with the image or sent to the builder as it is: mount secrets with build-secrets instead.`,
        );
    }
  }
  for (const target of config.cacheTo) {
    if (target.type === 'inline' || target.dest !== undefined) continue;
    if (!config.cacheToUnscanned)
      throw new Error(
        `build-cache-to: a type=${target.type} cache is sent by the builder before the leak guard can read it (a RUN that wrote a secret into a layer would ship it): export type=local and scan it, or set build-cache-to-unscanned: true to accept that.`,
      );
    core.warning(
      say`build-cache-to: the type=${target.type} cache export is not scanned for secrets (build-cache-to-unscanned).`,
    );
  }
}

/** After the build: every local export, read with every form of every secret; a hit fails the step. */
export async function scanExports(config: BuildConfig, masks: MaskRegistry): Promise<void> {
  const targets = [
    ...config.outputs.map((t) => ({ input: 'build-outputs', ...t })),
    ...config.cacheTo.map((t) => ({ input: 'build-cache-to', ...t })),
  ].filter((t) => t.dest !== undefined && SCANNABLE.has(t.type));
  if (targets.length === 0) return;
  const scanner = new Scanner(masks.forms());
  for (const t of targets) if (t.dest !== undefined) await scanner.scanPath(t.dest);
  core.info(
    say`leak guard: build exports ${targets.map((t) => t.dest ?? '').join(', ')}: ${scanner.stats.bytes} byte(s) in ${scanner.stats.files} file(s), ${scanner.hits.length} hit(s)`,
  );
  if (scanner.hits.length === 0) return;
  for (const hit of scanner.hits.slice(0, 20))
    core.error(say`secret ${hit.name} (as ${hit.form}) is in ${hit.path}${hit.inner ? ` at ${hit.inner}` : ''}`, {
      title: 'Leaked secret',
    });
  throw new Error(
    `the build's exports hold secrets (${tally(scanner.hits).join('; ')}): do not upload or cache them. Read secrets with RUN --mount=type=secret and do not write them into a layer.`,
  );
}
