// The template renderer (pure) and its input grammar, and a re-render (refresh's path):
// the file is replaced by one rename, so a reader holding the old file keeps it whole.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderTemplate, TemplateError } from '../../src/template/render.js';
import { parseTemplates } from '../../src/inputs/templates.js';
import { templateStage } from '../../src/template/stage.js';
import { MaskRegistry } from '../../src/mask/registry.js';
import { readForms, sessionPaths } from '../../src/state.js';

const values = new Map([
  ['A', `it's "x" & y`],
  ['B', 'b'],
]);

describe('renderTemplate', () => {
  it.each([
    ['{{A}}', `it's "x" & y`],
    ['{{ A | json }}', JSON.stringify(`it's "x" & y`)],
    ['{{ A|base64 }}', Buffer.from(`it's "x" & y`).toString('base64')],
    ['{{ A | shell }}', `'it'\\''s "x" & y'`],
    ['{{ A | url }}', encodeURIComponent(`it's "x" & y`)],
    ['{{ A | xml }}', 'it&#39;s &#34;x&#34; &#38; y'],
    ['{{ B | base64 | json }}', '"Yg=="'],
    ['no holes } { }}', 'no holes } { }}'],
    ['{{B}}{{B}}', 'bb'],
  ])('%s', (template, out) => {
    expect(renderTemplate(template, values).text).toBe(out);
  });

  it.each([
    ['x\n  {{ C }}', 2, 3, '{{ C }} names no secret of this step (it has: A, B).'],
    ['{{ A | upper }}', 1, 1, 'unknown filter "upper"'],
    ['{{A}} {{ A', 1, 7, '"{{" opens no placeholder'],
    ['{{ a-b }}', 1, 1, '"{{" opens no placeholder'],
  ])('%j is an error at its place', (template, line, column, reason) => {
    let err: unknown;
    try {
      renderTemplate(template, values);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TemplateError);
    expect((err as TemplateError).line).toBe(line);
    expect((err as TemplateError).column).toBe(column);
    expect((err as TemplateError).message).toContain(reason);
    expect((err as TemplateError).message).not.toContain(`it's`);
  });

  it('lists the filtered spellings to mask, not the plain value', () => {
    const r = renderTemplate('{{ A }} {{ A | url }} {{ B | json }}', values);
    expect(r.derived).toEqual([
      { name: 'A', text: encodeURIComponent(`it's "x" & y`) },
      { name: 'B', text: '"b"' },
    ]);
    expect(r.names).toEqual(['A', 'B']);
  });
});

describe('parseTemplates', () => {
  it('reads file lines, destinations and inline blocks with their line numbers', () => {
    expect(
      parseTemplates('# c\na.tpl | A\n<<END | B > ~/x\n  {{ A }}\n#not a comment\nEND\nb.tpl|C>$RUNNER_TEMP/c'),
    ).toEqual([
      { line: 2, source: { kind: 'file', path: 'a.tpl' }, name: 'A', dest: undefined },
      { line: 3, source: { kind: 'inline', text: '  {{ A }}\n#not a comment\n' }, name: 'B', dest: '~/x' },
      { line: 7, source: { kind: 'file', path: 'b.tpl' }, name: 'C', dest: '$RUNNER_TEMP/c' },
    ]);
  });
  it.each([
    ['a.tpl', 'templates line 1: write `FILE | NAME`'],
    ['a.tpl | 1X', 'templates line 1: write `FILE | NAME`'],
    ['<<E | A\nx', 'templates line 1: the inline template <<E has no closing line E.'],
    ['<<-E | A\nx\n-E', 'templates line 1: an inline template opens with <<WORD'],
    ['a | A\nb | A', 'templates line 2: A is rendered twice.'],
  ])('%j: %s', (input, message) => {
    expect(() => parseTemplates(input)).toThrow(message);
  });
});

describe('templateStage with replace (the re-render refresh calls)', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('swaps the file by a rename: the old inode keeps the old text, the new one is 0600', () => {
    dir = mkdtempSync(join(tmpdir(), 'tpl-'));
    const session = sessionPaths(join(dir, 'session'));
    mkdirSync(session.files, { recursive: true });
    mkdirSync(session.private);
    const env = join(dir, 'github-env');
    writeFileSync(env, '');
    process.env['GITHUB_ENV'] = env;
    const masks = new MaskRegistry(() => undefined);
    const templates = { lines: parseTemplates('<<T | CONF\npw={{ A | url }}\nT'), allowWorkspace: false };
    templateStage({ templates, values: new Map([['A', 'old value']]), session, masks });
    const path = join(session.files, 'CONF');
    const before = statSync(path).ino;
    templateStage({ templates, values: new Map([['A', 'new value!']]), session, masks, replace: true });
    expect(readFileSync(path, 'utf8')).toBe('pw=new%20value!\n');
    expect(statSync(path).ino).not.toBe(before);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(masks.forms().map((f) => f.text)).toContain('new%20value!');
    expect(
      readForms(session)
        .filter((f) => f.name === 'CONF')
        .map((f) => f.text),
    ).toContain('pw=new%20value!\n');
    Reflect.deleteProperty(process.env, 'GITHUB_ENV');
  });
});
