import { describe, expect, it } from 'vitest';
import {
  checkDockerfile,
  parseDockerfile,
  type CheckOptions,
  type Finding,
} from '../../src/docker/dockerfile/index.js';

const file = (...lines: string[]) => lines.join('\n');

// Stands in for the mask registry: knows two fetched secrets, one also in base64.
const SECRETS: Record<string, string> = {
  hunter2: 'DB_PASSWORD',
  aHVudGVyMg: 'DB_PASSWORD',
  sk_live_51Habc: 'STRIPE_KEY',
};
function findSecret(text: string): string | undefined {
  return Object.entries(SECRETS).find(([value]) => text.includes(value))?.[1];
}

function check(text: string, opts: Partial<CheckOptions> = {}): Finding[] {
  return checkDockerfile(text, { secretIds: [], findSecret, level: 'default', ...opts });
}
const brief = (findings: Finding[]) => findings.map((f) => `${f.line} ${f.rule} ${f.severity}`);
const of = (findings: Finding[], rule: Finding['rule']) => findings.filter((f) => f.rule === rule);
const keywords = (text: string) => parseDockerfile(text).instructions.map((i) => `${i.line} ${i.keyword} ${i.args}`);

describe('parseDockerfile', () => {
  it('reads directives only at the very top', () => {
    const parsed = parseDockerfile(
      file('# syntax=docker/dockerfile:1.7', '#  ESCAPE = `', '# check=error=true', '# syntax=other', 'FROM alpine'),
    );
    expect(parsed.directives).toEqual([
      { name: 'syntax', value: 'docker/dockerfile:1.7', line: 1 },
      { name: 'escape', value: '`', line: 2 },
      { name: 'check', value: 'error=true', line: 3 },
    ]);
    expect(parsed.escape).toBe('`');
    for (const stop of ['', '# a comment', '# unknown=1', 'FROM alpine']) {
      expect(parseDockerfile(file(stop, '# escape=`', 'FROM alpine')).directives, stop).toEqual([]);
    }
    expect(parseDockerfile(file('FROM alpine', '# syntax=x')).directives).toEqual([]);
  });

  it('joins continuation lines, skipping comments and blank lines inside, and keeps the first line', () => {
    const text = file(
      'FROM node:20',
      'RUN apt-get update \\',
      '    # pinned on purpose',
      '',
      '   \t',
      '    && apt-get install -y curl \\  ',
      '    && rm -rf /var/lib/apt/lists/*',
      'RUN echo done',
    );
    expect(keywords(text)).toEqual([
      '1 FROM node:20',
      '2 RUN apt-get update     && apt-get install -y curl     && rm -rf /var/lib/apt/lists/*',
      '8 RUN echo done',
    ]);
  });

  it('treats a doubled escape at the end as text, and a comment line never continues', () => {
    expect(keywords(file('RUN echo a\\\\', 'RUN echo b', '# note \\', 'RUN echo c'))).toEqual([
      '1 RUN echo a\\\\',
      '2 RUN echo b',
      '4 RUN echo c',
    ]);
  });

  it('continues on the escape set by # escape=`, not on a backslash', () => {
    const text = file(
      '# escape=`',
      'FROM mcr.microsoft.com/windows/servercore',
      'COPY a.txt C:\\app\\',
      'RUN dir `',
      '    C:\\app',
    );
    expect(keywords(text)).toEqual([
      '2 FROM mcr.microsoft.com/windows/servercore',
      '3 COPY a.txt C:\\app\\',
      '4 RUN dir     C:\\app',
    ]);
  });

  it('reads lower- and mixed-case keywords, a BOM and CRLF line ends', () => {
    expect(keywords('\uFEFFfrom alpine\r\nRun echo hi \\\r\n  there\r\n')).toEqual([
      '1 FROM alpine',
      '2 RUN echo hi   there',
    ]);
  });

  it('skips heredoc bodies, whose lines are not instructions', () => {
    const text = file(
      'FROM alpine',
      'RUN <<EOF',
      'ARG PASSWORD',
      'ENV TOKEN=x',
      'EOF',
      'COPY <<-"CONF" <<\'NOTES\' /etc/app/',
      '\tARG SECRET',
      '\t\tCONF',
      'ARG API_KEY',
      'NOTES',
      'run cat <<END > /x',
      'FROM evil',
      'END',
      'ARG VERSION',
    );
    const parsed = parseDockerfile(text);
    expect(parsed.instructions.map((i) => `${i.line} ${i.keyword}`)).toEqual([
      '1 FROM',
      '2 RUN',
      '6 COPY',
      '11 RUN',
      '14 ARG',
    ]);
    expect(parsed.instructions[1]?.heredocs).toEqual(['ARG PASSWORD\nENV TOKEN=x']);
    expect(parsed.instructions[2]?.heredocs).toEqual(['\tARG SECRET', 'ARG API_KEY']);
  });

  it('opens no heredoc in JSON form, inside quotes, or glued to another word', () => {
    const text = file('RUN ["sh", "-c", "cat <<EOF"]', 'RUN echo "<<EOF"', 'RUN cat<<EOF', 'ARG PASSWORD', 'EOF');
    expect(keywords(text).map((k) => k.split(' ')[0])).toEqual(['1', '2', '3', '4', '5']);
  });

  it('opens heredocs in ONBUILD RUN, and runs an unterminated one to the end', () => {
    expect(keywords(file('ONBUILD RUN <<EOF', 'ARG X', 'EOF', 'ARG Y'))).toEqual(['1 ONBUILD RUN <<EOF', '4 ARG Y']);
    expect(keywords(file('RUN <<EOF', 'ARG X'))).toEqual(['1 RUN <<EOF']);
  });
});

