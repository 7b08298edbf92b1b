import { defineConfig } from 'vitest/config';
import { commonTestConfig } from '../vitest.packages.js';

// No source condition here: these tests import the packages as a consumer would, from dist.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    ...commonTestConfig,
  },
});
