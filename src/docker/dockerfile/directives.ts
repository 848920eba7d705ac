import { trimLeadingSpace } from './space.js';

export interface Directive {
  /** Lower-case: syntax, escape or check. */
  readonly name: string;
  readonly value: string;
  readonly line: number;
}

const NAMES = new Set(['syntax', 'escape', 'check']);
// BuildKit's `^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`, where Go's \s is [\t\n\f\r ].
// The trailing space is trimmed by hand: a lazy group before \s*$ backtracks
// quadratically on a long line of spaces.
const DIRECTIVE = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*([^\n]*)$/;
const GO_SPACE = new Set(['\t', '\n', '\f', '\r', ' ']);

/**
 * BuildKit's DirectiveParser: directives are read line by line from the top, and
 * the first line that is not one (an instruction, a blank line, another comment,
 * an unknown or repeated name) ends them for good.
 */
export class DirectiveScanner {
  private done = false;
  private readonly seen = new Set<string>();

  constructor(private readonly prefix: string) {}

  read(line: string, lineNumber: number): Directive | undefined {
    if (this.done) return undefined;
    const match = line.startsWith(this.prefix)
      ? DIRECTIVE.exec(trimLeadingSpace(line.slice(this.prefix.length)))
      : null;
    const name = match?.[1]?.toLowerCase();
    const value = trimGoSpace(match?.[2] ?? '');
    // BuildKit fails the build on a repeated directive; stopping here keeps the first.
    if (name === undefined || !NAMES.has(name) || this.seen.has(name) || value === '') {
      this.done = true;
      return undefined;
    }
    this.seen.add(name);
    return { name, value, line: lineNumber };
  }
}

function trimGoSpace(s: string): string {
  let end = s.length;
  while (end > 0 && GO_SPACE.has(s[end - 1] ?? '')) end--;
  return s.slice(0, end);
}
