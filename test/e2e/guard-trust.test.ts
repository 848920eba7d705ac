// The guard step's output from hostile workspace names (issue 15 §9): its summary lines
// (the paths it scanned, the SARIF path) are shown as text, never markup; and the SARIF
// redaction hides a whole value when a shorter form of it (a JSON leaf) lies inside it, and
// an annotation names such a file in its (masked) message only, never in its properties.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Job } from '../runner/job.js';
import { findIn } from '../runner/leaks.js';

let job: Job;
beforeEach(() => {
  job = new Job();
});
afterEach(() => {
  job.dispose();
});

const MARKUP = '<img src=x onerror=alert(1)> **bold** [link](https://evil.example) |cell| `code`';

describe('guard step, hostile workspace names', () => {
  it('summary lines quote the scanned folder and the SARIF path as text, never markup', async () => {
    const value = 'guard-value-0123456789';
    const dir = join(job.workspace, `out ${MARKUP}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.txt'), `x ${value} y\n`);
    const sarif = join(job.workspace, `report ${MARKUP}.sarif`);
    const guard = await job.guard(
      { paths: dir, 'values-from-env': 'V', 'on-leak': 'warn', 'sarif-file': sarif },
      { env: { V: value } },
    );
    expect(guard.exitCode, guard.stdout).toBe(0);
    expect(job.summary).toContain('<h3>Leak guard</h3>');
    expect(job.summary).toContain('leak guard: SARIF written to');
    for (const raw of ['<img', '**bold**', '[link]', '(https://evil.example)', '|cell|', '`code`'])
      expect(job.summary, raw).not.toContain(raw);
    expect(job.summary).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(findIn(job.summary, value)).toEqual([]);
  });

  it('SARIF: a file named after a JSON value is redacted whole, not only the leaf inside it', async () => {
    // the leaf is a form of its own, inside the value's span; `4821` is too short to be one
    const value = '{"k":"leafvalue123","pin":4821}';
    const file = join(job.workspace, `dump-${value}.txt`);
    writeFileSync(file, value);
    const sarif = join(job.dir, 'guard.sarif');
    const guard = await job.guard(
      { paths: job.workspace, 'values-from-env': 'V', 'on-leak': 'warn', 'sarif-file': sarif },
      { env: { V: value } },
    );
    expect(guard.exitCode, guard.stdout).toBe(0);
    const text = readFileSync(sarif, 'utf8');
    const log = JSON.parse(text) as {
      runs: {
        results: {
          message: { text: string };
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    const results = log.runs[0]?.results ?? [];
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.message.text).toContain('dump-***.txt');
      expect(r.locations[0]?.physicalLocation.artifactLocation.uri).toMatch(/dump-\*\*\*\.txt$/);
    }
    expect(text).not.toContain('4821');
    expect(text).not.toContain('leafvalue123');
    // the runner masks an annotation's message, not its properties: no `file=` naming the value
    const annotations = guard.commands.filter(
      (c) => c.command === 'warning' && c.properties['title'] === 'Leaked secret',
    );
    expect(annotations.length).toBeGreaterThan(0);
    for (const a of annotations) expect(JSON.stringify(a.properties)).not.toContain('leafvalue123');
    expect(findIn(guard.stdout, value)).toEqual([]);
  });
});
