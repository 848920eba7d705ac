// Runs after the post step of every action used later in the job: no session folder it made may be left.
import { existsSync } from 'node:fs';

const listed = JSON.parse(process.env['VAULT_SECRETS_SESSIONS'] || '[]');
if (!Array.isArray(listed) || listed.length === 0) {
  console.log('::error::after post: VAULT_SECRETS_SESSIONS lists no session folder: nothing was checked');
  process.exit(1);
}
const left = listed.filter((root) => typeof root !== 'string' || existsSync(root));
if (left.length > 0) {
  console.log(`::error::after post: ${left.length} of ${listed.length} session folder(s) left: ${left.join(', ')}`);
  process.exit(1);
}
console.log(`after post: all ${listed.length} session folder(s) of the job are removed`);