describe('secret-name (BuildKit SecretsUsedInArgOrEnv)', () => {
  const flagged = (name: string) => of(check(file('FROM alpine', `ARG ${name}`)), 'secret-name').length === 1;

  it.each([
    'GITHUB_TOKEN',
    'AUTH',
    'DB_PASSWORD',
    'aws_secret_access_key',
    'npm_token',
    'SSH_KEY_FILENAME',
    'MY_PWORD',
    '\u212AEY',
  ])('flags ARG %s', (name) => expect(flagged(name)).toBe(true));
  it.each([
    'PUBLIC_KEY',
    'TOKEN_FILE',
    'KEY_VERSION',
    'AUTHOR',
    'MONKEY',
    'KEYS',
    'PUBLICKEY_X',
    'API-KEY',
    'NODE_VERSION',
  ])('does not flag ARG %s', (name) => expect(flagged(name)).toBe(false));

  it('checks every ARG and ENV name, in every form, with the message BuildKit users know', () => {
    const findings = check(
      file(
        'ARG BASE=alpine',
        'FROM $BASE',
        'ARG A=1 DB_PASSWORD B="x y"',
        'ENV api_key= PATH=/bin',
        'ENV SECRET_PATH /run/secrets/x',
      ),
    );
    expect(of(findings, 'secret-name').map((f) => [f.line, f.severity, f.message])).toEqual([
      [
        3,
        'warning',
        'ARG DB_PASSWORD looks like a secret: build args and ENV are stored in the image history and provenance. Mount it with RUN --mount=type=secret,id=... instead.',
      ],
      [4, 'warning', expect.stringMatching(/^ENV api_key looks like a secret/)],
      [5, 'warning', expect.stringMatching(/^ENV SECRET_PATH looks like a secret/)],
    ]);
  });

  it('is an error at level error and stays a warning at level warn', () => {
    expect(brief(check('ARG TOKEN', { level: 'error' }))).toEqual(['1 secret-name error']);
    expect(brief(check('ARG TOKEN', { level: 'warn' }))).toEqual(['1 secret-name warning']);
  });
});

