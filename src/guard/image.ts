// A docker image as the leak guard sees it: `docker save` streamed (every layer, the
// image config with its history and build args) without touching the disk.
import { spawn } from 'node:child_process';
import type { Scanner } from './scanner.js';

export async function scanImage(scanner: Scanner, image: string, env: Record<string, string>): Promise<void> {
  const child = spawn('docker', ['save', image], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const closed = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  await scanner.scanStream(`image ${image}`, child.stdout);
  const code = await closed;
  if (code !== 0) throw new Error(`docker save ${image} failed: ${stderr.trim().split('\n')[0] ?? `exit ${code}`}`);
}
