/**
 * Settings every Vitest project here shares.
 * - The time limits are a safety net against a hung test, far above what any test needs even on
 *   a busy machine: no test waits on the clock, so slow is never a failure.
 * - `isolate: false`: a project's test files share one module cache, so TypeScript, ts-morph,
 *   MSW and Ajv load once per worker instead of once per file (over a third of the tests' CPU
 *   time). Tests therefore restore what they change (timers, stubs, servers), and every file
 *   passes alone.
 */
export const commonTestConfig = { testTimeout: 60_000, hookTimeout: 60_000, isolate: false };

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
    ...commonTestConfig,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
};
