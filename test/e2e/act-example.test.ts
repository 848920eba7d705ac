// act cannot run here, so examples/act/vault-act.yml is run the way act would run it:
// its `with:` block through dist/ with what act gives a step (ACT=true, a v1-only
// ACTIONS_CACHE_URL, no OIDC endpoint), the JWT fetched as the README shows, then the
// example's own check step, then post.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Job, ROOT } from '../runner/job.js';
import { findIn } from '../runner/leaks.js';
import { startFixture, type Fixture } from './fixture.js';

interface Step {
  uses?: string;
  with?: Record<string, string>;
  run?: string;
}

let fx: Fixture;
beforeAll(async () => {
  fx = await startFixture();
});
afterAll(async () => {
  await fx.server.close();
});

describe('examples/act/vault-act.yml', () => {
  it('runs under act conditions: JWT login, files delivered, caching skipped with the notice, post cleans up', async () => {
    const workflow = parseYaml(readFileSync(join(ROOT, 'examples/act/vault-act.yml'), 'utf8')) as {
      jobs: Record<string, { steps: Step[] }>;
    };
    const steps = Object.values(workflow.jobs)[0]?.steps ?? [];
    const action = steps.find((s) => s.uses === './');
    const check = steps.at(-1)?.run ?? '';
    // the README's curl: a JWT from the dev server's OIDC stand-in
    const reply = await fetch(fx.server.oidc.requestUrl, {
      headers: { Authorization: `Bearer ${fx.server.oidc.requestToken}` },
    });
    const jwt = ((await reply.json()) as { value: string }).value;
    const context: Record<string, string> = {
      'vars.VAULT_ADDR': fx.server.url,
      'secrets.VAULT_JWT': jwt,
      'github.sha': 'a'.repeat(40),
    };
    const inputs = Object.fromEntries(
      Object.entries(action?.with ?? {}).map(([k, v]) => [
        k,
        v.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => context[name] ?? `<${name}?>`),
      ]),
    );
    expect(Object.values(inputs).join('\n')).not.toContain('?>');

    const job = new Job({ ACT: 'true', ACTIONS_CACHE_URL: 'http://127.0.0.1:1/', ACTIONS_RUNTIME_TOKEN: 'act' });
    try {
      const main = await job.main(inputs);
      expect(main.exitCode, main.stdout + main.stderr).toBe(0);
      expect(main.stdout).toContain('::notice::cache: act: its cache server speaks only the retired v1 protocol');
      expect(main.outputs['names']).toBe('APP_PASSWORD LEGACY_TOKEN');
      const out = execFileSync('bash', ['-c', check], { env: { ...process.env, ...job.env }, encoding: 'utf8' });
      expect(out).toContain(`APP_PASSWORD is in ${job.env['APP_PASSWORD_FILE'] ?? '?'}`);
      const post = await job.post();
      expect(post.exitCode, post.stdout).toBe(0);
      expect(post.stdout).toContain('revoked the Vault token');
      for (const value of [jwt, fx.values.password, fx.values.legacy]) expect(findIn(job.allOutput, value)).toEqual([]);
    } finally {
      job.dispose();
    }
  });
});
