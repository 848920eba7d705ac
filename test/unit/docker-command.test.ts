// The build command line, one row per input shape (as docker/build-push-action's
// context tests do): what each builder gets in argv and in its environment.
import { describe, expect, it } from 'vitest';
import { buildCommand, type SecretSource } from '../../src/docker/command.js';
import { producesImage, pushesInBuild } from '../../src/docker/build.js';
import type { BuildConfig } from '../../src/inputs/index.js';
import { parseDriver, type BuildPlatform } from '../../src/docker/builder.js';
import { csvFields } from '../../src/inputs/build.js';

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
  sbom: undefined,
  check: 'default',
  labels: [],
  annotations: [],
  cacheFrom: [],
  cacheTo: [],
  cacheToUnscanned: false,
  outputs: [],
  load: false,
  noCache: false,
  noCacheFilters: [],
  pull: false,
  network: undefined,
  addHosts: [],
  contexts: [],
  ssh: [],
  outerSecrets: [],
  builderName: undefined,
  shmSize: undefined,
  ulimits: [],
  cgroupParent: undefined,
};
/** The three front doors: plain docker build, buildx on a docker-container builder, buildx on the docker driver. */
const PLATFORMS = {
  buildkit: { builder: 'buildkit', driver: undefined },
  buildx: { builder: 'buildx', driver: 'docker-container' },
  'buildx-docker': { builder: 'buildx', driver: 'docker' },
} as const satisfies Record<string, BuildPlatform>;
type Front = keyof typeof PLATFORMS;
const fileSecret: SecretSource = { id: 'npm', source: { file: '/dev/shm/s/files/NPM_TOKEN' } };
const envSecret: SecretSource = { id: 'gh', source: { env: 'BUILD_SECRET_GH' } };
const IID = ['--iidfile', '/p/iid'];
const BUILDX_TAIL = ['--metadata-file', '/p/meta.json'];

interface Row {
  readonly builder: Front;
  readonly config?: Partial<BuildConfig>;
  readonly secrets?: readonly SecretSource[];
  readonly args: readonly string[];
}

const rows: Record<string, Row> = {
  'buildkit: the context only': { builder: 'buildkit', args: ['build', ...IID, 'app'] },
  'buildx: loads the image: provenance off (a classic image store cannot load an attestation list)': {
    builder: 'buildx',
    args: ['buildx', 'build', ...IID, '--provenance=false', ...BUILDX_TAIL, '--load', 'app'],
  },
  'buildx: push: minimal provenance': {
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
      '--provenance=false',
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
      '--provenance=false',
      ...BUILDX_TAIL,
      '--load',
      'app',
    ],
  },
  'buildx on the docker driver: attestations off (it records none)': {
    builder: 'buildx-docker',
    args: ['buildx', 'build', ...IID, '--provenance=false', ...BUILDX_TAIL, '--load', 'app'],
  },
  'buildx: sbom as asked': {
    builder: 'buildx',
    config: { sbom: 'true' },
    args: ['buildx', 'build', ...IID, '--provenance=false', '--sbom=true', ...BUILDX_TAIL, '--load', 'app'],
  },
  'buildx: labels and annotations': {
    builder: 'buildx',
    config: { labels: ['org.opencontainers.image.title=app', 'team=ci'], annotations: ['manifest:org.x=1'] },
    args: [
      'buildx',
      'build',
      '--label',
      'org.opencontainers.image.title=app',
      '--label',
      'team=ci',
      '--annotation',
      'manifest:org.x=1',
      ...IID,
      '--provenance=false',
      ...BUILDX_TAIL,
      '--load',
      'app',
    ],
  },
  'buildx: cache from and to': {
    builder: 'buildx',
    config: {
      cacheFrom: ['type=local,src=/c/in', 'type=gha'],
      cacheTo: [{ spec: 'type=local,dest=/c/out,mode=max', type: 'local', dest: '/c/out' }],
    },
    args: [
      'buildx',
      'build',
      '--cache-from',
      'type=local,src=/c/in',
      '--cache-from',
      'type=gha',
      '--cache-to',
      'type=local,dest=/c/out,mode=max',
      ...IID,
      '--provenance=false',
      ...BUILDX_TAIL,
      '--load',
      'app',
    ],
  },
  'buildx: outputs replace the default load': {
    builder: 'buildx',
    config: { outputs: [{ spec: 'type=local,dest=/o', type: 'local', dest: '/o' }] },
    args: ['buildx', 'build', ...IID, '--provenance=mode=min', ...BUILDX_TAIL, '--output', 'type=local,dest=/o', 'app'],
  },
  'buildx: outputs and load': {
    builder: 'buildx',
    config: { outputs: [{ spec: 'type=tar,dest=/o.tar', type: 'tar', dest: '/o.tar' }], load: true },
    args: [
      'buildx',
      'build',
      ...IID,
      '--provenance=false',
      ...BUILDX_TAIL,
      '--output',
      'type=tar,dest=/o.tar',
      '--load',
      'app',
    ],
  },
  'buildx: no-cache, filters, pull, network, hosts, shm, ulimit, cgroup': {
    builder: 'buildx',
    config: {
      noCache: true,
      noCacheFilters: ['deps', 'test'],
      pull: true,
      network: 'none',
      addHosts: ['db:127.0.0.1', 'cache:10.0.0.2'],
      shmSize: '1g',
      ulimits: ['nofile=1024:1024'],
      cgroupParent: 'ci',
    },
    args: [
      'buildx',
      'build',
      '--no-cache',
      '--no-cache-filter',
      'deps,test',
      '--pull',
      '--network',
      'none',
      '--add-host',
      'db:127.0.0.1',
      '--add-host',
      'cache:10.0.0.2',
      '--shm-size',
      '1g',
      '--ulimit',
      'nofile=1024:1024',
      '--cgroup-parent',
      'ci',
      ...IID,
      '--provenance=false',
      ...BUILDX_TAIL,
      '--load',
      'app',
    ],
  },
  'buildx: build contexts, ssh and a named builder': {
    builder: 'buildx',
    config: { contexts: ['base=../base', 'tools=docker-image://local/tools:1'], ssh: ['default'], builderName: 'ci' },
    args: [
      'buildx',
      'build',
      '--builder',
      'ci',
      '--ssh',
      'default',
      '--build-context',
      'base=../base',
      '--build-context',
      'tools=docker-image://local/tools:1',
      ...IID,
      '--provenance=false',
      ...BUILDX_TAIL,
      '--load',
      'app',
    ],
  },
  'buildkit: labels, pull, no-cache, network and hosts work without buildx': {
    builder: 'buildkit',
    config: { labels: ['a=b'], pull: true, noCache: true, network: 'host', addHosts: ['db:127.0.0.1'] },
    args: [
      'build',
      '--label',
      'a=b',
      '--no-cache',
      '--pull',
      '--network',
      'host',
      '--add-host',
      'db:127.0.0.1',
      ...IID,
      'app',
    ],
  },
};

