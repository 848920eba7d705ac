// docker login through stdin only, into the job's DOCKER_CONFIG. Each registry that
// accepted the login is saved to state at once, so post logs out of exactly those.
import * as core from '@actions/core';
import type { Credential, RegistryLogin } from '../inputs/index.js';
import type { MaskRegistry } from '../mask/registry.js';
import type { Secret } from '../secret.js';
import { saveRegistries } from '../state.js';
import { docker, reason } from './cli.js';
import { inertMessage } from '../output.js';
import { errorMessage } from '../errors.js';

export async function loginAll(
  logins: readonly RegistryLogin[],
  secrets: ReadonlyMap<string, Secret>,
  masks: MaskRegistry,
  env: Record<string, string>,
): Promise<string[]> {
  const done: string[] = [];
  for (const login of logins) {
    const username = resolve(login.username, secrets, `registry ${login.registry} username`);
    const password = resolve(login.password, secrets, `registry ${login.registry} password`);
    // docker writes base64("user:password") to config.json: mask it before it exists.
    masks.addBasicAuth(`docker auth for ${login.registry}`, username, password);
    await core.group(`docker login ${login.registry}`, async () => {
      // The username has to go in argv (docker login has no other way); it is masked
      // in the log like any fetched value. The password only ever goes on stdin.
      const run = await docker(['login', login.registry, '--username', username, '--password-stdin'], {
        input: Buffer.from(password, 'utf8'),
        env,
      });
      if (run.exitCode !== 0) {
        throw new Error(
          `docker login to ${login.registry} failed: ${masks.redact(reason(run))}. Check the username and password for that registry.`,
        );
      }
      core.info(`Logged in to ${login.registry}.`);
    });
    done.push(login.registry);
    saveRegistries(done);
  }
  return done;
}

function resolve(credential: Credential, secrets: ReadonlyMap<string, Secret>, what: string): string {
  if ('literal' in credential) return credential.literal;
  const secret = secrets.get(credential.secret);
  if (!secret) {
    const known = [...secrets.keys()];
    throw new Error(
      `${what} names the secret ${credential.secret}, which was not fetched${known.length ? ` (fetched: ${known.join(', ')})` : ''}: add it to secrets.`,
    );
  }
  return secret.reveal();
}

/** Post: log out of every registry main logged in to; a failure is a warning. */
export async function logoutAll(registries: readonly string[], env: Record<string, string>): Promise<string[]> {
  const lines: string[] = [];
  for (const registry of registries) {
    try {
      const run = await docker(['logout', registry], { env });
      if (run.exitCode === 0) lines.push(`logged out of ${registry}`);
      else core.warning(inertMessage(`docker logout ${registry} failed: ${reason(run)}`));
    } catch (err) {
      core.warning(inertMessage(`docker logout ${registry}: ${errorMessage(err)}`));
    }
  }
  return lines;
}
