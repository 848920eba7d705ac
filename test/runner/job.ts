// Runs the bundled action the way the GitHub runner does: INPUT_* variables with the
// action.yml defaults applied, a fresh GITHUB_ENV/GITHUB_OUTPUT/GITHUB_STATE file per
// step, GITHUB_STEP_SUMMARY for the job, environment carried from step to step, and
// the main step's state handed to post as STATE_*.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { parseCommands, parseFileCommand, type WorkflowCommand } from './commands.js';
import { maskLog } from './masker.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The Node binary that runs the action: ACTION_NODE (CI runs Node 24 here) or this one. */
export const ACTION_NODE = process.env['ACTION_NODE'] || process.execPath;

/** main and post of the action, or a sub-action: guard, refresh, verify (each folder/action.yml). */
export type StepName = 'main' | 'post' | 'guard' | 'refresh' | 'verify';

/** The sub-actions, each in its own folder with its own action.yml. */
const SUB_ACTIONS: ReadonlySet<StepName> = new Set(['guard', 'refresh', 'verify']);

export interface StepResult {
  readonly step: StepName;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly commands: WorkflowCommand[];
  /** Values registered with ::add-mask::, in order. */
  readonly masks: string[];
  readonly env: Record<string, string>;
  readonly outputs: Record<string, string>;
  readonly state: Record<string, string>;
  /** stdout as the runner would show it: commands consumed, masks applied. */
  readonly log: string;
  readonly pid: number;
  /** Epoch ms: process spawned, process exited, and its output processed as the runner does (for the bench). */
  readonly times: { readonly spawned: number; readonly exited: number; readonly processed: number };
}

export interface StepOptions {
  readonly inputs?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly timeoutMs?: number;
  /** Variables the runner would not set here (GITHUB_ENV under act, say): left out of the step's environment. */
  readonly unset?: readonly string[];
  /** Called once the process runs (to signal it, or read /proc/PID/cmdline). */
  readonly onSpawn?: (child: ChildProcess) => void;
  /**
   * Run the step under a shell that ends with it, as a runner worker that dies with its
   * job: the step's parent process (its session's owner) is gone once it exits.
   */
  readonly orphan?: boolean;
  /** A command the step runs under, before node (e.g. strace), as a wrapper the runner does not have. */
  readonly wrap?: readonly string[];
}

interface ActionMetadata {
  readonly defaults: Record<string, string>;
  /** runs.main and runs.post, relative to the action's folder. */
  readonly entries: { readonly main: string; readonly post: string | undefined };
}

/** What the runner takes from action.yml: input defaults and the scripts to run. */
function readAction(actionDir: string): ActionMetadata {
  const action = parseYaml(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, { default?: string }>;
    runs: { main: string; post?: string };
  };
  const defaults: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs ?? {}))
    if (spec.default !== undefined) defaults[name] = spec.default;
  return { defaults, entries: { main: action.runs.main, post: action.runs.post } };
}

/** A parent that runs the step and ends with it (a shell would drop INPUT_VAULT-ADDR: `-` is no shell name). */
const ORPHAN_PARENT =
  'const r = require("node:child_process").spawnSync(process.argv[1], process.argv.slice(2), { stdio: "inherit" });' +
  ' process.exit(r.status ?? 1);';

export class Job {
  readonly dir = mkdtempSync(join(tmpdir(), 'job-'));
  readonly runnerTemp = join(this.dir, 'runner-temp');
  readonly workspace = join(this.dir, 'workspace');
  readonly summaryFile = join(this.dir, 'step-summary.md');
  /** Environment set by earlier steps through GITHUB_ENV. */
  readonly env: Record<string, string> = {};
  readonly steps: StepResult[] = [];
  #mainState: Record<string, string> = {};
  #inputs: Record<string, string> = {};
  /** Every main step's inputs and state, for postAll. */
  readonly #mains: { inputs: Record<string, string>; state: Record<string, string> }[] = [];
  #stepCount = 0;

  /**
   * `actionDir`: the action to run (its action.yml and scripts), this repository unless
   * the bench runs a peer action through the same harness.
   */
  constructor(
    readonly baseEnv: Record<string, string> = {},
    readonly actionDir: string = ROOT,
  ) {
    mkdirSync(this.runnerTemp);
    mkdirSync(this.workspace);
    writeFileSync(this.summaryFile, '');
  }

  /** Everything stdout/stderr of every step printed, and the summary. */
  get allOutput(): string {
    return this.steps.map((s) => s.stdout + s.stderr).join('') + this.summary;
  }

  get summary(): string {
    return existsSync(this.summaryFile) ? readFileSync(this.summaryFile, 'utf8') : '';
  }

  async main(inputs: Record<string, string>, opts: Omit<StepOptions, 'inputs'> = {}): Promise<StepResult> {
    this.#inputs = inputs;
    const result = await this.#run('main', { ...opts, inputs });
    this.#mainState = result.state;
    this.#mains.push({ inputs, state: result.state });
    return result;
  }

