// The one output path for text the action did not write (Vault replies, key, mount and
// file names, lease ids, Dockerfile lines, docker's output, input values echoed back).
// The runner reads a workflow command from any stdout line that starts with `::` after
// whitespace (ActionCommand.TryParseV2) or holds `##[` anywhere (the legacy TryParse),
// so such text is made inert before it is printed: control characters (CR and LF
// first) become JSON-style escapes, so it stays on the line it was put on, `##[` is
// broken up, and a leading `::` is escaped. Our own words go out as they are.
import type { AnnotationProperties } from '@actions/core';

/** Untrusted text, safe anywhere in a log line, an annotation message or property. */
export function inert(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, controlEscape)
      .replace(/##\[/g, '#\\#[')
      .replace(/^(\s*)::/, '$1\\::')
  );
}

function controlEscape(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * An annotation message (core.error/warning/setFailed) that holds untrusted text:
 * @actions/core escapes CR and LF there, so line breaks stay readable; `##[` and other
 * control characters are made inert as in `inert`.
 */
export function inertMessage(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => inert(line))
    .join('\n');
}

/**
 * A log line from our own words (the template) and untrusted parts (every `${}`),
 * each made inert: `core.info(say\`Read ${path}\`)`.
 */
export function say(words: TemplateStringsArray, ...parts: readonly (string | number)[]): string {
  return words.reduce((line, word, i) => line + (i === 0 ? '' : inert(String(parts[i - 1] ?? ''))) + word, '');
}

/** Annotation properties whose values came from outside (file names): each made inert. */
export function inertProperties(props: AnnotationProperties): AnnotationProperties {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, typeof v === 'string' ? inert(v) : v]));
}

/**
 * Untrusted text for the job summary. Names go into HTML (table cells, list items) and
 * the one markdown paragraph: HTML's special characters and those that open markdown
 * (table pipes, code spans, links and images, `*` emphasis, strikethrough, escapes) become
 * entities, and line breaks a visible `\n` (a blank line would end the HTML block).
 */
export function summaryText(text: string): string {
  return inert(text).replace(/[&<>"'|`*[\]\\~]/g, (c) => `&#${c.charCodeAt(0)};`);
}