describe('buildCommand', () => {
  it.each(Object.entries(rows))('%s', (_, row) => {
    const cmd = buildCommand({
      platform: PLATFORMS[row.builder],
      build: { ...base, ...row.config },
      secrets: row.secrets ?? [],
      iidFile: '/p/iid',
      metadataFile: '/p/meta.json',
    });
    expect(cmd.args).toEqual(row.args);
    expect(cmd.env).toEqual(row.builder === 'buildkit' ? { DOCKER_BUILDKIT: '1' } : {});
  });

  it('buildkit refuses more than one platform, and says to install buildx', () => {
    expect(() =>
      buildCommand({
        platform: PLATFORMS.buildkit,
        build: { ...base, platforms: ['linux/amd64', 'linux/arm64'] },
        secrets: [],
        iidFile: 'i',
        metadataFile: 'm',
      }),
    ).toThrow(/build-platforms lists 2 platforms.*install the buildx plugin/);
  });

  it.each([
    ['build-annotations', { annotations: ['a=b'] }],
    ['build-cache-to', { cacheTo: [{ spec: 'type=inline', type: 'inline', dest: undefined }] }],
    ['build-outputs', { outputs: [{ spec: 'type=local,dest=o', type: 'local', dest: 'o' }] }],
    ['build-contexts', { contexts: ['a=b'] }],
    ['build-sbom', { sbom: 'true' }],
    ['build-builder', { builderName: 'ci' }],
  ] as const)('buildkit refuses %s, which needs buildx', (input, config) => {
    expect(() =>
      buildCommand({
        platform: PLATFORMS.buildkit,
        build: { ...base, ...config },
        secrets: [],
        iidFile: 'i',
        metadataFile: 'm',
      }),
    ).toThrow(new RegExp(`^${input} needs buildx`));
  });
});

describe('buildx inspect and export specs', () => {
  it('reads the driver from `docker buildx inspect`', () => {
    expect(parseDriver('Name:          default\nDriver:        docker\nLast Activity: x\n')).toBe('docker');
    expect(parseDriver('Name: ci\nDriver: docker-container\n')).toBe('docker-container');
    expect(parseDriver('garbage')).toBe('unknown');
  });
  it('splits buildx CSV, quotes kept together', () => {
    expect([...csvFields('type=local,dest="/a,b",mode=max')]).toEqual([
      ['type', 'local'],
      ['dest', '/a,b'],
      ['mode', 'max'],
    ]);
    expect(csvFields('inline').get('type')).toBe('inline');
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

describe('producesImage (buildx refuses --iidfile for file-only exports)', () => {
  const local = { spec: 'type=local,dest=o', type: 'local', dest: 'o' } as const;
  const tar = { spec: 'type=tar,dest=o.tar', type: 'tar', dest: 'o.tar' } as const;
  const oci = { spec: 'type=oci,dest=o.tar', type: 'oci', dest: 'o.tar' } as const;
  it.each([
    ['no outputs: the image is loaded', [], false, false, 'buildx', true],
    ['local and tar only', [local, tar], false, false, 'buildx', false],
    ['local plus load', [local], true, false, 'buildx', true],
    ['local plus push', [local], false, true, 'buildx', true],
    ['an oci image tarball', [oci], false, false, 'buildx', true],
    ['plain docker build always', [local], false, false, 'buildkit', true],
  ] as const)('%s', (_, outputs, load, push, builder, expected) => {
    expect(producesImage({ outputs, load, push }, builder)).toBe(expected);
  });
});
