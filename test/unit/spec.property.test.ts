import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deriveName,
  isValidName,
  parseSpec,
  SpecError,
  type SecretRequest,
  type Selector,
} from '../../src/spec/index.js';

const RUNS = { numRuns: 2000 };
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const tricky = fc.constantFrom(
  ...[' ', '\t', '\u00a0', '|', '"', '\\', ';', '\n', '\r\n', '\r', '#', '*', '.', '/', '?', '?version=', '1', '0'],
  ...['a', 'Z', '_', 'é', '日', '😀', '\u0000', '\u0085', '\u2028', '\ufeff', 'kv/app', ' key ', '| NAME'],
);
const anyText = fc.string({ unit: fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 60 });

// --- a model of valid entries, rendered as text, for the round trip ---

interface Entry {
  readonly text: string;
  readonly expected: Omit<SecretRequest, 'line' | 'text'>;
}

const space = fc.constantFrom(' ', '  ', '\t', '\u00a0');
const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
const pathSegment = fc
  .string({ unit: fc.constantFrom(...Array.from('ab09-_.~@:#"*é日😀')), minLength: 1, maxLength: 6 })
  .filter((s) => s !== '.' && s !== '..');
const BARE = 'abXY09_-/:@?#éß日';
const keySegment = fc.oneof(
  fc.string({ unit: fc.constantFrom(...Array.from(BARE)), minLength: 1, maxLength: 6 }),
  fc.string({ unit: fc.constantFrom(...Array.from('"\\. |;#*?a日😀\u00a0')), minLength: 1, maxLength: 6 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }).filter((s) => !CONTROL.test(s)),
);

function renderSegment(segment: string, quote: boolean, first: boolean): string {
  const bareOk = Array.from(segment).every((c) => BARE.includes(c)) && !(first && segment.startsWith('#'));
  return quote || !bareOk ? `"${segment.replace(/[\\"]/g, (c) => `\\${c}`)}"` : segment;
}

const entry: fc.Arbitrary<Entry> = fc
  .record({
    segments: fc.array(pathSegment, { minLength: 1, maxLength: 4 }),
    slash: fc.boolean(),
    folder: fc.boolean(),
    version: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }),
    kind: fc.constantFrom('whole', 'all', 'key'),
    keys: fc.array(fc.tuple(keySegment, fc.boolean()), { minLength: 1, maxLength: 3 }),
    name: fc.option(name, { nil: undefined }),
    gaps: fc.tuple(space, fc.constantFrom('', ' ', '\t'), fc.constantFrom('', ' ')),
  })
  .filter(({ folder, kind, keys, name }) => {
    if (folder) return kind !== 'key';
    if (kind === 'whole') return name !== undefined;
    return kind === 'all' || name !== undefined || deriveName(keys.map(([k]) => k)) !== '';
  })
  .map(({ segments, slash, folder, version, kind, keys, name, gaps: [afterPath, beforePipe, afterPipe] }) => {
    const path = segments.join('/');
    const v = folder ? undefined : version;
    // An entry starting with `#` would be a comment.
    const lead = slash || path.startsWith('#') ? '/' : '';
    const pathText = `${lead}${path}${folder ? '/' : ''}${v === undefined ? '' : `?version=${v}`}`;
    const selector: Selector =
      kind === 'key' ? { kind, segments: keys.map(([k]) => k) } : { kind: folder ? 'all' : kind };
    const selectorText =
      kind === 'whole' ? '' : kind === 'all' ? '*' : keys.map(([k, q], i) => renderSegment(k, q, i === 0)).join('.');
    const head = selectorText === '' ? pathText : `${pathText}${afterPath}${selectorText}`;
    const text = name === undefined ? head : `${head}${beforePipe}|${afterPipe}${name}`;
    const resolved =
      selector.kind === 'all' ? (name ?? '') : selector.kind === 'key' ? (name ?? deriveName(selector.segments)) : name;
    return { text, expected: { path, folder, version: v, selector, name: resolved } };
  });

