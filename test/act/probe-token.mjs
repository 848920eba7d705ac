// Proves the token is live during the job (lookup-self succeeds with the delivered
// token file) and, with PROBE_DIR set, leaves its accessor there (an id, not the token)
// for test/act/act.test.ts to ask OpenBao about after post. Plain JavaScript: act runs
// it with the node on PATH.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const token = readFileSync(process.env.VAULT_TOKEN_FILE ?? '', 'utf8').trim();
const reply = await globalThis.fetch(`${process.env.VAULT_ADDR}/v1/auth/token/lookup-self`, {
  headers: { 'X-Vault-Token': token },
});
const body = await reply.json();
if (reply.status !== 200) throw new Error(`lookup-self: HTTP ${reply.status}`);
if (process.env.PROBE_DIR) writeFileSync(join(process.env.PROBE_DIR, 'accessor'), body.data.accessor);
console.log(`token live: ttl ${body.data.ttl} s, policies ${body.data.policies.join(',')}`);
