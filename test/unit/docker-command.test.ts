import { describe, expect, it } from 'vitest';
import { buildCommand } from '../../src/docker/command.js';
import type { BuildConfig } from '../../src/inputs/index.js';

const config: BuildConfig = {
  context: 'app',
  file: 'app/Dockerfile.ci',
  tags: ['reg/app:1', 'reg/app:latest'],
  args: [{ name: 'VERSION', value: '1.2.3' }],
  target: 'runtime',
  platforms: ['linux/amd64'],
  push: true,
  secrets: [],
  provenance: undefined,
  check: 'default',
};
const secrets = [
  { id: 'npm', source: { file: '/dev/shm/s/files/NPM_TOKEN' } },
  { id: 'gh', source: { env: 'BUILD_SECRET_GH' } },
];

describe('buildCommand', () => {
  it('buildx: secrets as ids and paths, minimal provenance, push', () => {
    const cmd = buildCommand('buildx', config, secrets, '/p/iid', '/p/meta.json');
    expect(cmd.args).toEqual([
      'buildx',
      'build',
      '--file',
      'app/Dockerfile.ci',
      '--tag',
      'reg/app:1',
      '--tag',
      'reg/app:latest',
      '--build-arg',
      'VERSION=1.2.3',
      '--target',
      'runtime',
      '--platform',
      'linux/amd64',
      '--secret',
      'id=npm,src=/dev/shm/s/files/NPM_TOKEN',
      '--secret',
      'id=gh,env=BUILD_SECRET_GH',
      '--iidfile',
      '/p/iid',
      '--provenance=mode=min',
      '--metadata-file',
      '/p/meta.json',
      '--push',
      'app',
    ]);
    expect(cmd.env).toEqual({});
    expect(buildCommand('buildx', { ...config, provenance: 'false', push: false }, [], 'i', 'm').args).toContain(
      '--provenance=false',
    );
    expect(buildCommand('buildx', { ...config, push: false }, [], 'i', 'm').args).toContain('--load');
  });

  it('plain docker build: DOCKER_BUILDKIT=1, no buildx-only flags, one platform at most', () => {
    const cmd = buildCommand('buildkit', config, secrets.slice(0, 1), '/p/iid', '/p/meta.json');
    expect(cmd.env).toEqual({ DOCKER_BUILDKIT: '1' });
    expect(cmd.args[0]).toBe('build');
    expect(cmd.args).not.toContain('--push');
    expect(cmd.args.some((a) => a.startsWith('--provenance'))).toBe(false);
    expect(() =>
      buildCommand('buildkit', { ...config, platforms: ['linux/amd64', 'linux/arm64'] }, [], 'i', 'm'),
    ).toThrow(/install the buildx plugin/);
  });
});
