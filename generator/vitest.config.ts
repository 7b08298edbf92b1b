import { defineConfig } from 'vitest/config';
import { commonTestConfig } from '../vitest.packages.js';

// Workspace packages (core's JSON-pointer helpers) from source, as bin/generate.js reads them.
const conditions = ['@wechatpay-kit/source'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: { include: ['test/**/*.test.ts'], ...commonTestConfig },
});
