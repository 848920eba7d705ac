// The build command line, one row per input shape (as docker/build-push-action's
// context tests do): what each builder gets in argv and in its environment.
import { describe, expect, it } from 'vitest';
import { buildCommand, type SecretSource } from '../../src/docker/command.js';
import { pushesInBuild } from '../../src/docker/build.js';
import type { BuildConfig } from '../../src/inputs/index.js';
import type { Builder } from '../../src/docker/builder.js';

const base: BuildConfig = {
  context: 'app',
  file: undefined,
  tags: [],
  args: [],
  target: undefined,
  platforms: [],
  push: false,
  secrets: [],
  provenance: undefined,
  check: 'default',
};
const fileSecret: SecretSource = { id: 'npm', source: { file: '/dev/shm/s/files/NPM_TOKEN' } };
const envSecret: SecretSource = { id: 'gh', source: { env: 'BUILD_SECRET_GH' } };
const IID = ['--iidfile', '/p/iid'];
const BUILDX_TAIL = ['--metadata-file', '/p/meta.json'];

interface Row {
  readonly builder: Builder;
  readonly config?: Partial<BuildConfig>;
  readonly secrets?: readonly SecretSource[];
  readonly args: readonly string[];
}

const rows: Record<string, Row> = {
  'buildkit: the context only': { builder: 'buildkit', args: ['build', ...IID, 'app'] },
  'buildx: loads the image, minimal provenance': {
    builder: 'buildx',
    args: ['buildx', 'build', ...IID, '--provenance=mode=min', ...BUILDX_TAIL, '--load', 'app'],
  },
  'buildx: push': {
    builder: 'buildx',
    config: { push: true },
    args: ['buildx', 'build', ...IID, '--provenance=mode=min', ...BUILDX_TAIL, '--push', 'app'],
  },
  'buildkit: push is done after the build, not by it': {
    builder: 'buildkit',
    config: { push: true },
    args: ['build', ...IID, 'app'],
  },
  'buildx: provenance as asked': {
    builder: 'buildx',
    config: { provenance: 'false' },
    args: ['buildx', 'build', ...IID, '--provenance=false', ...BUILDX_TAIL, '--load', 'app'],
  },
  'buildkit: file, tags, build args, target and one platform': {
    builder: 'buildkit',
    config: {
      file: 'app/Dockerfile.ci',
      tags: ['reg/app:1', 'reg/app:latest'],
      args: [
        { name: 'VERSION', value: '1.2.3' },
        { name: 'EMPTY', value: '' },
      ],
      target: 'runtime',
      platforms: ['linux/amd64'],
    },
    args: [
      'build',
      '--file',
      'app/Dockerfile.ci',
      '--tag',
      'reg/app:1',
      '--tag',
      'reg/app:latest',
      '--build-arg',
      'VERSION=1.2.3',
      '--build-arg',
      'EMPTY=',
      '--target',
      'runtime',
      '--platform',
      'linux/amd64',
      ...IID,
      'app',
    ],
  },
  'buildx: several platforms in one flag': {
    builder: 'buildx',
    config: { platforms: ['linux/amd64', 'linux/arm64'] },
    args: [
      'buildx',
      'build',
      '--platform',
      'linux/amd64,linux/arm64',
      ...IID,
      '--provenance=mode=min',
      ...BUILDX_TAIL,
      '--load',
      'app',
    ],
  },
  'buildkit: a secret as a file path': {
    builder: 'buildkit',
    secrets: [fileSecret],
    args: ['build', '--secret', 'id=npm,src=/dev/shm/s/files/NPM_TOKEN', ...IID, 'app'],
  },
  'buildx: secrets as a file path and as a variable name, never a value': {
    builder: 'buildx',
    secrets: [fileSecret, envSecret],
    args: [
      'buildx',
      'build',
      '--secret',
      'id=npm,src=/dev/shm/s/files/NPM_TOKEN',
      '--secret',
      'id=gh,env=BUILD_SECRET_GH',
      ...IID,
      '--provenance=mode=min',
      ...BUILDX_TAIL,
      '--load',
      'app',
    ],
  },
};

describe('buildCommand', () => {
  it.each(Object.entries(rows))('%s', (_, row) => {
    const cmd = buildCommand(row.builder, { ...base, ...row.config }, row.secrets ?? [], '/p/iid', '/p/meta.json');
    expect(cmd.args).toEqual(row.args);
    expect(cmd.env).toEqual(row.builder === 'buildkit' ? { DOCKER_BUILDKIT: '1' } : {});
  });

  it('buildkit refuses more than one platform, and says to install buildx', () => {
    expect(() =>
      buildCommand('buildkit', { ...base, platforms: ['linux/amd64', 'linux/arm64'] }, [], 'i', 'm'),
    ).toThrow(/build-platforms lists 2 platforms.*install the buildx plugin/);
  });
});

describe('pushesInBuild', () => {
  it.each([
    [true, 'buildx', false, true],
    [true, 'buildx', true, false], // scan-image: load, scan, then push
    [true, 'buildkit', false, false], // docker build cannot push; docker push follows
    [false, 'buildx', false, false],
  ] as const)('push %s, %s, scanning %s: %s', (push, builder, scanning, expected) => {
    expect(pushesInBuild(push, builder, scanning)).toBe(expected);
  });
});
