// The job summary: proof of what happened, with names, sources, sizes: never a value.
import * as core from '@actions/core';
import type { Secret } from '../secret.js';
import type { Delivery } from '../inputs/index.js';
import type { FetchFacts } from '../vault/stage.js';
import type { DockerFacts } from '../docker/stage.js';
import { builderName } from '../docker/builder.js';
import { summaryText } from '../output.js';
import { storageNote } from '../deliver/storage.js';
import { requestIdLine, type RequestId } from '../vault/request-ids.js';
import type { Change, RefreshOutcome } from '../refresh/stage.js';
import { allowedEndpoints, type Egress } from '../egress/endpoints.js';

export interface MainReport {
  readonly secrets: readonly Secret[];
  readonly deliveries: ReadonlySet<Delivery>;
  readonly vault: FetchFacts | undefined;
  readonly docker: DockerFacts | undefined;
  readonly filesDir: string | undefined;
  readonly memoryBacked: boolean;
  /** How many forms were registered as masks (values, lines, JSON leaves, encodings, credentials). */
  readonly masks: number;
  /** The renewal helper, if main started one, and what will end before vault-renew-for. */
  readonly renewal?: { readonly lines: readonly string[]; readonly warnings: readonly string[] } | undefined;
  /** The endpoints the job's use of the action needs (src/egress/). */
  readonly egress?: Egress | undefined;
  /** What later steps got as the Vault token (a child token, or the login token), when it is delivered. */
  readonly tokenLine?: string | undefined;
}

/** Rows of the secrets table. Pure, so tests can check it holds no value. */
export function secretRows(secrets: readonly Secret[], deliveries: ReadonlySet<Delivery>): string[][] {
  const how = [...deliveries].join(', ');
  return secrets.map((s) => [s.name, s.source, how, String(s.bytes)]);
}

export async function writeMainSummary(report: MainReport): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return;
  const summary = core.summary.addHeading('Vault secrets', 3);
  const { vault, docker } = report;
  // First, so a job that will outlive its credentials says so before anything else.
  for (const warning of report.renewal?.warnings ?? []) summary.addRaw(`<p>⚠️ ${escape(warning)}</p>`, true);
  if (vault) {
    const storage =
      report.filesDir === undefined
        ? ''
        : ` Files are in <code>${escape(report.filesDir)}</code> (${escape(storageNote(report.memoryBacked, process.platform))}).`;
    summary.addRaw(
      `${report.secrets.length} secret(s) from ${vault.paths} path(s) at ${escape(vault.addr)} (auth: ${vault.method}) in ${vault.millis} ms` +
        `${vault.retries > 0 ? `, ${vault.retries} retried request(s)` : ''}${vault.leases > 0 ? `, ${vault.leases} lease(s) to revoke` : ''}.${storage}` +
        ` ${report.masks} mask(s) registered (values, lines, JSON leaves, encodings, credentials), each before any line that could hold it.`,
      true,
    );
    summary.addTable([
      ['Name', 'Source', 'Delivered as', 'Bytes'].map((data) => ({ data, header: true })),
      ...secretRows(report.secrets, report.deliveries).map((row) => row.map(escape)),
    ]);
  }
  if (report.tokenLine) summary.addRaw(`<p>${escape(report.tokenLine)}</p>`, true);
  if (vault) addRequestIds(summary, vault.requestIds);
  if (report.renewal && report.renewal.lines.length > 0) summary.addList(report.renewal.lines.map(escape));
  if (docker) {
    const lines = docker.registries.map((r) => `logged in to ${escape(r)} (DOCKER_CONFIG ${escape(docker.configDir)})`);
    if (docker.build) {
      lines.push(
        `built ${escape(docker.build.imageId ?? 'exports only')} with ${builderName(docker.build.builder)}${docker.build.digest ? `, pushed as ${escape(docker.build.digest)}` : ''}`,
      );
    }
    summary.addHeading('Docker', 4).addList(lines);
  }
  if (report.egress) addEgress(summary, report.egress);
  await summary.write();
}

