// The verify sub-action (verify/action.yml): did each container get the secret main
// fetched? Each `CONTAINER:PATH = NAME` line reads the container's file into memory
// (src/verify/container.ts), compares it in constant time with main's file for NAME in
// the session folder, and says equal, different, empty or missing, with mode and owner
// there; it warns when the secret is also in the container's environment or its image's
// history. No byte of either value is printed or written.
import * as core from '@actions/core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readVerifyConfig, type VerifyConfig, type VerifyLine } from './inputs/verify.js';
import { readForms, sessionPaths, type SessionPaths } from './state.js';
import { jobSessions } from './cleanup/sessions.js';
import { copyOut, containerEnv, imageHistory } from './verify/container.js';
import { firstEntry, type TarEntry } from './verify/tar-entry.js';
import { FAILING, judge, type Finding } from './verify/judge.js';
import { MIN_SECRET_LENGTH } from './mask/forms.js';
import { writeVerifySummary } from './report/summary.js';
import { inert, say } from './output.js';
import { ACTION_NAME, errorMessage, failStep } from './errors.js';

/** Room for tar headers past the value's own length; more than that is "different" without reading on. */
const SLACK_BYTES = 64 * 1024;

async function run(): Promise<void> {
  const config = readVerifyConfig();
  // the job's latest session still there (each use of the action appends its own)
  const root = jobSessions()
    .reverse()
    .find((r) => existsSync(r));
  if (root === undefined)
    throw new Error('no session of the main step in this job: run the main step (with deliver: files) earlier.');
  const paths = sessionPaths(root);
  const lines: string[] = [];
  let failed = 0;
  const checked = new Set<string>();
  for (const line of config.lines) {
    const value = secretBytes(paths, line);
    const finding = await check(line, value, config);
    const text = say`${line.container}:${line.path} = ${line.name}: ` + finding.text;
    lines.push(text);
    if (FAILING.has(finding.outcome)) {
      failed++;
      if (config.onMismatch === 'warn') core.warning(text);
      else core.error(text);
    } else core.info(text);
    if (finding.worldReadable)
      core.warning(
        say`${line.container}:${line.path} is readable by every user in the container: mount it for one user (files-owner) or make it 0400/0440.`,
      );
    const key = `${line.container}\n${line.name}`;
    if (!checked.has(key)) {
      checked.add(key);
      lines.push(...(await exposures(line, needles(paths, line.name, value))));
    }
  }
  await writeVerifySummary(lines);
  if (failed > 0 && config.onMismatch === 'fail')
    core.setFailed(
      `${ACTION_NAME}: verify: ${failed} of ${config.lines.length} file(s) do not hold their secret (see above), or set on-mismatch: warn.`,
    );
}

/** Main's file for NAME: the value as delivered, in bytes. */
function secretBytes(paths: SessionPaths, line: VerifyLine): Buffer {
  const path = join(paths.files, line.name);
  try {
    return readFileSync(path);
  } catch (err) {
    throw new Error(
      `files line ${line.line}: the main step has no file for ${line.name} (${(err as NodeJS.ErrnoException).code ?? 'unreadable'}): name a secret or template it delivered with deliver: files.`,
      { cause: err },
    );
  }
}

async function check(line: VerifyLine, value: Buffer, config: VerifyConfig): Promise<Finding> {
  const opts = { timeoutMs: config.timeoutMs, maxBytes: value.length + SLACK_BYTES };
  let copy = await copyOut(line.container, line.path, { ...opts, follow: false });
  let entry: TarEntry | undefined = copy.status === 'ok' ? firstEntry(copy.stream) : undefined;
  let link = '';
  if (entry?.type === 'symlink') {
    // Followed as docker resolves it, inside the container's root: the file the app reads.
    link = say`a link to ${entry.linkname}, followed inside the container: `;
    copy = await copyOut(line.container, line.path, { ...opts, follow: true });
    entry = copy.status === 'ok' ? firstEntry(copy.stream) : undefined;
  }
  if (copy.status === 'failed')
    return { outcome: 'unreadable', text: link + say`cannot read it: ${copy.reason}`, worldReadable: false };
  const finding = judge(entry, value, opts.maxBytes);
  return { ...finding, text: link + finding.text };
}

/** The value and every form main recorded for NAME that is long enough not to match by chance. */
function needles(paths: SessionPaths, name: string, value: Buffer): string[] {
  const forms = readForms(paths)
    .filter((f) => f.name === name)
    .map((f) => f.text);
  return [...new Set([value.toString('utf8'), ...forms])].filter((t) => t.trim().length >= MIN_SECRET_LENGTH);
}

/** Warnings when the container shows the secret elsewhere: its environment, its image's history. */
async function exposures(line: VerifyLine, forms: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const holds = (text: string): boolean => forms.some((f) => text.includes(f));
  try {
    const env = (await containerEnv(line.container)).filter((e) => holds(e.value) || holds(e.name));
    if (env.length > 0) {
      // a variable's name is the container's text: shown only when it does not hold the secret itself
      const names = env.map((e) => (holds(e.name) ? '(a name holding it)' : inert(e.name))).join(', ');
      out.push(
        say`${line.container}: ${line.name} is in the container's environment (` +
          names +
          '): docker inspect shows it to anyone with docker access; read the file instead.',
      );
    }
  } catch (err) {
    out.push(say`${line.container}: environment not checked: ${errorMessage(err)}`);
  }
  try {
    if (holds(await imageHistory(line.container)))
      out.push(
        say`${line.container}: ${line.name} is in its image's history (docker history --no-trunc shows it): build with --secret instead of ARG, ENV or a RUN line.`,
      );
  } catch (err) {
    out.push(say`${line.container}: image history not checked: ${errorMessage(err)}`);
  }
  for (const l of out) core.warning(l);
  return out;
}

run().catch((err: unknown) => failStep(err, (text) => text));
