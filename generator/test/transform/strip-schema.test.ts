import { describe, expect, it } from 'vitest';
import { strip } from '../../src/transform/strip-schema.js';
import type { TestCase } from '../helpers.js';

const cases: TestCase<unknown, unknown>[] = [
  [
    'drops documentation and x- keys',
    {
      given: { type: 'string', description: 'd', example: 'e', 'x-enum-varnames': ['A'] },
      want: { type: 'string' },
    },
  ],
  [
    'keeps a field called description',
    {
      given: { properties: { description: { type: 'string', description: 'd' } } },
      want: { properties: { description: { type: 'string' } } },
    },
  ],
  [
    'recurses into arrays and subschemas',
    {
      given: { allOf: [{ if: { title: 't', required: ['a'] } }] },
      want: { allOf: [{ if: { required: ['a'] } }] },
    },
  ],
  [
    'keeps refs and content keywords',
    {
      given: { $ref: '#/components/schemas/X', contentSchema: { $ref: '#/a' } },
      want: { $ref: '#/components/schemas/X', contentSchema: { $ref: '#/a' } },
    },
  ],
];

describe('strip', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(strip(given)).toEqual(want);
  });
});
