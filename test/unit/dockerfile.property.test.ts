import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDockerfile, parseDockerfile } from '../../src/docker/dockerfile/index.js';

const RUNS = { numRuns: 3000 };

// Pieces of Dockerfiles, weighted towards what the parser treats specially.
const piece = fc.constantFrom(
  ...[
    'FROM alpine',
    'ARG ',
    'ENV ',
    'RUN ',
    'run ',
    'COPY ',
    'ONBUILD ',
    'LABEL ',
    'ARG TOKEN=',
    'ENV api_key ',
    'hunter2',
    'aHVudGVyMg',
  ],
  ...['<<EOF', '<<-EOF', '<<"EOF"', "<<'EOF'", 'EOF', '\tEOF', '3<<X', 'X', '["sh", "-c"]', '[', ']'],
  ...[
    '--mount=',
    '--mount ',
    'type=secret',
    'type=cache',
    ',id=',
    ',target=/a/',
    ',src=',
    ',required',
    '=true',
    ',',
    '$ID',
    '--',
    '--network=none ',
  ],
  ...[
    'RUN --mount=type=secret,id=a ',
    'RUN --mount=type=secret,id=hunter2,required ',
    '--mount=type=secret,target=/run/x ',
  ],
  ...['# syntax=x', '# escape=`', '# escape=\\', '#!/bin/sh', '// syntax=y', '{"syntax":"z"}', '# ', '#'],
  ...[
    '\n',
    '\r\n',
    '\r',
    '\\',
    '`',
    '\\\\',
    ' ',
    '\t',
    '\u00a0',
    '\u0085',
    '\u2028',
    '\ufeff',
    '"',
    "'",
    '=',
    '/',
    'é',
    '😀',
    '\u0000',
  ],
);
const dockerfile = fc
  .array(
    fc.oneof({ arbitrary: piece, weight: 4 }, { arbitrary: fc.string({ unit: 'binary', maxLength: 4 }), weight: 1 }),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

const findSecret = (text: string) =>
  text.includes('hunter2') || text.includes('aHVudGVyMg') ? 'DB_PASSWORD' : undefined;
const level = fc.constantFrom<'default' | 'error' | 'warn'>('default', 'error', 'warn');

describe('dockerfile check on arbitrary text', () => {
  it('parses without throwing, instructions in order, each on a line of the file', () => {
    fc.assert(
      fc.property(dockerfile, (text) => {
        const lines = text.split('\n').length;
        const starts = parseDockerfile(text).instructions.map((i) => i.line);
        expect(starts.every((line, i) => line >= 1 && line <= lines && (i === 0 || line > (starts[i - 1] ?? 0)))).toBe(
          true,
        );
      }),
      RUNS,
    );
  });

  it('checks without throwing, every finding within 0..lineCount, sorted, and no message holding the secret', () => {
    fc.assert(
      fc.property(
        dockerfile,
        fc.array(fc.constantFrom('a', 'id', 'x', 'hunter2'), { maxLength: 3 }),
        level,
        (text, secretIds, lvl) => {
          const lines = text.split('\n').length;
          const findings = checkDockerfile(text, { secretIds, findSecret, level: lvl });
          for (const [i, f] of findings.entries()) {
            expect(f.line >= 0 && f.line <= lines && Number.isInteger(f.line)).toBe(true);
            expect(f.line).toBeGreaterThanOrEqual(findings[i - 1]?.line ?? 0);
            if (f.rule !== 'unused-secret') expect(f.message).not.toMatch(/hunter2|aHVudGVyMg/);
          }
        },
      ),
      RUNS,
    );
  });
});

it('stays linear on long lines of spaces, escapes, quotes and slashes', () => {
  const long = (s: string) => s.repeat(200_000);
  const text = [
    '# syntax=' + long(' ') + 'x',
    'RUN ' + long('\\ ') + 'a',
    'ENV A' + long(' ') + '"',
    `RUN --mount=type=secret,target=${long('/')}x`,
    long('\r') + 'x',
  ].join('\n');
  const started = performance.now();
  checkDockerfile(text, { secretIds: [], findSecret: () => undefined, level: 'default' });
  expect(performance.now() - started).toBeLessThan(2000);
});