describe('secret-value', () => {
  it('finds a fetched value in ARG defaults and ENV values, naming the secret and never the value', () => {
    const text = file(
      'FROM alpine',
      'ARG DB_PASS=hunter2',
      'ARG A=1 B="sk_live_51Habc and more"',
      'ENV CONN="postgres://app:hunter2@db/app" MODE=prod',
      'ENV LEGACY_CONN postgres://app:aHVudGVyMg@db',
      'ENV ESCAPED=hun\\ter2',
    );
    const findings = of(check(text), 'secret-value');
    expect(brief(findings)).toEqual([
      '2 secret-value error',
      '3 secret-value error',
      '4 secret-value error',
      '5 secret-value error',
      '6 secret-value error',
    ]);
    expect(findings[1]?.message).toBe(
      'ARG B holds the value of secret STRIPE_KEY: it would be baked into the image layers and history. Use RUN --mount=type=secret.',
    );
    expect(findings[2]?.message).toMatch(/^ENV CONN holds the value of secret DB_PASSWORD:/);
    expect(findings[3]?.message).toMatch(/^ENV LEGACY_CONN holds the value of secret DB_PASSWORD:/);
    for (const f of findings) expect(f.message).not.toMatch(/hunter2|aHVudGVyMg|sk_live/);
  });

  it('finds a value pasted into RUN, its heredoc, or any other instruction', () => {
    const text = file(
      'FROM alpine',
      'RUN curl -H "Authorization: Bearer sk_live_51Habc" \\',
      '    https://api.example.com',
      'RUN <<EOF',
      'echo hunter2 | psql',
      'EOF',
      'LABEL db.password=hunter2',
      'ONBUILD ENV X=hunter2',
    );
    expect(of(check(text), 'secret-value').map((f) => `${f.line} ${f.message.split(':')[0]}`)).toEqual([
      '2 RUN contains the value of secret STRIPE_KEY',
      '4 RUN contains the value of secret DB_PASSWORD',
      '7 LABEL contains the value of secret DB_PASSWORD',
      '8 ONBUILD contains the value of secret DB_PASSWORD',
    ]);
  });

  it('never repeats a secret in a message through a name, an id or an unknown keyword', () => {
    const text = file(
      '# syntax=hunter2/frontend',
      'ENV hunter2_TOKEN=1',
      'RUN --mount=type=secret,id=hunter2 true',
      'HUNTER2 x hunter2',
    );
    const findings = check(text);
    expect(findings.length).toBeGreaterThan(3);
    for (const f of findings) expect(f.message).not.toMatch(/hunter2/i);
  });

  it('is a warning at level warn', () => {
    expect(brief(check('ENV X=hunter2', { level: 'warn' }))).toEqual(['1 secret-value warning']);
  });
});

describe('unknown-secret-mount and unused-secret', () => {
  const mounts = file(
    'FROM node:20',
    'RUN --network=none --mount=type=cache,target=/root/.npm,id=npm-cache \\',
    '    --mount=type=secret,id=npm_token,env=NPM_TOKEN \\',
    '    --mount=type=secret,id=sentry,required=true \\',
    '    npm ci',
    'run --mount=type=secret,target=/root/.aws/credentials aws s3 ls',
    'RUN --mount=type=secret,src=gh,required gh auth status',
    'RUN --mount type=secret,id=spaced true',
  );

  it('reports each secret mount whose id the build does not pass, wherever the flag is', () => {
    const findings = check(mounts, { secretIds: ['npm_token'] });
    expect(of(findings, 'unknown-secret-mount').map((f) => `${f.line} ${f.severity} ${f.message}`)).toEqual([
      '2 error RUN mounts secret "sentry" with required=true, which this build does not provide: add it to build-secrets, or this step fails.',
      '6 warning RUN mounts secret "credentials", which this build does not provide: add it to build-secrets (or the mount is silently empty unless required=true).',
      '7 error RUN mounts secret "gh" with required=true, which this build does not provide: add it to build-secrets, or this step fails.',
      '8 warning RUN mounts secret "spaced", which this build does not provide: add it to build-secrets (or the mount is silently empty unless required=true).',
    ]);
  });

  it('takes the id from id=, src=, or the last element of target=, and ignores other mount types', () => {
    expect(check(mounts, { secretIds: ['npm_token', 'sentry', 'credentials', 'gh', 'spaced'] })).toEqual([]);
  });

  it('reports provided ids that no RUN mounts, once each, for the whole file', () => {
    const findings = check(mounts, {
      secretIds: ['npm_token', 'sentry', 'credentials', 'gh', 'spaced', 'old', 'npm-cache', 'old'],
    });
    expect(findings.map((f) => `${f.line} ${f.rule} ${f.severity} ${f.message}`)).toEqual([
      '0 unused-secret warning This build passes secret "old", but no RUN --mount=type=secret uses it: remove it from build-secrets, or mount it where it is needed.',
      '0 unused-secret warning This build passes secret "npm-cache", but no RUN --mount=type=secret uses it: remove it from build-secrets, or mount it where it is needed.',
    ]);
    expect(brief(check('RUN true', { secretIds: ['a'], level: 'error' }))).toEqual(['0 unused-secret error']);
  });

  it('follows the level', () => {
    expect(brief(check(mounts, { secretIds: ['npm_token'], level: 'warn' })).every((b) => b.endsWith('warning'))).toBe(
      true,
    );
    expect(brief(check(mounts, { secretIds: ['npm_token'], level: 'error' })).every((b) => b.endsWith('error'))).toBe(
      true,
    );
  });

  it('reports a secret mount BuildKit rejects', () => {
    const findings = check(
      file('RUN --mount=type=secret,required=true cat /run/secrets/x', 'RUN --mount=type=secret,id=a,src=b true'),
      {
        secretIds: ['a', 'b'],
      },
    );
    const rejected = of(findings, 'unknown-secret-mount');
    expect(brief(rejected)).toEqual(['1 unknown-secret-mount error', '2 unknown-secret-mount error']);
    expect(rejected[0]?.message).toBe(
      'RUN has a secret mount that BuildKit rejects ("invalid secret mount. one of source, target required"): name the secret with id=ID alone, or give only target=PATH, whose last path element is then the id.',
    );
    expect(rejected[1]?.message).toMatch(/\("both source and id can't be set"\)/);
  });

  it('unquotes the flag, then reads its CSV fields; keys and the type are case-insensitive, the flag name is not', () => {
    const text = file(
      `RUN --mount='type=secret,"id=a,b"' --MOUNT=type=secret,id=c --mount=TYPE=Secret,ID=d -- --mount=type=secret,id=e true`,
    );
    expect(of(check(text), 'unknown-secret-mount').map((f) => f.message.split('"')[1])).toEqual(['a,b', 'd']);
  });

  it('leaves alone ids from build args, mounts of ONBUILD, and mounts written in heredocs', () => {
    const text = file(
      'ARG NPM_ID=npm',
      'FROM node:20',
      'RUN --mount=type=secret,id=${NPM_ID} npm ci',
      'ONBUILD RUN --mount=type=secret,id=later true',
      'RUN <<EOF',
      'docker build --mount=type=secret,id=inner .',
      'EOF',
    );
    expect(check(text, { secretIds: ['npm', 'other'] })).toEqual([]);
  });
});

