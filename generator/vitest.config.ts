import { defineConfig } from 'vitest/config';
import { commonTestConfig } from '../vitest.packages.js';

// Workspace packages (core's JSON-pointer helpers) from source: tests need no build of core.
const conditions = ['@wechatpay-kit/source'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['test/**/*.test.ts'],
    // The GitHub spec test is slow: `pnpm test:github` runs it (vitest.github.config.ts).
    exclude: ['test/github/**', '**/node_modules/**'],
    ...commonTestConfig,
  },
});
