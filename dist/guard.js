import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  guardStage
} from "./shared-XGG7ZBUV.js";
import "./shared-CSGAVOOU.js";
import "./shared-YA6SOZW4.js";
import {
  MaskRegistry,
  exitOnSignal,
  readGuardStepConfig
} from "./shared-DTXL6YP6.js";
import "./shared-TIJMJNMW.js";
import {
  jobSessions
} from "./shared-4UGVUXJO.js";
import {
  writeGuardSummary
} from "./shared-2TF6D427.js";
import {
  readForms,
  sessionPaths
} from "./shared-NV2LB3MZ.js";
import "./shared-NYIERDFJ.js";
import "./shared-C7MYC6N4.js";
import "./shared-J5QQXKHR.js";
import {
  ACTION_NAME,
  failStep,
  inert
} from "./shared-73F27MEW.js";
import {
  info,
  setFailed,
  setSecret
} from "./shared-QCDMWCIP.js";
import "./shared-BDLR4YRK.js";

// src/guard-step.ts
import { readFileSync } from "node:fs";
async function run(masks2) {
  const config = readGuardStepConfig();
  const forms = [...sessionForms(), ...namedForms(config, masks2)];
  if (forms.length === 0)
    throw new Error(
      "no secrets to look for: run the main step earlier in this job, or name them with values-from-env or values-from-files."
    );
  const outcome = await guardStage(
    {
      paths: config.paths,
      cachePaths: [],
      image: config.image,
      onLeak: config.onLeak,
      sarifFile: config.sarifFile,
      workers: config.workers
    },
    forms
  );
  const lines = outcome?.lines ?? [];
  for (const line of lines) info(inert(line));
  await writeGuardSummary(lines);
  if (outcome?.failed) {
    setFailed(
      `${ACTION_NAME}: leak guard: ${outcome.hits.length} secret hit(s) in ${new Set(outcome.hits.map((h) => h.path)).size} file(s) (see the annotations). Remove them before they leave the job, or set on-leak: delete or warn.`
    );
  }
}
function sessionForms() {
  const roots = jobSessions();
  const forms = roots.flatMap((root) => readForms(sessionPaths(root)).map((f) => ({ ...f, kind: f.kind })));
  if (roots.length > 0)
    info(`guard: ${forms.length} form(s) of the secrets ${roots.length} main step(s) of this job fetched`);
  return forms;
}
function namedForms(config, masks2) {
  for (const name of config.valuesFromEnv) {
    const value = process.env[name];
    if (value === void 0 || value === "")
      throw new Error(`values-from-env: ${name} is not set or empty in this step's environment.`);
    masks2.addSecret(name, value);
  }
  for (const path of config.valuesFromFiles) {
    let value;
    try {
      value = readFileSync(path, "utf8");
    } catch (err) {
      throw new Error(
        `values-from-files: cannot read ${path} (${err.code ?? "unreadable"}).`,
        { cause: err }
      );
    }
    if (value === "") throw new Error(`values-from-files: ${path} is empty.`);
    masks2.addSecret(path, value);
  }
  return masks2.forms().map((f) => ({ text: f.text, name: f.name, kind: f.kind }));
}
exitOnSignal(
  (signal) => `${ACTION_NAME}: cancelled by ${signal}: the scan stopped before it finished; nothing was deleted after it.`
);
var masks = new MaskRegistry((value) => setSecret(value));
run(masks).catch((err) => failStep(err, (text) => masks.redact(text)));
//# sourceMappingURL=guard.js.map
