// The template renderer (pure): `{{ NAME }}` and `{{ NAME | filter | filter }}`, nothing
// else. No sections, partials, lambdas or escaping: a secret template is a config file
// with holes, and every hole must name a secret of the step. A `{{` that does not open a
// well-formed placeholder is an error, as is a name the step did not fetch, so a typo
// never renders as an empty password.

export const FILTERS = ['json', 'base64', 'shell', 'url', 'xml'] as const;
export type Filter = (typeof FILTERS)[number];

const APPLY: Readonly<Record<Filter, (v: string) => string>> = {
  /** A whole JSON string literal, quotes included. */
  json: (v) => JSON.stringify(v),
  base64: (v) => Buffer.from(v, 'utf8').toString('base64'),
  /** One POSIX shell word in single quotes: nothing inside is expanded. */
  shell: (v) => `'${v.replace(/'/g, `'\\''`)}'`,
  url: (v) => encodeURIComponent(v),
  /** Text or an attribute value in XML (Maven's settings.xml). */
  xml: (v) => v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`),
};

/** A template that cannot be rendered: where (line and column in the template), never a value. */
export class TemplateError extends Error {
  override name = 'TemplateError';
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
  }
}

export interface Rendered {
  readonly text: string;
  /** Each filtered spelling of a value the text holds (`NAME | url`...), to mask like the value. */
  readonly derived: readonly { readonly name: string; readonly text: string }[];
  /** The secrets the template used. */
  readonly names: readonly string[];
}

const OPEN = '{{';
const PLACEHOLDER = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)((?:\s*\|\s*[a-z0-9]+)*)\s*\}\}/;

/** Renders `template` with `values` (NAME -> value): all or nothing, a TemplateError on any bad hole. */
export function renderTemplate(template: string, values: ReadonlyMap<string, string>): Rendered {
  const parts: string[] = [];
  const derived: { name: string; text: string }[] = [];
  const names = new Set<string>();
  let at = 0;
  for (let open = template.indexOf(OPEN); open >= 0; open = template.indexOf(OPEN, at)) {
    parts.push(template.slice(at, open));
    const where = position(template, open);
    const match = PLACEHOLDER.exec(template.slice(open, open + 512));
    if (!match)
      throw new TemplateError(
        where.line,
        where.column,
        `"{{" opens no placeholder: write {{ NAME }} or {{ NAME | ${FILTERS.join(' | ')} }}.`,
      );
    const name = match[1] ?? '';
    const value = values.get(name);
    if (value === undefined)
      throw new TemplateError(
        where.line,
        where.column,
        `{{ ${name} }} names no secret of this step (it has: ${[...values.keys()].sort().join(', ') || 'none'}).`,
      );
    let text = value;
    for (const filter of (match[2] ?? '')
      .split('|')
      .map((f) => f.trim())
      .filter(Boolean)) {
      if (!(FILTERS as readonly string[]).includes(filter))
        throw new TemplateError(where.line, where.column, `unknown filter "${filter}": use ${FILTERS.join(', ')}.`);
      text = APPLY[filter as Filter](text);
    }
    if (text !== value) derived.push({ name, text });
    names.add(name);
    parts.push(text);
    at = open + match[0].length;
  }
  parts.push(template.slice(at));
  return { text: parts.join(''), derived, names: [...names] };
}

function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}
