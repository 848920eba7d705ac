// The run's identity as the runner sets it for the audit-header tests (dev server and OpenBao),
// and the header the README documents for it, spelled out by hand rather than by the module.

/** What the runner sets, with a job name built to split or forge a header if it went out raw. */
export const RUN_ENV = {
  GITHUB_REPOSITORY: 'octo-org/octo-repo',
  GITHUB_WORKFLOW_REF: 'octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/feat;run_id=1 x',
  GITHUB_RUN_ID: '9876543210',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_JOB: 'build; run_id=666\r\nX-Vault-Token: forged%0d ünï',
  GITHUB_EVENT_NAME: 'push',
};

/** The header as the README documents it, spelled out by hand (not by the module under test). */
export const RUN_HEADER_VALUE =
  'repository=octo-org/octo-repo; ' +
  'workflow_ref=octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/feat%3Brun_id%3D1%20x; ' +
  'run_id=9876543210; run_attempt=2; ' +
  'job=build%3B%20run_id%3D666%0D%0AX-Vault-Token:%20forged%250d%20%C3%BCn%C3%AF; ' +
  'event=push';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The summary's request id lines: `operation path: id`. */
export function summaryIds(summary: string): { operation: string; path: string; id: string }[] {
  return [...summary.matchAll(/<li>(login|read|list|write|delete) ([^<]*?): ([^<]*)<\/li>/g)].map((m) => ({
    operation: m[1] ?? '',
    path: m[2] ?? '',
    id: m[3] ?? '',
  }));
}
