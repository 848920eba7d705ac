// The output path for untrusted text (src/output.ts), checked against the runner model's
// two parsers, and the masks that keep a value matched once it is made inert.
import { describe, expect, it } from 'vitest';
import { inert, inertMessage, say, summaryText } from '../../src/output.js';
import { MaskRegistry } from '../../src/mask/registry.js';
import { parseCommands } from '../runner/commands.js';

const hostile = [
  '##[stop-commands]tok1',
  'a\n::set-output name=pwned::1',
  '  ::add-path::/x',
  'x\r::error file=x::y',
  '\u2003::warning::em-space',
  'ok##[group]g',
  'a ##[group]g ##[stop-commands]tok2',
];

describe('inert', () => {
  it.each(hostile)('%j is no command for either parser, alone or inside our words', (text) => {
    expect(parseCommands(inert(text))).toEqual([]);
    expect(parseCommands(say`Read ${text} and ${text}`)).toEqual([]);
    expect(inert(text)).not.toMatch(/[\r\n]/);
  });

  it('leaves ordinary text as it is', () => {
    expect(inert('secret/ci/app#password: 3 key(s), a::b')).toBe('secret/ci/app#password: 3 key(s), a::b');
  });

  it('annotation messages keep their line breaks (core escapes them) but lose ##[', () => {
    expect(inertMessage('a\n##[stop-commands]t\nb')).toBe('a\n#\\#[stop-commands]t\nb');
  });

  it('summary text holds no markup', () => {
    const shown = summaryText('| <img src=x> `c` [l](u) **b**\n# h');
    expect(shown).not.toMatch(/[<>|`[\]*\n]/);
    expect(shown).toContain('&#92;n# h'); // a # after a line break cannot head a line: the break is gone
  });
});

describe('masks of inert spellings', () => {
  it('a value with ##[ or control characters is also masked as it is shown inert', () => {
    const registered: string[] = [];
    const masks = new MaskRegistry((t) => registered.push(t));
    masks.addSecret('V', 'value##[with-legacy-marker');
    masks.addSecret('W', 'line-one-long\u001bescape-part');
    expect(registered).toContain(inert('value##[with-legacy-marker'));
    expect(registered).toContain(inert('line-one-long\u001bescape-part'));
  });
});
