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
import { guardImage } from './guard/image.js';
import { failStep } from './errors.js';

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
  const imageGuard = config.guard.scanImage
    ? (image: string, env: Record<string, string>) => guardImage(masks, image, env)
    : undefined;
  const docker = await dockerStage({
    config: config.docker,
    builder,
    secrets,
    files,
    masks,
    session,
    scanImage: imageGuard,
  });
  if (config.summary) {
    await writeMainSummary({
      secrets,
      deliveries: config.deliveries,
      vault: fetched?.facts,
      docker,
      filesDir: files.size > 0 ? session.files : undefined,
      memoryBacked: session.memoryBacked,
      masks: masks.forms().length,
    });
  }
  saveMainCompleted();
}

const masks = new MaskRegistry((value) => core.setSecret(value));
run(masks).catch((err: unknown) => failStep(err, (text) => masks.redact(text)));
