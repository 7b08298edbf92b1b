import { defineConfig } from 'vitest/config';
import { commonTestConfig } from '../vitest.packages.js';

export default defineConfig({
  test: { include: ['test/**/*.test.ts'], ...commonTestConfig },
});
