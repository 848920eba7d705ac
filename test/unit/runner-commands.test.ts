// The test runner's model of the runner's command parsers (test/runner/commands.ts):
// both syntaxes and stop-commands, as actions/runner's ActionCommandManager reads them.
import { describe, expect, test } from 'vitest';
import { parseCommands } from '../runner/commands.js';

const names = (stdout: string): string[] => parseCommands(stdout).map((c) => `${c.parser}:${c.command}:${c.message}`);

describe('runner command model', () => {
  test('V2 after leading whitespace, legacy ##[ anywhere in the line', () => {
    expect(names('  ::add-mask::abc\nsome text ##[set-output name=x]1\n::unknown::x\n##[nope]x')).toEqual([
      'v2:add-mask:abc',
      'legacy:set-output:1',
    ]);
    expect(parseCommands('x ##[set-output name=a;b=c%3B]v%5D')[0]?.properties).toEqual({ name: 'a', b: 'c;' });
  });

  test('V2 wins over legacy on the same line', () => {
    expect(names('::warning::policy ##[stop-commands]tok')).toEqual(['v2:warning:policy ##[stop-commands]tok']);
  });

  test('stop-commands switches off every command, add-mask included, until the token', () => {
    const out = names(
      [
        'Authenticated (policies: app-##[stop-commands]tok1',
        '::add-mask::secret-value',
        '::set-output name=a::1',
        '::tok1::',
        '::add-mask::after',
      ].join('\n'),
    );
    expect(out).toEqual(['legacy:stop-commands:tok1', 'v2:tok1:', 'v2:add-mask:after']);
    expect(names('##[stop-commands]t2\n::add-mask::x\n##[t2]\n::add-mask::y')).toEqual([
      'legacy:stop-commands:t2',
      'legacy:t2:',
      'v2:add-mask:y',
    ]);
  });

  test('an empty or registered stop token is refused', () => {
    expect(names('::stop-commands::\n::add-mask::x')).toEqual(['v2:add-mask:x']);
    expect(names('::stop-commands::add-mask\n::add-mask::x')).toEqual(['v2:add-mask:x']);
  });
});
