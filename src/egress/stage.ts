// The egress list's edge: reads what main's config names (and the Dockerfile a build
// pulls from), then sets the `egress` output and says it in the log. The summary shows it
// too (src/report/summary.ts).
import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildConfig, MainConfig } from '../inputs/index.js';
import { inert } from '../output.js';
import { allowedEndpoints, egressOf, type Egress } from './endpoints.js';
import { pulledImages, registryCacheRef } from './images.js';

export function egressStage(config: MainConfig, env: NodeJS.ProcessEnv = process.env): Egress {
  const { vault, docker, guard } = config;
  const build = docker.build;
  const images = build ? buildImages(build) : { refs: [], unknown: [] };
  const gha = build
    ? [
        ...build.cacheFrom.filter((spec) => /(^|,)type=gha(,|$)/.test(spec)),
        ...build.cacheTo.filter((t) => t.type === 'gha').map((t) => t.spec),
      ]
    : [];
  const auth = vault?.auth;
  const egress = egressOf({
    vaultAddr: vault?.connection.addr,
    githubOidc: auth?.method === 'jwt' && auth.jwt === undefined && auth.signing === undefined,
    proxy: vault?.connection.proxy ?? { https: undefined, http: undefined, noProxy: [] },
    logins: docker.logins.map((l) => l.registry),
    images: images.refs,
    cacheService: [...(guard.cache ? ['cache-paths'] : []), ...(gha.length > 0 ? ['build cache type=gha'] : [])],
    env,
  });
  const result = { endpoints: egress.endpoints, unknown: [...images.unknown, ...egress.unknown] };
  if (result.endpoints.length > 0) {
    core.setOutput('egress', allowedEndpoints(result.endpoints));
    core.info(
      inert(
        `Endpoints this job's use of the action needs (harden-runner allowed-endpoints, the egress output): ${result.endpoints.map((e) => `${e.host}:${e.port}`).join(' ')}`,
      ),
    );
  }
  for (const line of result.unknown) core.info(inert(`Egress not named: ${line}.`));
  return result;
}

function buildImages(build: BuildConfig): { refs: { ref: string; why: string }[]; unknown: string[] } {
  const refs: { ref: string; why: string }[] = [];
  const unknown: string[] = [];
  const path = build.file ?? join(build.context, 'Dockerfile');
  try {
    const pulled = pulledImages(readFileSync(path, 'utf8'), new Map(build.args.map((a) => [a.name, a.value])));
    refs.push(...pulled.images.map((ref) => ({ ref, why: 'pull' })));
    unknown.push(...pulled.unresolved.map((ref) => `a build pulls ${ref}, whose registry depends on a variable`));
  } catch (err) {
    unknown.push(
      `the images the build pulls: ${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  for (const context of build.contexts) {
    const value = context.slice(context.indexOf('=') + 1);
    if (value.startsWith('docker-image://'))
      refs.push({ ref: value.slice('docker-image://'.length), why: 'build context' });
  }
  for (const spec of [...build.cacheFrom, ...build.cacheTo.map((t) => t.spec)]) {
    const ref = registryCacheRef(spec);
    if (ref !== undefined) refs.push({ ref, why: 'build cache' });
  }
  if (build.push) refs.push(...build.tags.map((ref) => ({ ref, why: 'push' })));
  return { refs, unknown };
}
