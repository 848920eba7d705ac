// The `templates:` input: one template a line, `SOURCE | NAME` or `SOURCE | NAME > DEST`.
// SOURCE is a file in the workspace, or an inline block opened by `<<WORD` and closed by a
// line holding only WORD (a heredoc: inside a YAML `|` block nothing needs quoting, and
// a file name never starts with `<<`). DEST, when given, is where the rendered file goes
// instead of the files folder: `~/...`, `$HOME/...`, `$RUNNER_TEMP/...` or an absolute path
// under one of them (checked where it is written, src/template/stage.ts).
import { bool, InputError } from './read.js';
import { rawInput } from './compat.js';

export type TemplateSource =
  { readonly kind: 'file'; readonly path: string } | { readonly kind: 'inline'; readonly text: string };

export interface TemplateLine {
  /** The line of the `templates` input it starts on, for errors. */
  readonly line: number;
  readonly source: TemplateSource;
  /** Its file in files-dir and NAME_FILE. */
  readonly name: string;
  readonly dest: string | undefined;
}

export interface TemplatesConfig {
  readonly lines: readonly TemplateLine[];
  /** templates-allow-workspace: a DEST may be inside the workspace (refused by default: it is what gets uploaded). */
  readonly allowWorkspace: boolean;
}

const LINE = /^(.*\S)\s*\|\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s*>\s*(\S.*))?$/;
const HEREDOC = /^<<([A-Za-z_][A-Za-z0-9_]*)$/;

export function readTemplatesConfig(): TemplatesConfig {
  return { lines: parseTemplates(rawInput('templates')), allowWorkspace: bool('templates-allow-workspace', false) };
}

/** Parses the input's text (exported for the refresh step, which takes the same input). */
export function parseTemplates(input: string): TemplateLine[] {
  const lines = input.split(/\r?\n/);
  const out: TemplateLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const n = i + 1;
    const m = LINE.exec(line);
    if (!m)
      throw new InputError(
        `templates line ${n}: write \`FILE | NAME\`, \`FILE | NAME > ~/DEST\` or \`<<END | NAME\` followed by the template and a line END.`,
      );
    const [, head = '', name = '', dest] = m;
    const heredoc = HEREDOC.exec(head.trim());
    let source: TemplateSource;
    if (heredoc) {
      const word = heredoc[1] ?? '';
      const end = lines.findIndex((l, j) => j > i && l.trim() === word);
      if (end < 0)
        throw new InputError(`templates line ${n}: the inline template <<${word} has no closing line ${word}.`);
      source = { kind: 'inline', text: lines.slice(i + 1, end).join('\n') + '\n' };
      i = end;
    } else if (head.startsWith('<<')) {
      throw new InputError(`templates line ${n}: an inline template opens with <<WORD (letters, digits, _).`);
    } else {
      source = { kind: 'file', path: head.trim() };
    }
    if (out.some((t) => t.name === name)) throw new InputError(`templates line ${n}: ${name} is rendered twice.`);
    out.push({ line: n, source, name, dest: dest?.trim() });
  }
  return out;
}
