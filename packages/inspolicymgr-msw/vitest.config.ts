import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@wechatpay-kit/source'] },
  ssr: { resolve: { conditions: ['@wechatpay-kit/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
