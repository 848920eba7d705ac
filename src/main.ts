// The main step: inputs -> session folder -> Vault (masking as values arrive) ->
// delivery -> docker logins and build -> summary. Post (src/post.ts) undoes it all.
import * as core from '@actions/core';
import { readMainConfig, type MainConfig } from './inputs/index.js';
import { MaskRegistry } from './mask/registry.js';
import { addMasks } from './mask/emit.js';
import { createSession, sessionBase, type Session } from './deliver/session.js';
import { sweepStage } from './cleanup/sweep.js';
import { vaultId } from './cleanup/sessions.js';
import { deliverStage } from './deliver/stage.js';
import { deliverToken } from './deliver/token.js';
import { vaultStage } from './vault/stage.js';
import { dockerPreflight, dockerStage } from './docker/stage.js';
import { writeMainSummary } from './report/summary.js';
import { restoreStage } from './cache/stage.js';
import { recordForms, recordPlan, saveMainCompleted } from './state.js';
import { planOf } from './refresh/plan.js';
import { startRenewal } from './renew/start.js';
import { inertMessage } from './output.js';
import { guardImage } from './guard/image.js';
import { cancelMessage, watchCancel, type CancelWatch } from './cancel.js';
import { failStep } from './errors.js';
import { templateStage } from './template/stage.js';
import { giveFiles } from './deliver/owner.js';
import { egressStage } from './egress/stage.js';

async function run(masks: MaskRegistry, cancel: CancelWatch): Promise<void> {
  const config = await readMainConfig(masks);
  if (config.compat)
    core.notice(
      'hashicorp/vault-action inputs: secrets go to env and outputs as vault-action delivers them (and to files). For new workflows, `deliver: files` keeps them out of every process environment.',
    );
  // First, so that even a step that fails later names what it needed to reach.
  const egress = egressStage(config);
  const builder = await dockerPreflight(config.docker);
  // A session folder only when something will live in it: a step that fetches nothing
  // and logs in nowhere leaves nothing behind, not even an empty folder.
  const needed =
    config.vault !== undefined ||
    config.docker.logins.length > 0 ||
    config.docker.build !== undefined ||
    config.templates.lines.length > 0;
  const base = sessionBase(config.filesBaseDir);
  await sweepStage({ base, minAgeMs: config.staleSessionMs, connection: config.vault?.connection, masks });
  const session = needed
    ? createSession(base, {
        vault: config.vault ? vaultId(config.vault.connection) : undefined,
        revokeToken: config.vault?.revokeToken ?? false,
      })
    : undefined;
  if (config.guard.cache) await restoreStage(config.guard.cache);
  if (!config.vault) core.info('No secrets requested: Vault is not contacted.');
  const { fetched, files, docker, renewal } = session
    ? await sessionStages({ config, session, builder, masks, cancel })
    : { fetched: undefined, files: new Map<string, string>(), docker: undefined, renewal: undefined };
  const secrets = fetched?.secrets ?? [];
  if (config.summary) {
    await writeMainSummary({
      secrets,
      deliveries: config.deliveries,
      vault: fetched?.facts,
      docker,
      filesDir: files.size > 0 ? session?.files : undefined,
      memoryBacked: session?.memoryBacked ?? false,
      masks: masks.forms().length,
      renewal,
      egress,
      tokenLine: fetched?.tokenLine,
    });
  }
  saveMainCompleted();
}

interface SessionStagesInput {
  readonly config: MainConfig;
  readonly session: Session;
  readonly builder: Awaited<ReturnType<typeof dockerPreflight>>;
  readonly masks: MaskRegistry;
  readonly cancel: CancelWatch;
}

/** What needs the session folder: Vault, delivery, docker. Masks are recorded in it as they are made. */
async function sessionStages({ config, session, builder, masks, cancel }: SessionStagesInput) {
  masks.persistTo((forms) => recordForms(session, forms));
  const fetched = config.vault
    ? await vaultStage({
        vault: config.vault,
        requests: config.requests,
        masks,
        session,
        cancel,
        compat: config.compat,
        lookupToken: config.renew.mode !== 'false',
        childToken: config.childToken,
        deliverToken: config.tokenDeliveries.size > 0,
      })
    : undefined;
  // A cancel whose replies all landed still stops here: nothing is delivered or built after it.
  cancel.signal.throwIfAborted();
  const secrets = fetched?.secrets ?? [];
  if (fetched) deliverToken(fetched.token, config.tokenDeliveries, session);
  const files = deliverStage(secrets, config.deliveries, session, config.compat !== undefined);
  if (config.templates.lines.length > 0) {
    const values = new Map(secrets.map((s) => [s.name, s.reveal()]));
    for (const [name, path] of templateStage({ templates: config.templates, values, session, masks }))
      files.set(name, path);
  }
  if (config.filesOwner) {
    const n = giveFiles(session.files, config.filesOwner);
    core.info(
      `Gave ${session.files} and its ${n} file(s) to uid ${config.filesOwner.uid}, gid ${config.filesOwner.gid}.`,
    );
  }
  // For the refresh step: what was fetched and how it was delivered (specs, ids, digests; no value).
  if (fetched && config.vault && !config.compat)
    recordPlan(
      session,
      planOf({
        connection: config.vault.connection,
        requests: config.requests,
        folderLimit: config.vault.folderLimit,
        deliveries: [...config.deliveries],
        secrets,
        leases: fetched.leases.map((l) => ({ id: l.id, path: l.path })),
      }),
    );
  const scanImage = config.guard.scanImage
    ? (image: string, env: Record<string, string>) => guardImage(masks, image, env)
    : undefined;
  const docker = await dockerStage({ config: config.docker, builder, secrets, files, masks, session, scanImage });
  // Last: the helper starts once nothing in main can fail any more.
  const renewal =
    fetched && config.vault
      ? startRenewal({
          config: config.renew,
          connection: config.vault.connection,
          leases: fetched.leases,
          paths: session,
          lookup: fetched.tokenLookup,
        })
      : undefined;
  for (const warning of renewal?.warnings ?? []) core.warning(inertMessage(warning));
  for (const line of renewal?.lines ?? []) core.info(line);
  return { fetched, files, docker, renewal };
}

const masks = new MaskRegistry((value) => core.setSecret(value), addMasks);
const cancel = watchCancel();
run(masks, cancel).catch((err: unknown) => {
  // After a cancel, the errors are the requests it stopped: say what happened instead.
  const by = cancel.by();
  failStep(by ? new Error(cancelMessage(by)) : err, (text) => masks.redact(text));
});
