// templates: on main, through dist/: a .npmrc from a workspace file to ~/.npmrc, a Maven
// settings.xml inline in files-dir, filters, the guard finding a rendered file in an
// artifact, and what must fail with no file left: an unknown placeholder, a destination
// in the workspace or outside $HOME and RUNNER_TEMP, a file already there.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { Job } from '../runner/job.js';
import { listTree } from '../runner/leaks.js';
import {
  allSecretValues,
  errorLine,
  expectGone,
  expectNoLeaks,
  sessionRoot,
  startFixture,
  type Fixture,
} from './fixture.js';

let fx: Fixture;
let job: Job;
let home: string;
/** A value that needs every filter: quotes for shell and JSON, `&` and space for URLs. */
let token: string;
beforeEach(async () => {
  fx = await startFixture();
  job = new Job();
  home = join(job.dir, 'home');
  mkdirSync(home);
  token = `npm_${randomBytes(12).toString('hex')}'q"&x y`;
  fx.server.putKv('', 'secret', 'ci/npm', { token, user: 'deployer' });
});
afterEach(async () => {
  if (job.steps.some((s) => s.step === 'main') && !job.steps.some((s) => s.step === 'post')) await job.post();
  job.dispose();
  await fx.server.close();
});

const SECRETS = 'secret/ci/npm token | NPM_TOKEN\nsecret/ci/npm user | NPM_USER\nsecret/ci/app password | PW';

function mainStep(templates: string, extra: Record<string, string> = {}) {
  return job.main(
    { 'vault-addr': fx.server.url, 'vault-token': fx.server.rootToken, secrets: SECRETS, templates, ...extra },
    { env: { HOME: home } },
  );
}

/** What is inside `dir`, less `dir` itself. */
const under = (dir: string): string[] => listTree(dir).filter((p) => p !== dir);

const values = (): string[] => allSecretValues(fx, job, [token]);

