// Under act, masks go to it in the spellings its command parser reads back exactly
// (src/mask/act.ts): the pattern is act v0.2.87's own, from pkg/runner/command.go.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actSafeMasks } from '../../src/mask/act.js';
import { addMaskLines } from '../../src/mask/emit.js';
import { MaskRegistry } from '../../src/mask/registry.js';

const ACT_COMMAND = /^::([^ ]+)( (.+))?::([^\r\n]*)[\r\n]+$/;

/** What act registers for one ::add-mask:: line, or undefined when it reads another command. */
function actReads(line: string): string | undefined {
  const m = ACT_COMMAND.exec(line);
  return m?.[1] === 'add-mask' ? m[4] : undefined;
}

describe('masks under act', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('a text with `::` is one command name to act, so it goes as its pieces, each read back exactly', () => {
    const value = 'p%Abc123XY::Zq"w\'Rt5678';
    expect(actReads(addMaskLines([value]))).toBeUndefined(); // act would print this line, value and all
    const pieces = actSafeMasks([value]);
    expect(pieces).toEqual(['p%Abc123XY', 'Zq"w\'Rt5678']);
    for (const line of addMaskLines(pieces).split(/(?<=\n)/))
      expect(pieces).toContain(actReads(line)?.replace(/%25/g, '%'));
  });

  it('literal %0A and %0D split too; short pieces and leading colons are dropped; safe texts pass unchanged', () => {
    expect(actSafeMasks(['100%done%0Atrailer-long', 'x%0Dabcdefgh'])).toEqual(['100%done', 'trailer-long', 'abcdefgh']);
    expect(actSafeMasks(['a::b::add-mask::c', 'abcdefgh:::ijklmnop'])).toEqual(['add-mask', 'abcdefgh', 'ijklmnop']);
    expect(actSafeMasks(['plain-value', 'one:colon', 'line\nbreak'])).toEqual([
      'plain-value',
      'one:colon',
      'line\nbreak',
    ]);
  });

  it('the registry hands act the pieces (ACT=true) and the runner the text itself, and redacts the whole either way', () => {
    const value = 'first-part::second-part';
    for (const [act, expected] of [
      ['true', ['first-part', 'second-part']],
      ['', [value]],
    ] as const) {
      vi.stubEnv('ACT', act);
      const registered: string[] = [];
      const masks = new MaskRegistry((t) => registered.push(t));
      masks.addHandle('TOKEN', value);
      expect(registered.filter((t) => [value, 'first-part', 'second-part'].includes(t))).toEqual(expected);
      expect(registered.some((t) => t.includes('::'))).toBe(act !== 'true');
      expect(masks.redact(`x ${value} y`)).toBe('x *** y');
    }
  });
});
