// Windows: POSIX modes mean nothing there (Node's chmod only toggles the read-only bit),
// so the session folder gets an ACL instead: inheritance cut, full control for the
// runner user and SYSTEM only, inherited by every file and folder made inside it later
// (secrets, templates, state, DOCKER_CONFIG). SYSTEM stays because it can read every
// file anyway and the docker engine and antivirus run as it; Administrators get no entry
// (an administrator can still take ownership: that is Windows' limit, said in README).
// argv holds only the path and the user's SID or name, never a value.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { errorMessage } from '../errors.js';

/** SYSTEM, as icacls takes a SID (`*S-...`): the same in every language. */
export const SYSTEM_SID = 'S-1-5-18';

/** The runner user as icacls names it: a SID (from `whoami /user`) or DOMAIN\user. */
export type Principal = { readonly sid: string } | { readonly name: string };

/** The SID in `whoami /user /fo csv /nh` output (`"domain\user","S-1-5-21-..."`), if there is one. Pure. */
export function parseWhoamiSid(output: string): string | undefined {
  const m = /"(S-1-\d+(?:-\d+)+)"\s*$/m.exec(output.trim());
  return m?.[1];
}

/** USERDOMAIN\USERNAME from the environment, when whoami gives no SID. Pure. */
export function principalFromEnv(env: NodeJS.ProcessEnv): Principal | undefined {
  const user = env['USERNAME'];
  if (!user) return undefined;
  return { name: env['USERDOMAIN'] ? `${env['USERDOMAIN']}\\${user}` : user };
}

/**
 * `icacls DIR /inheritance:r /grant:r USER:(OI)(CI)F *S-1-5-18:(OI)(CI)F`. The path must be
 * a drive or UNC path: anything else (`/x`, `-x`, relative) icacls could read as a switch
 * or resolve against another folder. Pure.
 */
export function icaclsArgs(dir: string, principal: Principal): string[] {
  if (!/^(?:[A-Za-z]:\\|\\\\[^\\]+\\[^\\]+)/.test(dir))
    throw new Error(`icacls: "${dir}" is not an absolute Windows path (drive letter or UNC).`);
  const who = 'sid' in principal ? `*${principal.sid}` : principal.name;
  if (who.includes(':') || who.startsWith('/')) throw new Error(`icacls: "${who}" is not a user name.`);
  return [dir, '/inheritance:r', '/grant:r', `${who}:(OI)(CI)F`, `*${SYSTEM_SID}:(OI)(CI)F`];
}

/** The I/O edge: who runs this step, then icacls. A failure fails the step before any secret is written. */
export function restrictToRunnerUser(dir: string): void {
  const principal = currentPrincipal();
  const args = icaclsArgs(resolve(dir), principal);
  try {
    execFileSync('icacls', args, { windowsHide: true, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const out = err as { stdout?: string; stderr?: string };
    const reason = `${out.stderr ?? ''} ${out.stdout ?? ''}`.trim() || errorMessage(err);
    throw new Error(
      `could not restrict the session folder ${dir} to the runner user with icacls (${reason}); without that ACL other users of this machine could read the secrets: give the runner user full control of ${resolve(dir, '..')}, or set files-base-dir to a folder it owns.`,
      { cause: err },
    );
  }
}

function currentPrincipal(): Principal {
  let sid: string | undefined;
  try {
    sid = parseWhoamiSid(
      execFileSync('whoami', ['/user', '/fo', 'csv', '/nh'], { windowsHide: true, encoding: 'utf8' }),
    );
  } catch {
    sid = undefined; // the name from the environment below
  }
  const principal = sid ? { sid } : principalFromEnv(process.env);
  if (principal === undefined)
    throw new Error('could not tell which user runs this step (whoami /user failed and USERNAME is not set).');
  return principal;
}
