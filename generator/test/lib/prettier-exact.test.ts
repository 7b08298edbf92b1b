import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { jsonFile } from '../../src/lib/json-file.js';
import { markdownTable } from '../../src/lib/markdown-table.js';

// The generator writes package files as the repository's Prettier would, without loading it:
// each case is checked against Prettier itself with the repository's options.
const OPTIONS = { singleQuote: true, printWidth: 100, trailingComma: 'all' } as const;
const prettier = (text: string, file: string) =>
  format(text, { ...OPTIONS, filepath: `p/${file}` });

describe('jsonFile', () => {
  const values: Record<string, unknown>[] = [
    { extends: '../../tsconfig.base.json', compilerOptions: { types: ['node'] }, include: ['src'] },
    { empty: {}, none: [], flags: [true, null, 2.5], nested: [['a', 'b'], ['c']] },
    { list: [{ a: 1 }, 'b'], deep: { deeper: { files: ['x', 'y'] } } },
  ];
  for (let length = 60; length <= 100; length += 1) {
    values.push({ key: ['x'.repeat(length)], after: 1 });
    values.push({ before: 1, key: ['x'.repeat(length)] });
    values.push({ outer: { key: ['y'.repeat(length - 12), 'z'] } });
  }

  it('prints other JSON files as Prettier does, arrays of plain values inline when they fit', async () => {
    for (const value of values) {
      expect(jsonFile(value, 'turbo.json')).toBe(
        await prettier(JSON.stringify(value, null, 2), 'turbo.json'),
      );
    }
  });

  it('prints package.json expanded, as Prettier does', async () => {
    for (const value of values.slice(0, 3)) {
      expect(jsonFile(value, 'package.json')).toBe(
        await prettier(JSON.stringify(value), 'package.json'),
      );
    }
  });
});

describe('markdownTable', () => {
  it('pads columns as Prettier aligns them, wide characters counting two', async () => {
    const lines = markdownTable(
      ['operation', 'method and path'],
      [
        ['`queryPolicy`', '`GET /v3/inspolicymgr/deduct/policies/{out_insurance_no}`'],
        ['`签约`', '`POST /v3/papay/insurance-sign/contracts`'],
        ['x', 'y'],
      ],
    );
    const text = `# T\n\n${lines.join('\n')}\n`;
    expect(text).toBe(await prettier(text, 'README.md'));
  });
});
