import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { packageTestConfig } from '../../vitest.packages.js';

/**
 * `MSW_FROM=<folder>` (relative to this package) runs the tests against the msw installed in that folder instead of the
 * devDependency (msw 2): CI runs them again with msw 3 from `msw3/` (see `.ci/run`), and the type
 * tests then check against its types (`tsconfig.msw3.json`).
 */
const from = process.env.MSW_FROM;

export default defineConfig(from ? withMswFrom(resolve(from)) : packageTestConfig);

function withMswFrom(folder: string) {
  const require = createRequire(resolve(folder, 'package.json'));
  const entry = (specifier: string) => ({
    find: new RegExp(`^${specifier}$`),
    replacement: require.resolve(specifier),
  });
  return {
    ...packageTestConfig,
    resolve: { ...packageTestConfig.resolve, alias: [entry('msw'), entry('msw/node')] },
    test: {
      ...packageTestConfig.test,
      typecheck: { ...packageTestConfig.test.typecheck, tsconfig: './tsconfig.msw3.json' },
    },
  };
}