/** The egress list as harden-runner's allowed-endpoints takes it, then what each endpoint is for. */
function addEgress(summary: typeof core.summary, egress: Egress): void {
  if (egress.endpoints.length === 0 && egress.unknown.length === 0) return;
  summary.addHeading('Egress', 4);
  if (egress.endpoints.length > 0) {
    summary.addRaw(
      `<p>${egress.endpoints.length} endpoint(s) this job's use of the action connects to from the runner, for StepSecurity harden-runner's <code>allowed-endpoints</code> (also the <code>egress</code> output):</p>`,
      true,
    );
    // one entry per line, ready to paste (no entry is empty, so no blank line ends the HTML block)
    summary.addRaw(`<pre>${allowedEndpoints(egress.endpoints).split('\n').map(escape).join('\n')}</pre>`, true);
  }
  summary.addList([
    ...egress.endpoints.map((e) => escape(`${e.host}:${e.port}: ${e.why}`)),
    ...egress.unknown.map((u) => escape(`not named: ${u}`)),
  ]);
}

/** Cleanup (logout, revocation, shredding, cache) and, when it ran, the leak guard's findings. */
export async function writePostSummary(cleanup: readonly string[], guard: readonly string[]): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return;
  const summary = core.summary.addHeading('Vault secrets: cleanup', 3).addList(cleanup.map(escape));
  if (guard.length > 0) summary.addHeading('Leak guard', 4).addList(guard.map(escape));
  await summary.write();
}

/** The most request ids listed: a folder of thousands of secrets keeps the summary readable. */
export const MAX_REQUEST_IDS = 1000;

/**
 * `login auth/approle/login: <id>`, one a request, cut at MAX_REQUEST_IDS. The login first, then by
 * path: concurrent reads answer in any order, and a reader looks a path up. Pure, for tests.
 */
export function requestIdLines(ids: readonly RequestId[]): string[] {
  const ordered = [...ids].sort(
    (a, b) => Number(a.operation !== 'login') - Number(b.operation !== 'login') || a.path.localeCompare(b.path, 'en'),
  );
  const lines = ordered.slice(0, MAX_REQUEST_IDS).map(requestIdLine);
  if (ids.length > MAX_REQUEST_IDS) lines.push(`and ${ids.length - MAX_REQUEST_IDS} more request(s)`);
  return lines;
}

/** The request ids, after a line saying where to look them up; nothing when there are none. */
function addRequestIds(summary: typeof core.summary, ids: readonly RequestId[]): void {
  if (ids.length === 0) return;
  summary.addRaw("<p>Vault request ids (each is an entry's <code>request.id</code> in Vault's audit log):</p>", true);
  summary.addList(requestIdLines(ids).map(escape));
}

/** Names, sources, paths and addresses are untrusted text: shown as text, never as markup. */
const escape = summaryText;
/** The guard step's findings (paths, names, forms, counts: never a value). */
export async function writeGuardSummary(lines: readonly string[]): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return;
  await core.summary.addHeading('Leak guard', 3).addList(lines.map(escape)).write();
}

/** The verify step's lines (container and file names, states, byte counts: never a value). */
export async function writeVerifySummary(lines: readonly string[]): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return;
  await core.summary.addHeading('Verify', 3).addList(lines.map(escape)).write();
}

/** One changed secret: name, source, KV versions, bytes, lease (never a value). */
export function changeLine(c: Change): string {
  const [from, to] = c.versions;
  const version =
    to === undefined ? '' : from === undefined || c.added ? `, version ${to}` : `, version ${from} -> ${to}`;
  return `${c.added ? 'added' : 'changed'} ${c.name} (${c.source}${version}, ${c.bytes} bytes${c.rotated ? ', new lease' : ''})`;
}

/** The refresh step's report: what changed, by name. */
export async function writeRefreshSummary(outcome: RefreshOutcome): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return;
  const summary = core.summary
    .addHeading('Vault secrets: refresh', 3)
    .addRaw(
      `${outcome.fetched} secret(s) fetched again, ${outcome.changes.length} changed` +
        `${outcome.leasesRevoked > 0 ? `, ${outcome.leasesRevoked} superseded lease(s) revoked` : ''}.`,
      true,
    );
  if (outcome.changes.length > 0) summary.addList(outcome.changes.map((c) => escape(changeLine(c))));
  addRequestIds(summary, outcome.requestIds);
  await summary.write();
}
