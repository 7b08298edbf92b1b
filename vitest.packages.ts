/**
 * The Vitest settings every published package shares: tests import the workspace packages
 * from source (the `@wechatpay-kit/source` export condition), and `*.test-d.ts` files are
 * type tests. Plain data, so it needs no import from this root folder.
 */
export const packageTestConfig = {
  resolve: { conditions: ['@wechatpay-kit/source'] },
  ssr: { resolve: { conditions: ['@wechatpay-kit/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    // turbo runs every package's tests at once on CI's 2 cores; crypto-heavy tests slow down.
    testTimeout: 30_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
};
