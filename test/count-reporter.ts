// Ends every run with one plain line, `Tests: N passed, N failed, N skipped`, that CI
// and people can read without knowing vitest's own format.
import type { Reporter, TestModule } from 'vitest/node';

export default class CountReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') count.passed++;
        else if (state === 'failed') count.failed++;
        else count.skipped++;
      }
      // A failure outside any test (a file that cannot load, a beforeAll or afterAll
      // that throws) leaves its tests skipped or uncollected: count it as a failure.
      for (const suite of [module, ...module.children.allSuites()]) count.failed += suite.errors().length;
    }
    process.stdout.write(`\nTests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`);
  }
}
