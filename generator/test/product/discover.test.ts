import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findProducts } from '../../src/product/discover.js';
import { pascalCase } from '../../src/product/names.js';

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

/** A repository whose spec/ holds these folders, each with this openapi.yaml text (or none). */
async function repo(folders: Record<string, string | undefined>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'wechatpay-kit-products-'));
  roots.push(root);
  for (const [name, text] of Object.entries(folders)) {
    await mkdir(join(root, 'spec', name), { recursive: true });
    if (text !== undefined) {
      await writeFile(join(root, 'spec', name, 'openapi.yaml'), text);
    }
  }
  return root;
}

const spec = (extra = '') => `openapi: 3.1.0\ninfo:\n  title: T\n  version: 1.0.0\n${extra}`;

describe('pascalCase', () => {
  it.each([
    ['inspolicymgr', 'Inspolicymgr'],
    ['papay-insurance', 'PapayInsurance'],
    ['v3-pay2', 'V3Pay2'],
  ])('%s → %s', (folder, name) => {
    expect(pascalCase(folder)).toBe(name);
  });
});

describe('findProducts', () => {
  it('finds every folder with an openapi.yaml, named from the folder, sorted', async () => {
    const root = await repo({
      'papay-insurance': spec(),
      inspolicymgr: spec(),
      plugins: undefined,
    });
    const products = await findProducts(root);
    expect(
      products.map(({ name, clientName, packageName }) => [name, clientName, packageName]),
    ).toEqual([
      ['inspolicymgr', 'Inspolicymgr', '@wechatpay-kit/inspolicymgr'],
      ['papay-insurance', 'PapayInsurance', '@wechatpay-kit/papay-insurance'],
    ]);
    expect(products[0]?.info).toEqual({ title: 'T', version: '1.0.0' });
  });

  it('takes the names from info.x-wechatpay-kit when given', async () => {
    const root = await repo({
      'papay-insurance': spec(
        '  x-wechatpay-kit:\n    clientName: Papay\n    packageName: "@acme/papay"\n',
      ),
    });
    expect(await findProducts(root)).toMatchObject([
      { name: 'papay-insurance', clientName: 'Papay', packageName: '@acme/papay' },
    ]);
  });

  it('reports every bad folder at once, with file and pointer', async () => {
    const root = await repo({
      Papay_Insurance: spec(),
      untitled: 'openapi: 3.1.0\ninfo: {}\n',
      named: spec('  x-wechatpay-kit:\n    clientName: papay\n'),
    });
    await expect(findProducts(root)).rejects.toThrow(
      [
        'The spec has 3 problems; nothing was written:',
        '  error: spec/Papay_Insurance/openapi.yaml#/: product folder "Papay_Insurance" must be lower-case words joined by "-" (e.g. papay-insurance)',
        '  error: spec/named/openapi.yaml#/info/x-wechatpay-kit/clientName: "papay" must be a PascalCase identifier',
        '  error: spec/untitled/openapi.yaml#/info: needs a title and a version (they name the package and head the code)',
      ].join('\n'),
    );
  });
});
