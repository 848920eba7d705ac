// The refresh sub-action (refresh/action.yml), for the middle of a long job: fetch the
// main step's secrets again from what main recorded in its session (specs, ids and
// digests; the token in the private folder), deliver what changed in place, then run
// on-change once if anything did. Only a step's own stdout can register a mask with the
// runner, so a value that changes is fetched by a step, never by a background process.
import * as core from '@actions/core';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRefreshStepConfig } from './inputs/index.js';
import { MaskRegistry } from './mask/registry.js';
import { addMasks } from './mask/emit.js';
import { readForms, readPlan, readRecords, recordForms, sessionPaths } from './state.js';
import { jobSessions } from './cleanup/sessions.js';
import { refreshStage } from './refresh/stage.js';
import { runOnChange } from './refresh/on-change.js';
import { changeLine, writeRefreshSummary } from './report/summary.js';
import { cancelMessage, watchCancel, type CancelWatch } from './cancel.js';
import { inert, inertMessage } from './output.js';
import { failStep } from './errors.js';
import { templateStage } from './template/stage.js';
import type { TemplatesConfig } from './inputs/templates.js';
import type { Secret } from './secret.js';
import type { SessionPaths } from './state.js';

async function run(masks: MaskRegistry, cancel: CancelWatch): Promise<void> {
  const config = readRefreshStepConfig();
  // the job's latest session that main left a plan in (each use of the action appends its own)
  const root = jobSessions()
    .reverse()
    .find((r) => existsSync(sessionPaths(r).planFile));
  const paths = root === undefined ? undefined : sessionPaths(root);
  const plan = paths && readPlan(paths);
  const token = paths && readRecords(paths).token;
  if (paths === undefined || plan === undefined || token === undefined)
    throw new Error(
      'no session to refresh: run the main step (with secrets, and without hashicorp/vault-action inputs) earlier in this job; refresh fetches again what it fetched.',
    );
  masks.addHandle('VAULT_TOKEN', token);
  // Forms main (or an earlier refresh) recorded are not recorded twice; new ones are, as they are masked.
  const known = new Set(readForms(paths).map((f) => f.text));
  masks.persistTo((forms) =>
    recordForms(
      paths,
      forms.filter((f) => !known.has(f.text)),
    ),
  );

  const outcome = await core.group(`Refresh ${config.names.length > 0 ? config.names.length : 'all'} secret(s)`, () =>
    refreshStage({
      plan,
      paths,
      token,
      config,
      masks,
      cancel,
      afterDelivery: (secrets, changed) => rerender(config.templates, secrets, changed, { paths, masks }),
    }),
  );
  for (const failure of outcome.revokeFailures)
    core.warning(inertMessage(`${failure} The post step tries again; else the lease expires at its TTL.`));
  const { changes } = outcome;
  core.info(
    `Fetched ${outcome.fetched} secret(s) again: ${changes.length} changed${outcome.leasesRevoked > 0 ? `, ${outcome.leasesRevoked} superseded lease(s) revoked` : ''}.`,
  );
  for (const change of changes) core.info(inert(changeLine(change)));
  cancel.signal.throwIfAborted();
  if (config.onChange && changes.length > 0)
    await runOnChange(config.onChange, { names: changes.map((c) => c.name), masks, cancel });
  else if (config.onChange) core.info('on-change: not run, nothing changed.');
  if (config.summary) await writeRefreshSummary(outcome);
}

/**
 * When a value changed, the templates are rendered again, each swapped in place (a temp
 * file in its folder, then rename). The values: main's delivered files (secrets this
 * refresh did not fetch again keep theirs), the refreshed ones over them.
 */
function rerender(
  templates: TemplatesConfig,
  secrets: readonly Secret[],
  changed: readonly Secret[],
  { paths, masks }: { paths: SessionPaths; masks: MaskRegistry },
): void {
  if (templates.lines.length === 0 || changed.length === 0) return;
  const rendered = new Set(templates.lines.map((t) => t.name));
  const values = new Map<string, string>();
  for (const name of existsSync(paths.files) ? readdirSync(paths.files) : []) {
    const file = join(paths.files, name);
    if (!rendered.has(name) && lstatSync(file).isFile()) values.set(name, readFileSync(file, 'utf8'));
  }
  for (const s of secrets) values.set(s.name, s.reveal());
  const done = templateStage({ templates, values, session: paths, masks, replace: true });
  core.info(`Rendered ${done.size} template(s) again: ${[...done.keys()].join(', ')}.`);
}

const masks = new MaskRegistry((value) => core.setSecret(value), addMasks);
const cancel = watchCancel();
run(masks, cancel).catch((err: unknown) => {
  const by = cancel.by();
  failStep(by ? new Error(cancelMessage(by)) : err, (text) => masks.redact(text));
});
