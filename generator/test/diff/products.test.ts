import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findProducts } from '../../src/diff/products.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wechatpay-kit-products-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function specFolder(files: string[]): Promise<string> {
  const spec = await mkdtemp(join(dir, 'spec-'));
  for (const file of files) {
    await mkdir(join(spec, file, '..'), { recursive: true });
    await writeFile(join(spec, file), 'openapi: 3.1.0\n');
  }
  return spec;
}

it('finds every spec/<product>/openapi.yaml, sorted, and not folders without one', async () => {
  const spec = await specFolder(['papay/openapi.yaml', 'bank/openapi.yaml', 'plugins/rules.js']);
  expect([...(await findProducts(spec))]).toEqual([
    ['bank', join(spec, 'bank/openapi.yaml')],
    ['papay', join(spec, 'papay/openapi.yaml')],
  ]);
});

it('reads spec/openapi.yaml as inspolicymgr; a folder of that name wins', async () => {
  const flat = await specFolder(['openapi.yaml', 'paths/a.yaml']);
  expect([...(await findProducts(flat))]).toEqual([['inspolicymgr', join(flat, 'openapi.yaml')]]);
  const both = await specFolder(['openapi.yaml', 'inspolicymgr/openapi.yaml']);
  expect([...(await findProducts(both))]).toEqual([
    ['inspolicymgr', join(both, 'inspolicymgr/openapi.yaml')],
  ]);
});

it('a missing spec folder has no products', async () => {
  expect(await findProducts(join(dir, 'none'))).toEqual(new Map());
});
