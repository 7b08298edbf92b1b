import { defineConfig } from 'vitest/config';

// No source condition here: these tests import the packages as a consumer would, from dist.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 30_000,
  },
});
