// Test runner configuration: every test file gets its own database (see server/test/support/database.ts).
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql instance for the code and for the tests ("Cannot use GraphQLObjectType from another realm").
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['common/**/*.test.ts', 'sdk/**/*.test.ts', 'server/**/*.test.ts'],
    setupFiles: ['server/test/support/setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
