// The guard sub-action (guard/action.yml), for the middle of a job: scan the paths (and
// image) about to be uploaded, deployed or published for every form of every secret,
// before that step runs. The secrets are the main step's, from its session folder
// (found through the environment main exported), and any the user names by
// environment variable or file when no main step ran in the job.
import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { readGuardStepConfig, type GuardStepConfig } from './inputs/index.js';
import { MaskRegistry } from './mask/registry.js';
import type { FormKind } from './mask/forms.js';
import { readForms, sessionPaths } from './state.js';
import { jobSessions } from './cleanup/sessions.js';
import { guardStage } from './guard/stage.js';
import type { GuardForm } from './guard/scanner.js';
import { writeGuardSummary } from './report/summary.js';
import { inert } from './output.js';
import { ACTION_NAME, failStep } from './errors.js';
import { exitOnSignal } from './cancel.js';

async function run(masks: MaskRegistry): Promise<void> {
  const config = readGuardStepConfig();
  const forms = [...sessionForms(), ...namedForms(config, masks)];
  if (forms.length === 0)
    throw new Error(
      'no secrets to look for: run the main step earlier in this job, or name them with values-from-env or values-from-files.',
    );
  const outcome = await guardStage(
    {
      paths: config.paths,
      cachePaths: [],
      image: config.image,
      onLeak: config.onLeak,
      sarifFile: config.sarifFile,
      workers: config.workers,
    },
    forms,
  );
  const lines = outcome?.lines ?? [];
  // Lines quote file and archive-member names from the workspace: untrusted text.
  for (const line of lines) core.info(inert(line));
  await writeGuardSummary(lines);
  if (outcome?.failed) {
    core.setFailed(
      `${ACTION_NAME}: leak guard: ${outcome.hits.length} secret hit(s) in ${new Set(outcome.hits.map((h) => h.path)).size} file(s) (see the annotations). Remove them before they leave the job, or set on-leak: delete or warn.`,
    );
  }
}

/**
 * What every main step of this job so far recorded: every form it masked (already
 * registered with the runner by main). A session post already removed has none left.
 */
function sessionForms(): GuardForm[] {
  const roots = jobSessions();
  const forms = roots.flatMap((root) => readForms(sessionPaths(root)).map((f) => ({ ...f, kind: f.kind as FormKind })));
  if (roots.length > 0)
    core.info(`guard: ${forms.length} form(s) of the secrets ${roots.length} main step(s) of this job fetched`);
  return forms;
}

/** Values named in the inputs: masked (every form) before anything else is printed. */
function namedForms(config: GuardStepConfig, masks: MaskRegistry): GuardForm[] {
  for (const name of config.valuesFromEnv) {
    const value = process.env[name];
    if (value === undefined || value === '')
      throw new Error(`values-from-env: ${name} is not set or empty in this step's environment.`);
    masks.addSecret(name, value);
  }
  for (const path of config.valuesFromFiles) {
    let value: string;
    try {
      value = readFileSync(path, 'utf8');
    } catch (err) {
      throw new Error(
        `values-from-files: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'unreadable'}).`,
        { cause: err },
      );
    }
    if (value === '') throw new Error(`values-from-files: ${path} is empty.`);
    masks.addSecret(path, value);
  }
  return masks.forms().map((f) => ({ text: f.text, name: f.name, kind: f.kind }));
}

exitOnSignal(
  (signal) =>
    `${ACTION_NAME}: cancelled by ${signal}: the scan stopped before it finished; nothing was deleted after it.`,
);
const masks = new MaskRegistry((value) => core.setSecret(value));
run(masks).catch((err: unknown) => failStep(err, (text) => masks.redact(text)));
