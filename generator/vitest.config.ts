import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests start the generator in a child process, a few seconds each on 2 cores.
    testTimeout: 30_000,
  },
});