const separator = fc.constantFrom(
  '\n',
  '\r\n',
  ';',
  ' ; ',
  ';\n',
  '\n\n',
  '\n  \t\n',
  '\n# a comment; "with | stuff\n',
);

const spec = fc
  .array(fc.tuple(entry, separator), { maxLength: 6 })
  .map((pairs) => {
    const seen = new Set<string>();
    return pairs.filter(([{ expected }]) => {
      if (expected.selector.kind === 'all') return true;
      const key = expected.name?.toUpperCase() ?? '';
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  })
  .chain((pairs) => fc.tuple(fc.constant(pairs), separator, fc.boolean()));

function render(pairs: readonly (readonly [Entry, string])[], leading: string, trailing: boolean) {
  let text = leading;
  const expected: SecretRequest[] = [];
  pairs.forEach(([entry, sep], i) => {
    expected.push({ line: text.split('\n').length, text: entry.text, ...entry.expected });
    text += entry.text + (i < pairs.length - 1 || trailing ? sep : '');
  });
  return { text, expected };
}

// --- properties ---

function assertWellFormed(text: string, requests: SecretRequest[]): void {
  const lines = text.split('\n').length;
  for (const r of requests) {
    expect(Number.isInteger(r.line) && r.line >= 1 && r.line <= lines).toBe(true);
    expect(r.text).not.toBe('');
    expect(r.text).toBe(r.text.trim());
    expect(r.path).not.toMatch(/^\/|\/$|\/\/|\?|\s/);
    expect(r.path.split('/').every((s) => s !== '' && s !== '.' && s !== '..')).toBe(true);
    expect(r.version === undefined || (Number.isSafeInteger(r.version) && r.version > 0)).toBe(true);
    if (r.folder) expect(r.selector.kind === 'all' && r.version === undefined).toBe(true);
    if (r.selector.kind === 'key')
      expect(r.selector.segments.length > 0 && r.selector.segments.every((s) => s !== '')).toBe(true);
    const prefixOk = r.selector.kind === 'all' && r.name === '';
    expect(r.name === undefined || prefixOk || isValidName(r.name)).toBe(true);
  }
}

function parseOrSpecError(text: string): void {
  let requests: SecretRequest[];
  try {
    requests = parseSpec(text);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    const { line, message } = error as SpecError;
    expect(line >= 1 && line <= text.split('\n').length).toBe(true);
    expect(message.startsWith(`secrets line ${line}: `)).toBe(true);
    return;
  }
  assertWellFormed(text, requests);
}

describe('parseSpec properties', () => {
  it('returns well-formed requests or throws SpecError for any text', () => {
    fc.assert(fc.property(anyText, parseOrSpecError), RUNS);
  });

  it('returns well-formed requests or throws SpecError for damaged valid specs', () => {
    const damaged = fc
      .tuple(spec, fc.array(fc.tuple(fc.nat(), fc.nat(3), tricky), { minLength: 1, maxLength: 4 }))
      .map(([[pairs, sep, trailing], edits]) =>
        edits.reduce(
          (text, [at, cut, insert]) => {
            const i = at % (text.length + 1);
            return text.slice(0, i) + insert + text.slice(i + cut);
          },
          render(pairs, sep, trailing).text,
        ),
      );
    fc.assert(fc.property(damaged, parseOrSpecError), RUNS);
  });

  it('parses generated valid entries back to what was generated', () => {
    fc.assert(
      fc.property(spec, ([pairs, leading, trailing]) => {
        const { text, expected } = render(pairs, leading, trailing);
        expect(parseSpec(text)).toStrictEqual(expected);
      }),
      RUNS,
    );
  });

  it('derives only valid names, or nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' })), fc.constantFrom('', 'APP_', 'x'), (segments, prefix) => {
        const derived = deriveName(segments, prefix);
        expect(derived === '' || isValidName(derived)).toBe(true);
      }),
      RUNS,
    );
  });
});
