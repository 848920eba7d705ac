/*
 * Reads a Dockerfile as BuildKit's parser (frontend/dockerfile/parser) does, as far
 * as the secret checks need it:
 *
 * - Parser directives (`# syntax=...`, `# escape=...`, `# check=...`) only at the
 *   top; the first line that is not one ends them.
 * - A line whose last character before trailing spaces and tabs is the escape
 *   character (`\`, or `` ` `` after `# escape=`), not itself escaped, continues on
 *   the next; comment lines and blank lines inside a continuation are skipped.
 *   Continuation lines keep their leading spaces.
 * - Heredoc bodies (`RUN <<EOF` ... `EOF`) are read as text, never as instructions.
 *
 * Where BuildKit would fail the build (a bad escape value, a repeated directive, an
 * unterminated heredoc) this reads on as best it can and never throws: BuildKit
 * itself reports those.
 */
import { splitCommand } from './command.js';
import { DirectiveScanner, type Directive } from './directives.js';
import { heredocsOf, type Heredoc } from './heredoc.js';
import { trimLeadingSpace } from './space.js';

export interface Instruction {
  /** Upper-case: FROM, ARG, ENV, RUN, ... */
  readonly keyword: string;
  /** The rest of the instruction, flags included, continuation lines joined. */
  readonly args: string;
  /** 1-based line where it starts. */
  readonly line: number;
  /** The bodies of the heredocs it opens, without their closing lines. */
  readonly heredocs: readonly string[];
}

export interface ParsedDockerfile {
  readonly directives: readonly Directive[];
  /** `\` or the character set by `# escape=`. */
  readonly escape: string;
  readonly instructions: readonly Instruction[];
}

export function parseDockerfile(text: string): ParsedDockerfile {
  // BuildKit drops a BOM, splits at \n only, and trims the \r's at a line's end.
  const lines = text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map(trimLineEnd);
  const scanner = new DirectiveScanner('#');
  const directives: Directive[] = [];
  const instructions: Instruction[] = [];
  let escape = '\\';
  for (let next = 0; next < lines.length;) {
    const line = next + 1;
    const first = trimLeadingSpace(lines[next++] ?? '');
    const directive = scanner.read(first, line);
    if (directive) {
      directives.push(directive);
      if (directive.name === 'escape' && (directive.value === '\\' || directive.value === '`'))
        escape = directive.value;
    }
    let { text: joined, continues } = trimContinuation(isComment(first) ? '' : first, escape);
    if (!continues && joined === '') continue;
    while (continues && next < lines.length) {
      const part = lines[next++] ?? '';
      if (isComment(part) || trimLeadingSpace(part) === '') continue;
      const trimmed = trimContinuation(part, escape);
      joined += trimmed.text;
      continues = trimmed.continues;
    }
    const { keyword, args } = splitCommand(joined);
    // A lone escape followed by nothing: BuildKit fails on the empty instruction.
    if (keyword === '') continue;
    const heredocs = heredocsOf(keyword, args, joined).map((heredoc) => {
      const body = readHeredoc(lines, next, heredoc);
      next = body.next;
      return body.text;
    });
    instructions.push({ keyword, args, line, heredocs });
  }
  return { directives, escape, instructions };
}

function isComment(line: string): boolean {
  return trimLeadingSpace(line).startsWith('#');
}

function trimLineEnd(line: string): string {
  let end = line.length;
  while (line[end - 1] === '\r') end--;
  return line.slice(0, end);
}

/** BuildKit's `([^E])E[ \t]*$|^E[ \t]*$` for escape E: a doubled escape at the end is text. */
function trimContinuation(line: string, escape: string): { text: string; continues: boolean } {
  let end = line.length;
  while (line[end - 1] === ' ' || line[end - 1] === '\t') end--;
  const at = end - 1;
  const continues = at >= 0 && line[at] === escape && line[at - 1] !== escape;
  return { text: continues ? line.slice(0, at) : line, continues };
}

/** Lines from `from` up to the heredoc's closing line; an unterminated body runs to the end. */
function readHeredoc(lines: readonly string[], from: number, heredoc: Heredoc): { text: string; next: number } {
  let index = from;
  for (; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if ((heredoc.chomp ? line.replace(/^\t+/, '') : line) === heredoc.name) break;
  }
  return { text: lines.slice(from, index).join('\n'), next: index + 1 };
}
