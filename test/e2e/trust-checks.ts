// What the trust-boundary tests check on every step: the runner saw only the commands
// the action meant, and the summary holds no live markup.
import { expect } from 'vitest';
import type { StepResult } from '../runner/job.js';
import { parseCommands } from '../runner/commands.js';

/** Commands the action itself prints; anything else (or any `##[` command) came from outside. */
const MEANT = new Set(['add-mask', 'group', 'endgroup', 'warning', 'error', 'notice', 'debug']);

/** The runner sees only commands the action meant, each a whole `::` line as @actions/core writes it. */
export function expectOnlyMeantCommands(step: StepResult): void {
  for (const c of step.commands) {
    expect(c.parser, `${step.step} line ${c.line}: a ##[ command`).toBe('v2');
    expect(MEANT.has(c.command), `${step.step} line ${c.line}: ::${c.command}`).toBe(true);
    expect(step.stdout.split('\n')[c.line]?.startsWith(`::${c.command}`), `${step.step} line ${c.line}`).toBe(true);
  }
  expect(parseCommands(step.stderr), `${step.step} stderr holds a command`).toEqual([]);
}

/** No payload is live markup in the summary. */
export function expectInertSummary(summary: string): void {
  for (const live of ['<img', '](https', '`code`', '**bold**', '##[', '\n::']) expect(summary).not.toContain(live);
}
