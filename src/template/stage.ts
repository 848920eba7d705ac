// The templates stage of main (and of a re-render): read each template, render them all
// in memory (an error leaves no file at all), mask every filtered spelling of a value,
// record the rendered text's forms for the leak guard, then write each file: files-dir/NAME,
// or its destination, recorded for post before it is written.
import * as core from '@actions/core';
import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { join, relative, isAbsolute, resolve, sep } from 'node:path';
import type { TemplateLine, TemplatesConfig } from '../inputs/templates.js';
import type { MaskRegistry } from '../mask/registry.js';
import { encodingsOf } from '../mask/forms.js';
import { recordDestination, recordForms, type SessionPaths } from '../state.js';
import { renderTemplate, TemplateError } from './render.js';
import {
  checkDestination,
  expandDestination,
  prepareDestination,
  replaceFile,
  rootsFromEnv,
  writeNewFile,
  type Roots,
} from './write.js';
import { errorMessage } from '../errors.js';
import { say } from '../output.js';

const MAX_TEMPLATE_BYTES = 1 << 20;

export interface TemplateStageInput {
  readonly templates: TemplatesConfig;
  /** NAME -> value: the secrets of the step. */
  readonly values: ReadonlyMap<string, string>;
  readonly session: SessionPaths;
  readonly masks: MaskRegistry;
  /** true (a re-render by refresh): replace the files atomically instead of creating them. */
  readonly replace?: boolean;
}

/** Renders every template line; returns NAME -> path of each rendered file (also exported as NAME_FILE). */
export function templateStage({ templates, values, session, masks, replace = false }: TemplateStageInput) {
  const roots = rootsFromEnv(templates.allowWorkspace);
  // every destination is checked before anything is written: a bad one leaves no file at all
  const checked = (path: string): string => {
    checkDestination(path, roots);
    return path;
  };
  const rendered = templates.lines.map((t) => {
    if (values.has(t.name) && !replace)
      throw new Error(
        `templates line ${t.line}: ${t.name} is also the name of a secret: name the rendered file apart.`,
      );
    const source = readSource(t);
    const dest = t.dest === undefined ? undefined : attempt(t, () => checked(expandDestination(t.dest ?? '', roots)));
    try {
      return { t, dest, out: renderTemplate(source, values) };
    } catch (err) {
      if (err instanceof TemplateError)
        throw new Error(`templates line ${t.line}: ${where(t)} ${err.message}`, { cause: err });
      throw err;
    }
  });
  // Nothing is written until every template rendered; masks before anything else.
  for (const { t, out } of rendered) {
    for (const d of out.derived) masks.addHandle(d.name, d.text);
    // a template without a secret in it is ordinary text: the guard would flag its every copy
    if (out.names.length > 0)
      recordForms(
        session,
        [{ text: out.text, kind: 'value' }, ...encodingsOf(out.text)].map((f) => ({ ...f, name: t.name })),
      );
  }
  const paths = new Map<string, string>();
  for (const { t, dest, out } of rendered) {
    const path = attempt(t, () => write(t, dest, out.text, { session, roots, replace }));
    paths.set(t.name, path);
    core.exportVariable(`${t.name}_FILE`, path);
    core.info(
      say`Rendered template ${t.name} (templates line ${t.line}, ${Buffer.byteLength(out.text)} bytes, from ${out.names.join(', ') || 'no secret'}) to ${path} (0600)`,
    );
  }
  return paths;
}

function write(
  t: TemplateLine,
  dest: string | undefined,
  text: string,
  { session, roots, replace }: { session: SessionPaths; roots: Roots; replace: boolean },
): string {
  if (dest === undefined) {
    const path = join(session.files, t.name);
    if (replace) replaceFile(path, text);
    else writeNewFile(path, text);
    return path;
  }
  const { real, dirs } = prepareDestination(dest, roots);
  if (replace) replaceFile(real, text, (temp) => recordDestination(session, { path: temp, dirs: [] }));
  else writeNewFile(real, text, () => recordDestination(session, { path: real, dirs }));
  return real;
}

/** `work()`, its error named after the templates line. */
function attempt<T>(t: TemplateLine, work: () => T): T {
  try {
    return work();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'EEXIST' ? 'a file is already there (it is never overwritten)' : errorMessage(err);
    throw new Error(`templates line ${t.line}: cannot write ${t.name}: ${reason}`, { cause: err });
  }
}

function where(t: TemplateLine): string {
  return t.source.kind === 'file' ? t.source.path : 'the inline template,';
}

/** A template file: inside the workspace (a link out of it is refused), at most 1 MiB. */
function readSource(t: TemplateLine): string {
  if (t.source.kind === 'inline') return t.source.text;
  const workspace = process.env['GITHUB_WORKSPACE'] || process.cwd();
  const fail = (reason: string): Error =>
    new Error(`templates line ${t.line}: ${t.source.kind === 'file' ? t.source.path : ''}: ${reason}`);
  let real: string;
  try {
    real = realpathSync(resolve(workspace, t.source.path));
  } catch (err) {
    throw fail(`cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'}): give a file in the workspace.`);
  }
  const rel = relative(realpathSync(workspace), real);
  if (rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) throw fail('it is outside the workspace.');
  const fd = openSync(real, 'r');
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw fail('not a regular file.');
    if (st.size > MAX_TEMPLATE_BYTES) throw fail(`larger than ${MAX_TEMPLATE_BYTES} bytes.`);
    const buf = Buffer.alloc(st.size);
    let n = 0;
    while (n < st.size) {
      const got = readSync(fd, buf, n, st.size - n, null);
      if (got === 0) break;
      n += got;
    }
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