  /** The post step of every main step so far, the last first, as the runner runs them when the job ends. */
  async postAll(opts: Omit<StepOptions, 'inputs'> = {}): Promise<StepResult[]> {
    const results: StepResult[] = [];
    for (const main of [...this.#mains].reverse()) {
      this.#mainState = main.state;
      results.push(await this.#run('post', { ...opts, inputs: main.inputs }));
    }
    return results;
  }

  /** Post gets the same inputs (the runner evaluates them again) and main's state. */
  async post(opts: Omit<StepOptions, 'inputs'> = {}): Promise<StepResult> {
    return this.#run('post', { ...opts, inputs: this.#inputs });
  }

  /** The guard sub-action as a later step of the job: its own inputs, no state, the job's environment. */
  async guard(inputs: Record<string, string>, opts: Omit<StepOptions, 'inputs'> = {}): Promise<StepResult> {
    return this.#run('guard', { ...opts, inputs });
  }

  /** The verify sub-action (verify/action.yml, dist/verify.js), like guard: its own inputs, the job's environment. */
  async verify(inputs: Record<string, string>, opts: Omit<StepOptions, 'inputs'> = {}): Promise<StepResult> {
    return this.#run('verify', { ...opts, inputs });
  }

  /** The refresh sub-action as a later step of the job, like guard. */
  async refresh(inputs: Record<string, string>, opts: Omit<StepOptions, 'inputs'> = {}): Promise<StepResult> {
    return this.#run('refresh', { ...opts, inputs });
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  async #run(step: StepName, opts: StepOptions): Promise<StepResult> {
    const n = ++this.#stepCount;
    const files = {
      GITHUB_ENV: join(this.dir, `env-${n}`),
      GITHUB_OUTPUT: join(this.dir, `output-${n}`),
      GITHUB_STATE: join(this.dir, `state-${n}`),
      GITHUB_PATH: join(this.dir, `path-${n}`),
    };
    for (const f of Object.values(files)) writeFileSync(f, '');
    // A sub-action is its own action: guard/action.yml, whose runs.main is ../dist/guard.js.
    const sub = SUB_ACTIONS.has(step);
    const actionDir = sub ? join(this.actionDir, step) : this.actionDir;
    const action = readAction(actionDir);
    const inputs = { ...action.defaults, ...opts.inputs };
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: process.env['HOME'] ?? '/root',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: this.workspace,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_STEP_SUMMARY: this.summaryFile,
      RUNNER_TEMP: this.runnerTemp,
      RUNNER_OS: 'Linux',
      ...this.baseEnv,
      ...this.env,
      ...opts.env,
      ...files,
      // scripts/coverage.mjs: each step writes its V8 coverage there
      ...(process.env['STEP_COVERAGE_DIR'] ? { NODE_V8_COVERAGE: process.env['STEP_COVERAGE_DIR'] } : {}),
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    if (step === 'post') for (const [k, v] of Object.entries(this.#mainState)) env[`STATE_${k}`] = v;
    for (const name of opts.unset ?? []) Reflect.deleteProperty(env, name);

    const script = action.entries[sub || step === 'main' ? 'main' : 'post'];
    if (script === undefined) throw new Error(`${actionDir}/action.yml has no runs.${step}`);
    const spawned = Date.now();
    const argv = [
      ...(opts.wrap ?? []),
      ...(opts.orphan
        ? [ACTION_NODE, '-e', ORPHAN_PARENT, ACTION_NODE, join(actionDir, script)]
        : [ACTION_NODE, join(actionDir, script)]),
    ];
    const child = spawn(argv[0] ?? ACTION_NODE, argv.slice(1), {
      env,
      cwd: this.workspace,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    opts.onSpawn?.(child);
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('close', (c, s) => resolve([c, s])),
    );
    clearTimeout(timer);
    const exited = Date.now();

    const commands = parseCommands(stdout);
    const masks = commands.filter((c) => c.command === 'add-mask').map((c) => c.message);
    // the runner never echoes an add-mask line it processed; one it ignored (commands stopped) shows as is
    const maskLines = new Set(commands.filter((c) => c.command === 'add-mask').map((c) => c.line));
    const stepEnv = parseFileCommand(readFileSync(files.GITHUB_ENV, 'utf8'));
    Object.assign(this.env, stepEnv);
    const outputs = parseFileCommand(readFileSync(files.GITHUB_OUTPUT, 'utf8'));
    const state = parseFileCommand(readFileSync(files.GITHUB_STATE, 'utf8'));
    const log = maskLog(
      stdout
        .split('\n')
        .filter((_, i) => !maskLines.has(i))
        .join('\n'),
      this.steps.flatMap((s) => s.masks).concat(masks),
    );
    const times = { spawned, exited, processed: Date.now() };
    const result: StepResult = {
      step,
      exitCode,
      signal,
      stdout,
      stderr,
      commands,
      masks,
      env: stepEnv,
      outputs,
      state,
      log,
      pid: child.pid ?? 0,
      times,
    };
    this.steps.push(result);
    return result;
  }
}
