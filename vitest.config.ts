import { defineConfig } from 'vitest/config';
import CountReporter from './test/count-reporter.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // e2e files each start their own Vault dev server on an ephemeral port
    pool: 'forks',
    reporters: ['default', new CountReporter()],
  },
});