describe('templates', () => {
  it('renders a workspace file to ~/.npmrc and an inline settings.xml to files-dir, 0600, with filters; post leaves nothing', async () => {
    writeFileSync(
      join(job.workspace, 'npmrc.tpl'),
      '//registry.npmjs.org/:_authToken={{ NPM_TOKEN }}\nalways-auth=true\n',
    );
    const main = await mainStep(
      [
        'npmrc.tpl | NPMRC > ~/.config/npm/npmrc',
        '<<XML | SETTINGS_XML',
        '<settings><servers><server><id>repo</id>',
        '  <username>{{NPM_USER}}</username><password>{{ PW }}</password>',
        '</server></servers></settings>',
        'XML',
        '<<END | FILTERS',
        'json={{ NPM_TOKEN | json }}',
        'b64={{ NPM_TOKEN | base64 }}',
        'sh={{ NPM_TOKEN | shell }}',
        'url={{ NPM_TOKEN|url }}',
        'xml={{ NPM_TOKEN | xml }}',
        'END',
      ].join('\n'),
    );
    expect(main.exitCode, main.stdout).toBe(0);
    const npmrc = join(home, '.config', 'npm', 'npmrc');
    expect(job.env['NPMRC_FILE']).toBe(npmrc);
    expect(readFileSync(npmrc, 'utf8')).toBe(`//registry.npmjs.org/:_authToken=${token}\nalways-auth=true\n`);
    expect(statSync(npmrc).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, '.config')).mode & 0o777).toBe(0o700);
    const settings = job.env['SETTINGS_XML_FILE'] ?? '';
    expect(settings).toBe(join(sessionRoot(main), 'files', 'SETTINGS_XML'));
    expect(readFileSync(settings, 'utf8')).toBe(
      `<settings><servers><server><id>repo</id>\n  <username>deployer</username><password>${fx.values.password}</password>\n</server></servers></settings>\n`,
    );
    expect(statSync(settings).mode & 0o777).toBe(0o600);
    const filtered = readFileSync(job.env['FILTERS_FILE'] ?? '', 'utf8');
    expect(filtered).toBe(
      [
        `json=${JSON.stringify(token)}`,
        `b64=${Buffer.from(token).toString('base64')}`,
        `sh='${token.replace(/'/g, `'\\''`)}'`,
        `url=${encodeURIComponent(token)}`,
        `xml=${token
          .replace(/'/g, '&#39;')
          .replace(/"/g, '&#34;')
          .replace(/&(?!#)/g, '&#38;')}`,
        '',
      ].join('\n'),
    );
    // every filtered spelling is masked like the value (the shell-quoted one is none of the runner's encodings)
    expect(main.masks).toContain(`'${token.replace(/'/g, `'\\''`)}'`);
    expect(main.masks).toContain(JSON.stringify(token));
    expect(main.stdout).toContain('Rendered template NPMRC (templates line 1, ');

    // the shell-quoted form is one word a real shell reads back as the value
    const word =
      filtered
        .split('\n')
        .find((l) => l.startsWith('sh='))
        ?.slice(3) ?? '';
    expect(execFileSync('/bin/sh', ['-c', `printf %s ${word}`]).toString()).toBe(token);
    const post = await job.post();
    expect(post.exitCode, post.stdout).toBe(0);
    expect(existsSync(npmrc)).toBe(false);
    expect(under(home)).toEqual([]);
    expectGone(sessionRoot(main));
    expectNoLeaks(job, values());
  });

  it('the guard step finds a rendered file copied into an artifact, as that template', async () => {
    const out = join(job.workspace, 'out');
    const main = await mainStep(
      '<<T | PROPS\nuser={{ NPM_USER }}\nsomething=else entirely\nT\n<<T | PLAIN\nno secret here at all\nT',
      {
        'scan-paths': out,
        'on-leak': 'warn',
      },
    );
    expect(main.exitCode, main.stdout).toBe(0);
    mkdirSync(out);
    copyFileSync(job.env['PROPS_FILE'] ?? '', join(out, 'app.properties'));
    copyFileSync(job.env['PLAIN_FILE'] ?? '', join(out, 'plain.txt'));
    const guard = await job.guard({ paths: out });
    expect(guard.exitCode, guard.stdout).toBe(1);
    expect(guard.stdout).toContain('secret PROPS (as value) found in');
    // a template with no secret in it is not one
    expect(guard.stdout).not.toContain('plain.txt');
    // post's scan knows the rendered file too
    const post = await job.post();
    expect(post.stdout).toContain(`secret PROPS (as value) found in ${join(out, 'app.properties')}`);
    expectNoLeaks(job, values());
  });

  it('an unknown placeholder fails naming the templates line and the template line, and writes no file at all', async () => {
    writeFileSync(join(job.workspace, 'ok.tpl'), 'x={{ PW }}\n');
    const main = await mainStep('ok.tpl | OK > ~/ok\n<<T | BAD > ~/deep/bad\nfirst\nsecond {{ NPM_TOKN }}\nT');
    expect(main.exitCode).toBe(1);
    expect(errorLine(main.stdout)).toBe(
      '::error::vault-secrets-action: templates line 2: the inline template, line 2, column 8: {{ NPM_TOKN }} names no secret of this step (it has: NPM_TOKEN, NPM_USER, PW).',
    );
    expect(main.env['OK_FILE']).toBeUndefined();
    expect(under(home)).toEqual([]);
    // the secrets' own files, and no template's
    expect(
      under(join(sessionRoot(main), 'files'))
        .map((f) => basename(f))
        .sort(),
    ).toEqual(['NPM_TOKEN', 'NPM_USER', 'PW']);
    await job.post();
    expectNoLeaks(job, values());
  });

  it('a "{{" that opens no placeholder, and an unknown filter, are errors with their place', async () => {
    let main = await mainStep('<<T | X\n{{ PW | upper }}\nT');
    expect(errorLine(main.stdout)).toContain(
      'templates line 1: the inline template, line 1, column 1: unknown filter "upper"',
    );
    await job.post();
    main = await mainStep('<<T | X\nok\n  {{ {{PW}}\nT');
    expect(errorLine(main.stdout)).toContain(
      'templates line 1: the inline template, line 2, column 3: "{{" opens no placeholder',
    );
    await job.post();
    expectNoLeaks(job, values());
  });

  it.each([
    ['the workspace', (w: string) => `${w}/.npmrc`, 'is in the workspace'],
    ['/etc', () => '/etc/vault-secrets-test-npmrc', 'is outside $HOME and $RUNNER_TEMP'],
    ['a relative path', () => 'npmrc', 'give a destination as ~/PATH'],
    ['.. out of $HOME', () => '~/../../npmrc', 'is outside $HOME and $RUNNER_TEMP'],
  ])('a destination in %s is refused, nothing written', async (_, dest, message) => {
    // a good destination first: it is not written either, since every destination is checked first
    const main = await mainStep(
      `<<T | OK > ~/ok\n{{ PW }}\nT\n<<T | NPMRC > ${dest(job.workspace)}\n{{ NPM_TOKEN }}\nT`,
    );
    expect(main.exitCode).toBe(1);
    expect(errorLine(main.stdout)).toContain('templates line 4: cannot write NPMRC: ');
    expect(errorLine(main.stdout)).toContain(message);
    expect(under(job.workspace)).toEqual([]);
    expect(under(home)).toEqual([]);
    expect(existsSync('/etc/vault-secrets-test-npmrc')).toBe(false);
    await job.post();
    expectNoLeaks(job, values());
  });

  it('a destination in the workspace with templates-allow-workspace, and one under RUNNER_TEMP, are written and shredded', async () => {
    const main = await mainStep(
      '<<T | A > $RUNNER_TEMP/a/b.conf\n{{ PW }}\nT\n<<T | B > ' + job.workspace + '/b.conf\n{{ PW }}\nT',
      {
        'templates-allow-workspace': 'true',
      },
    );
    expect(main.exitCode, main.stdout).toBe(0);
    expect(readFileSync(join(job.runnerTemp, 'a', 'b.conf'), 'utf8')).toBe(`${fx.values.password}\n`);
    expect(readFileSync(join(job.workspace, 'b.conf'), 'utf8')).toBe(`${fx.values.password}\n`);
    await job.post();
    expect(under(job.runnerTemp)).toEqual([]);
    expect(under(job.workspace)).toEqual([]);
    expectNoLeaks(job, values());
  });

  it('a link out of the allowed roots is refused: a destination folder linked into the workspace, a template file linked outside it', async () => {
    symlinkSync(job.workspace, join(home, 'ws'));
    let main = await mainStep('<<T | NPMRC > ~/ws/npmrc\n{{ NPM_TOKEN }}\nT');
    expect(errorLine(main.stdout)).toContain('templates line 1: cannot write NPMRC: ');
    expect(errorLine(main.stdout)).toContain('is in the workspace');
    expect(under(job.workspace)).toEqual([]);
    await job.post();
    writeFileSync(join(job.dir, 'outside.tpl'), '{{ PW }}\n');
    symlinkSync(join(job.dir, 'outside.tpl'), join(job.workspace, 'inside.tpl'));
    main = await mainStep('inside.tpl | X');
    expect(errorLine(main.stdout)).toBe(
      '::error::vault-secrets-action: templates line 1: inside.tpl: it is outside the workspace.',
    );
    await job.post();
    expect(under(home)).toEqual([join(home, 'ws')]);
    expectNoLeaks(job, values());
  });

  it("an existing file at the destination is refused and survives post (it is the user's)", async () => {
    writeFileSync(join(home, '.npmrc'), 'mine\n');
    const main = await mainStep('<<T | NPMRC > ~/.npmrc\n{{ NPM_TOKEN }}\nT');
    expect(main.exitCode).toBe(1);
    expect(errorLine(main.stdout)).toContain('cannot write NPMRC: a file is already there (it is never overwritten)');
    await job.post();
    expect(readFileSync(join(home, '.npmrc'), 'utf8')).toBe('mine\n');
    expectNoLeaks(job, values());
  });

  it.each(['root', '1000:', '-1', '1000:1000:1'])(
    'files-owner %j is an input error before Vault is asked',
    async (owner) => {
      const main = await mainStep('', { 'files-owner': owner });
      expect(errorLine(main.stdout)).toBe(
        `::error::vault-secrets-action: files-owner: "${owner}" is not UID or UID:GID in numbers (e.g. 1000 or 1000:1000).`,
      );
      expect(fx.server.requests.filter((r) => r.path.includes('ci/'))).toEqual([]);
      await job.post();
    },
  );

  it('bad templates lines are input errors before Vault is asked', async () => {
    const main = await mainStep('<<EOF | X\nno end');
    expect(errorLine(main.stdout)).toContain('templates line 1: the inline template <<EOF has no closing line EOF.');
    expect(fx.server.requests.filter((r) => r.path.includes('ci/npm'))).toEqual([]);
    await job.post();
  });
});
