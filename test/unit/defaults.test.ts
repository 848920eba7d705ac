// Defaults live in action.yml; the readers in src/inputs/ repeat them as fallbacks for an
// empty input (a local run, or a runner that passes ''). Reading with every action.yml
// default given must equal reading with none given, so the two cannot drift apart.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readMainConfig } from '../../src/inputs/index.js';
import { MaskRegistry } from '../../src/mask/registry.js';
import { ROOT } from '../runner/job.js';

const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};
const defaults = Object.fromEntries(
  Object.entries(action.inputs).flatMap(([name, spec]) => (spec.default ? [[name, spec.default]] : [])),
);

const envName = (input: string): string => `INPUT_${input.replace(/ /g, '_').toUpperCase()}`;

function readWith(inputs: Record<string, string>): unknown {
  for (const name of Object.keys(action.inputs)) Reflect.deleteProperty(process.env, envName(name));
  for (const [name, value] of Object.entries(inputs)) process.env[envName(name)] = value;
  return readMainConfig(new MaskRegistry(() => undefined));
}

afterEach(() => {
  for (const name of Object.keys(action.inputs)) Reflect.deleteProperty(process.env, envName(name));
});

// Each case reaches a different set of readers: the kubernetes one reads its token path,
// the build one the build inputs.
const cases: Record<string, Record<string, string>> = {
  token: { 'vault-addr': 'https://vault.example:8200', 'vault-token': 'hvs.example', secrets: 'secret/app pw | PW' },
  kubernetes: {
    'vault-addr': 'https://vault.example:8200',
    'vault-method': 'kubernetes',
    'vault-role': 'ci',
    secrets: 'secret/app pw | PW',
  },
  build: { 'build-context': '.', 'build-tags': 'local/app:1' },
};

describe('action.yml defaults and the code agree', () => {
  it('has defaults to compare', () => {
    expect(Object.keys(defaults).length).toBeGreaterThan(10);
  });
  it.each(Object.entries(cases))('%s: every action.yml default given = no input given', (_, base) => {
    expect(readWith({ ...defaults, ...base })).toEqual(readWith(base));
  });
});
