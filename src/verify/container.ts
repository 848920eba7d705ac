// Reading from a container through the docker CLI, bounded: `docker cp CONTAINER:PATH -`
// streams the file as a tar archive into memory (never to disk, never printed), stopped
// at `maxBytes` and after `timeoutMs`. docker cp reads the container's file system from
// the daemon, so it needs no `cat` in the image, works on a stopped container, and a
// FIFO or a device comes back as a header with no data instead of a read that blocks.
// `follow` (-L) resolves a link the way docker does: inside the container's root.
import { spawn } from 'node:child_process';
import { childEnv } from '../child-env.js';
import { docker, reason } from '../docker/cli.js';

export type CopyResult =
  | { readonly status: 'ok'; readonly stream: Buffer }
  | { readonly status: 'missing' }
  | { readonly status: 'failed'; readonly reason: string };

export interface CopyOptions {
  readonly follow: boolean;
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

export async function copyOut(container: string, path: string, opts: CopyOptions): Promise<CopyResult> {
  const result = await copy(container, path, opts);
  // docker says "No such container:path" for a missing container too: tell the two apart
  if (result.status !== 'missing') return result;
  const exists = await docker(['container', 'inspect', '--format', '{{.Id}}', container]);
  return exists.exitCode === 0 ? result : { status: 'failed', reason: `no such container: ${reason(exists)}` };
}

function copy(container: string, path: string, { follow, timeoutMs, maxBytes }: CopyOptions) {
  return new Promise<CopyResult>((resolve) => {
    const args = ['cp', ...(follow ? ['-L'] : []), `${container}:${path}`, '-'];
    const child = spawn('docker', args, { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let stopped: string | undefined;
    const stop = (why: string): void => {
      stopped ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(`no answer within ${timeoutMs / 1000} s`), timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      // keep the first maxBytes (headers and the start of the data): enough to tell "larger"
      if (size < maxBytes) chunks.push(d.subarray(0, maxBytes - size));
      size += d.length;
      if (size >= maxBytes) stop('size');
    });
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 4096) stderr += d.toString('utf8');
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ status: 'failed', reason: err.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const stream = Buffer.concat(chunks);
      if (stopped === 'size') resolve({ status: 'ok', stream });
      else if (stopped !== undefined) resolve({ status: 'failed', reason: stopped });
      else if (code === 0) resolve({ status: 'ok', stream });
      else if (/No such container:path|Could not find the file/i.test(stderr)) resolve({ status: 'missing' });
      else resolve({ status: 'failed', reason: stderr.trim().split('\n')[0] || `docker cp exit code ${code}` });
    });
  });
}

/** The container's environment values (docker inspect): for a warning when a secret is there too. */
export async function containerEnv(container: string): Promise<{ name: string; value: string }[]> {
  const run = await docker(['inspect', '--format', '{{json .Config.Env}}', container]);
  if (run.exitCode !== 0) throw new Error(`docker inspect ${container}: ${reason(run)}`);
  const env: unknown = JSON.parse(run.stdout.trim() || '[]');
  return (Array.isArray(env) ? env : [])
    .filter((e): e is string => typeof e === 'string')
    .map((e) => ({ name: e.split('=')[0] ?? '', value: e.slice(e.indexOf('=') + 1) }));
}

/** The container's image history (docker history --no-trunc): every layer's command and comment, as one text. */
export async function imageHistory(container: string): Promise<string> {
  const image = await docker(['inspect', '--format', '{{.Image}}', container]);
  if (image.exitCode !== 0) throw new Error(`docker inspect ${container}: ${reason(image)}`);
  const run = await docker(['history', '--no-trunc', '--format', '{{.CreatedBy}} {{.Comment}}', image.stdout.trim()]);
  if (run.exitCode !== 0) throw new Error(`docker history: ${reason(run)}`);
  return run.stdout;
}
