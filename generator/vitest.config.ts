import { defineConfig } from 'vitest/config';
import { commonTestConfig } from '../vitest.packages.js';

// Workspace packages (core's JSON-pointer helpers) from source, as bin/generate.js reads them.
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
