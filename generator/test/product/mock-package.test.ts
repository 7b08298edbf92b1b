import { describe, expect, it } from 'vitest';
import type { Product } from '../../src/product/discover.js';
import { syncedManifest } from '../../src/product/client-package.js';
import { syncedMockManifest } from '../../src/product/mock-package.js';

const product = (name: string): Product => ({
  name,
  specPath: `/repo/spec/${name}/openapi.yaml`,
  clientName: name,
  packageName: `@wechatpay-kit/${name}`,
  info: { title: name, version: '1' },
});

const entry = (folder: string) => ({
  '@wechatpay-kit/source': `./src/${folder}/index.ts`,
  types: `./dist/${folder}/index.d.ts`,
  default: `./dist/${folder}/index.js`,
});

describe('syncedMockManifest', () => {
  it('gives each product a subpath (its plug-in when it has one) and a dependency', () => {
    const existing = {
      name: '@wechatpay-kit/mock',
      exports: {
        '.': entry('x').default,
        './gone': entry('generated/gone'),
        './package.json': './package.json',
      },
      dependencies: { ajv: '8.20.0' },
    };
    const synced = syncedMockManifest(
      existing,
      [product('a'), product('b')],
      (name) => name === 'b',
    );
    expect(synced.exports).toEqual({
      '.': './dist/x/index.js',
      './a': entry('generated/a'),
      './b': entry('products/b'),
      './package.json': './package.json',
    });
    expect(Object.keys(synced.exports as object)).toEqual(['.', './a', './b', './package.json']);
    expect(synced.dependencies).toEqual({
      '@wechatpay-kit/a': 'workspace:*',
      '@wechatpay-kit/b': 'workspace:*',
      ajv: '8.20.0',
    });
  });
});

describe('syncedManifest', () => {
  it('overwrites the generated fields in place and keeps the others', () => {
    const existing = { name: 'old', version: '2.0.0', description: 'old', changelog: 'x' };
    const synced = syncedManifest(existing, { name: 'new', description: 'new', type: 'module' });
    expect(synced).toEqual({
      name: 'new',
      version: '2.0.0',
      description: 'new',
      changelog: 'x',
      type: 'module',
    });
    expect(Object.keys(synced)).toEqual(['name', 'version', 'description', 'changelog', 'type']);
  });

  it('starts a new package at version 0.1.0', () => {
    expect(syncedManifest(undefined, { name: 'new' })).toEqual({ name: 'new', version: '0.1.0' });
  });
});
