import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type TypeScript from 'typescript';

/*
 * The generator's one TypeScript compiler: the copy ts-morph bundles (9 MB, which
 * @ts-morph/common loads by a relative require). openapi-typescript requires the `typescript`
 * package, a second copy; its module cache entry is pointed at ts-morph's copy before it loads,
 * so the compiler is read and compiled once. Loaded by `require`: importing it as an ES module
 * runs cjs-module-lexer over every byte to find its export names (measured 1.2 s against 0.4 s).
 */
const require = createRequire(import.meta.url);

const tsMorphCompiler = join(
  dirname(createRequire(require.resolve('ts-morph')).resolve('@ts-morph/common')),
  'typescript.js',
);
const openapiTypescriptCompiler = createRequire(require.resolve('openapi-typescript')).resolve(
  'typescript',
);

/**
 * The TypeScript API, the same objects ts-morph and openapi-typescript build with; typed as the
 * `typescript` package that openapi-typescript's declarations name (5.9; the runtime is 6.0).
 */
export const ts = require(tsMorphCompiler) as typeof TypeScript;
require.cache[openapiTypescriptCompiler] = require.cache[tsMorphCompiler];
