import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * Files that must not run beside others: they restart the PostgreSQL server every file's database is on,
 * or share this machine's Redis (rate-limit counters, pub/sub channels) between processes.
 */
const ALONE = ['test/reliability/**/*.test.ts', 'test/cluster/**/*.test.ts', 'test/jobs/worker-kill.test.ts'];

export default defineConfig({
  resolve: {
    // type-graphql loads graphql through require(); the tests must use that same (CommonJS) copy.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Two files at a time (one per core), each with its own database copied from the run's templates;
    // modules are loaded once per worker (no file keeps state in a module: each opens its own database
    // and server).
    maxWorkers: 2,
    isolate: false,
    projects: [
      {
        extends: true,
        test: { name: 'suite', include: ['test/**/*.test.ts'], exclude: ALONE, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'alone', include: ALONE, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
