// The main step: inputs -> session folder -> Vault (masking as values arrive) ->
// delivery -> docker logins and build -> summary. Post (src/post.ts) undoes it all.
import * as core from '@actions/core';
import { readMainConfig } from './inputs/index.js';
import { MaskRegistry } from './mask/registry.js';
import { createSession } from './deliver/session.js';
import { deliverStage } from './deliver/stage.js';
import { vaultStage } from './vault/stage.js';
import { dockerPreflight, dockerStage } from './docker/stage.js';
import { writeMainSummary } from './report/summary.js';
import { restoreStage } from './cache/stage.js';
import { recordForm, saveMainCompleted } from './state.js';
import { Scanner } from './guard/scanner.js';
import { scanImage } from './guard/image.js';
import { tally } from './guard/report.js';

async function run(masks: MaskRegistry): Promise<void> {
  const config = readMainConfig(masks);
  const builder = await dockerPreflight(config.docker);
  const session = createSession(config.filesBaseDir);
  masks.persistTo((form) => recordForm(session, form));
  if (config.guard.cache) await restoreStage(config.guard.cache);
  const fetched = config.vault ? await vaultStage(config.vault, config.requests, masks, session) : undefined;
  if (!config.vault) core.info('No secrets requested: Vault is not contacted.');
  const secrets = fetched?.secrets ?? [];
  const files = deliverStage(secrets, config.deliveries, session);
  const imageGuard = config.guard.scanImage ? (image: string, env: Record<string, string>) => guardImage(masks, image, env) : undefined;
  const docker = await dockerStage(config.docker, builder, secrets, files, masks, session, imageGuard);
  if (config.summary) {
    await writeMainSummary({ secrets, deliveries: config.deliveries, vault: fetched?.facts, docker, filesDir: files.size > 0 ? session.files : undefined, memoryBacked: session.memoryBacked });
  }
  saveMainCompleted();
}

/** scan-image: the built image, before any push, for every form of every secret. */
async function guardImage(masks: MaskRegistry, image: string, env: Record<string, string>): Promise<void> {
  const scanner = new Scanner(masks.forms());
  await core.group(`Leak guard: scan image ${image}`, () => scanImage(scanner, image, env));
  core.info(`leak guard: image ${image}: ${scanner.stats.bytes} byte(s) in ${scanner.stats.files} stream(s), ${scanner.hits.length} hit(s)`);
  if (scanner.hits.length > 0) {
    for (const hit of scanner.hits.slice(0, 20)) core.error(`secret ${hit.name} (as ${hit.form}) is in image ${image} at ${hit.inner || 'its config'}`, { title: 'Leaked secret' });
    throw new Error(`the image holds secrets (${tally(scanner.hits).join('; ')}): it was not pushed. Read secrets with RUN --mount=type=secret and do not write them into the image.`);
  }
}

const masks = new MaskRegistry((value) => core.setSecret(value));
run(masks).catch((err: unknown) => {
  core.setFailed(masks.redact(err instanceof Error ? err.message : String(err)));
});
