// The job summary: proof of what happened, with names, sources, sizes: never a value.
import * as core from '@actions/core';
import type { Secret } from '../secret.js';
import type { Delivery } from '../inputs.js';

export interface FetchFacts {
  readonly addr: string;
  readonly method: string;
  readonly paths: number;
  readonly millis: number;
  readonly retries: number;
  readonly leases: number;
  readonly filesDir: string | undefined;
  readonly memoryBacked: boolean;
}

/** Rows of the secrets table. Pure, so tests can check it holds no value. */
export function secretRows(secrets: readonly Secret[], deliveries: ReadonlySet<Delivery>): string[][] {
  const how = [...deliveries].join(', ');
  return secrets.map((s) => [s.name, s.source, how, String(s.bytes)]);
}

export async function writeMainSummary(secrets: readonly Secret[], deliveries: ReadonlySet<Delivery>, facts: FetchFacts): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return;
  const storage = facts.filesDir === undefined ? '' : ` Files are in \`${facts.filesDir}\` (${facts.memoryBacked ? 'memory-backed' : 'on disk; removed by the post step'}).`;
  await core.summary
    .addHeading('Vault secrets', 3)
    .addRaw(
      `${secrets.length} secret(s) from ${facts.paths} path(s) at ${escape(facts.addr)} (auth: ${facts.method}) in ${facts.millis} ms` +
        `${facts.retries > 0 ? `, ${facts.retries} retried request(s)` : ''}${facts.leases > 0 ? `, ${facts.leases} lease(s) to revoke` : ''}.${storage}`,
      true,
    )
    .addTable([
      [
        { data: 'Name', header: true },
        { data: 'Source', header: true },
        { data: 'Delivered as', header: true },
        { data: 'Bytes', header: true },
      ],
      ...secretRows(secrets, deliveries).map((row) => row.map(escape)),
    ])
    .write();
}

export async function writePostSummary(lines: readonly string[]): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return;
  await core.summary.addHeading('Vault secrets: cleanup', 3).addList(lines.map(escape)).write();
}

function escape(text: string): string {
  return text.replace(/[&<>"'|`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
