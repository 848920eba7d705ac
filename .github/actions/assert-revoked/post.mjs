// Runs after the post step of every action used later in the job: every token created
// since main, and every lease under lease-prefix, must be gone.
import { leases, tokens } from './vault.mjs';

const before = new Set((process.env['STATE_tokens'] ?? '').split(',').filter(Boolean));
const alive = (await tokens()).filter((t) => !before.has(t));
const open = await leases();
if (alive.length > 0 || open.length > 0) {
  console.log(`::error::after post: ${alive.length} token(s) created during the job and ${open.length} lease(s) still alive`);
  process.exit(1);
}
console.log('after post: every token created during the job is revoked and no lease is left');
