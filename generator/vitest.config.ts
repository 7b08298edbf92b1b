import { defineConfig } from 'vitest/config';

// Workspace packages (core's JSON-pointer helpers) from source, as bin/generate.js reads them.
const conditions = ['@wechatpay-kit/source'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests start the generator in a child process, a few seconds each on 2 cores.
    testTimeout: 30_000,
  },
});
