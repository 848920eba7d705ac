// Running the docker CLI. Values never go in argv: a password goes on stdin, a build
// secret as a file path (or, when asked, in the child's environment).
import * as exec from '@actions/exec';
import { childEnv } from '../child-env.js';
import { inert } from '../output.js';
import { EOL } from 'node:os';

export interface DockerRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface DockerOptions {
  /** Written to docker's stdin (docker login --password-stdin). */
  readonly input?: Buffer;
  /** Added to the environment docker runs in. */
  readonly env?: Record<string, string>;
  /** false shows docker's output in the step log (builds), made inert line by line; true keeps it for messages. */
  readonly silent?: boolean;
}

export async function docker(args: readonly string[], opts: DockerOptions = {}): Promise<DockerRun> {
  try {
    // docker's output quotes Dockerfile lines, build output and registry replies: never let
    // @actions/exec copy it to stdout raw, where a line could be read as a workflow command
    const echo = (line: string): void => void process.stdout.write(`${inert(line)}${EOL}`);
    return await exec.getExecOutput('docker', [...args], {
      ...(opts.input !== undefined ? { input: opts.input } : {}),
      env: childEnv(opts.env),
      ignoreReturnCode: true,
      silent: true,
      ...(opts.silent === false ? { listeners: { stdline: echo, errline: echo } } : {}),
    });
  } catch (err) {
    if (err instanceof Error && err.message.includes('Unable to locate executable file')) {
      throw new Error(
        'docker is not installed or not on PATH: install the Docker CLI and engine on the runner, or remove the registry and build inputs.',
        { cause: err },
      );
    }
    throw err;
  }
}

/** The first lines of docker's complaint, for an error message (callers redact it). */
export function reason(run: DockerRun): string {
  const text = (run.stderr.trim() || run.stdout.trim())
    .split('\n')
    .filter((l) => !/^WARNING!|credential helper|credentials-store|^\s*$/i.test(l));
  return text.slice(0, 3).join(' ').trim() || `exit code ${run.exitCode}`;
}