describe('remote-frontend', () => {
  it('warns that # syntax pulls a frontend image, and where', () => {
    const findings = check(file('# syntax=docker/dockerfile:1', 'FROM alpine'));
    expect(findings).toEqual([
      {
        rule: 'remote-frontend',
        severity: 'warning',
        line: 1,
        message:
          'The syntax directive makes BuildKit pull the frontend image docker/dockerfile:1 from a registry at build time and hand it the whole build, secrets included. Pin it by digest (docker/dockerfile:1@sha256:...) or remove it to use the frontend built into BuildKit.',
      },
    ]);
    expect(brief(check(file('# syntax=docker/dockerfile:1', 'FROM alpine'), { level: 'error' }))).toEqual([
      '1 remote-frontend error',
    ]);
  });

  it('finds it as BuildKit does: after a #! line, as // syntax=, or in a JSON file', () => {
    expect(brief(check(file('#!/usr/bin/env buildctl', '# syntax=docker/dockerfile:1', 'FROM alpine')))).toEqual([
      '2 remote-frontend warning',
    ]);
    expect(brief(check(file('// syntax = example.com/frontend:2', 'FROM alpine')))).toEqual([
      '1 remote-frontend warning',
    ]);
    expect(brief(check('{"syntax": "example.com/frontend:2"}'))).toEqual(['1 remote-frontend warning']);
    expect(check(file('', '# syntax=docker/dockerfile:1', 'FROM alpine'))).toEqual([]);
  });

  it('does not ask to pin a frontend pinned by digest', () => {
    const [finding] = check('# syntax=docker/dockerfile:1@sha256:abc123 --opt\nFROM alpine');
    expect(finding?.message).toContain('frontend image docker/dockerfile:1@sha256:abc123 from');
    expect(finding?.message).not.toContain('Pin it');
  });
});

it('returns findings sorted by line', () => {
  const text = file(
    '# syntax=docker/dockerfile:1',
    'FROM alpine',
    'RUN --mount=type=secret,id=x true',
    'ARG TOKEN=hunter2',
  );
  expect(brief(check(text, { secretIds: ['unused'] }))).toEqual([
    '0 unused-secret warning',
    '1 remote-frontend warning',
    '3 unknown-secret-mount warning',
    '4 secret-name warning',
    '4 secret-value error',
  ]);
});
