import { defineConfig } from 'vitest/config';
import { commonTestConfig } from '../vitest.packages.js';

// `pnpm test:github`: the slow proof on GitHub's REST spec, a CI step of its own.
const conditions = ['@wechatpay-kit/source'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: { include: ['test/github/**/*.test.ts'], ...commonTestConfig },
});
