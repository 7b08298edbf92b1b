import { defineConfig } from 'vitest/config';
import { commonTestConfig } from '../vitest.packages.js';

// Workspace packages (core's JSON-pointer helpers) from source: tests need no build of core.
const conditions = ['@wechatpay-kit/source'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: { include: ['test/**/*.test.ts'], ...commonTestConfig },
});
