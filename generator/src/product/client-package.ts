import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../target.js';
import type { Product } from './discover.js';

type Json = Record<string, unknown>;

let pins: Record<string, string> | undefined;

/** Versions the generated packages pin, the same as the runtime package's own. */
function corePins(): Record<string, string> {
  if (!pins) {
    const path = join(REPO_ROOT, 'packages/core/package.json');
    const core = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, string>>;
    pins = { ...core.dependencies, ...core.devDependencies };
  }
  return pins;
}

function pin(name: string): string {
  const version = corePins()[name];
  if (version === undefined) {
    throw new Error(`packages/core/package.json pins no ${name}`);
  }
  return version;
}

/** An export of the built package, read from source in the workspace. */
function entry(source: string, built: string): Json {
  return {
    '@wechatpay-kit/source': `./${source}.ts`,
    types: `./${built}.d.ts`,
    default: `./${built}.js`,
  };
}

/**
 * The fields of a client package's package.json the generator owns. Others (version, a
 * changelog's fields, …) belong to the release tooling and survive regeneration.
 */
export function clientManifestFields(product: Product): Json {
  return {
    name: product.packageName,
    description: `Typed client for ${product.info.title}, generated from its OpenAPI spec.`,
    keywords: ['wechatpay', 'wechat-pay', 'apiv3', product.name, 'openapi', 'openapi-fetch'],
    license: 'MIT',
    type: 'module',
    sideEffects: false,
    engines: { node: '>=20.19' },
    files: ['dist', 'src', '!src/**/*.test.ts', 'README.md', 'LICENSE'],
    exports: { '.': entry('src/index', 'dist/index'), './package.json': './package.json' },
    publishConfig: { access: 'public' },
    scripts: {
      generate: `wechatpay-kit-generate --product ${product.name}`,
      build: 'tsc -p tsconfig.build.json',
      typecheck: 'tsc -p tsconfig.json',
      api: 'node ../../scripts/api-report.mjs',
      test: 'vitest run --passWithNoTests',
    },
    dependencies: {
      '@wechatpay-kit/core': 'workspace:*',
      'openapi-fetch': pin('openapi-fetch'),
    },
    devDependencies: {
      '@types/node': pin('@types/node'),
      '@wechatpay-kit/generator': 'workspace:*',
      typescript: pin('typescript'),
      vitest: pin('vitest'),
    },
  };
}

/**
 * The package.json text: the generated fields over the existing ones, in the existing order
 * (new fields last); a new package starts at version 0.1.0.
 */
export function syncedManifest(existing: Json | undefined, fields: Json): Json {
  const base = existing ?? { name: fields.name, version: '0.1.0' };
  return { ...base, ...fields };
}

/** A package's tsconfig.json: sources and tests, type-checked, no output. */
export const TSCONFIG = {
  extends: '../../tsconfig.base.json',
  compilerOptions: { noEmit: true, types: ['node'] },
  include: ['src', 'test'],
};

/** A package's tsconfig.build.json: `src/` to `dist/`, read as a consumer would (no source condition). */
export const TSCONFIG_BUILD = {
  extends: '../../tsconfig.base.json',
  compilerOptions: {
    rootDir: 'src',
    outDir: 'dist',
    stripInternal: true,
    customConditions: [],
    types: [],
  },
  include: ['src'],
  exclude: ['src/**/*.test.ts'],
};

/** The package files written whole (not package.json, merged; not src/index.ts, written once). */
export const WHOLE_PACKAGE_FILES = [
  'README.md',
  'LICENSE',
  'tsconfig.json',
  'tsconfig.build.json',
  'vitest.config.ts',
];

/**
 * The package's turbo.json: its `generate` task hashes its own spec folder (on top of the
 * generator's inputs) and caches what it writes whole: both generated folders, the client's and
 * the mock's, and the package files, so a cache hit restores any of them edited by hand.
 */
export function turboConfig(product: Product): Json {
  return {
    $schema: 'https://turborepo.com/schema.json',
    extends: ['//'],
    tasks: {
      generate: {
        inputs: ['$TURBO_EXTENDS$', `$TURBO_ROOT$/spec/${product.name}/**`],
        outputs: [
          '$TURBO_EXTENDS$',
          ...WHOLE_PACKAGE_FILES,
          `$TURBO_ROOT$/packages/mock/src/generated/${product.name}/**`,
        ],
      },
    },
  };
}

/** `vitest.config.ts`: the workspace's shared test setup. */
export const VITEST_CONFIG = `import { defineConfig } from 'vitest/config';
import { packageTestConfig } from '../../vitest.packages.js';

export default defineConfig(packageTestConfig);
`;

/** `src/index.ts`, written once: the generated API plus the runtime's errors and helpers. */
export const CLIENT_INDEX = `export * from './generated/index.js';
export {
  BACKUP_BASE_URL,
  DEFAULT_BASE_URL,
  WechatpayApiError,
  WechatpayConfigError,
  WechatpayDecryptionError,
  WechatpayEncryptionError,
  WechatpayError,
  WechatpayNetworkError,
  WechatpayResponseTooLargeError,
  WechatpayTimeoutError,
  WechatpayVerificationError,
  notificationFailure,
  notificationSuccess,
  toApiError,
  toResponse,
  type NotificationInput,
  type NotificationOptions,
  type NotificationReply,
  type RetryOptions,
  type VerificationFailure,
  type WechatpayErrorBody,
  type WechatpayErrorCode,
  type WechatpayErrorDetail,
} from '@wechatpay-kit/core';
`;
