import { describe, expect, it } from 'vitest';
import { collectEncryptedFields } from '../../src/transform/encrypted-fields.js';
import { contextWithSchemas, type TestCase } from '../helpers.js';

const secret = { type: 'string', 'x-wechatpay-encrypted': true };
const schemas = {
  Holder: { type: 'object', properties: { id_number: secret, name: { type: 'string' } } },
  Plain: { type: 'object', properties: { child: { $ref: '#/components/schemas/Plain' } } },
  Tree: { type: 'object', properties: { child: { $ref: '#/components/schemas/Tree' }, secret } },
};

const cases: TestCase<unknown, string[]>[] = [
  [
    'no marked fields',
    { given: { type: 'object', properties: { a: { type: 'string' } } }, want: [] },
  ],
  [
    'a marked string property',
    { given: { type: 'object', properties: { secret } }, want: ['/secret'] },
  ],
  [
    'a marked array means each element',
    {
      given: {
        type: 'object',
        properties: {
          insured_name_list: {
            type: 'array',
            items: { type: 'string' },
            'x-wechatpay-encrypted': true,
          },
        },
      },
      want: ['/insured_name_list/*'],
    },
  ],
  [
    'through $ref and array items',
    {
      given: {
        type: 'object',
        properties: { holders: { type: 'array', items: { $ref: '#/components/schemas/Holder' } } },
      },
      want: ['/holders/*/id_number'],
    },
  ],
  [
    'through allOf, anyOf and oneOf',
    {
      given: {
        allOf: [{ properties: { a: secret } }],
        anyOf: [{ properties: { b: secret } }],
        oneOf: [{ properties: { c: secret } }],
      },
      want: ['/a', '/b', '/c'],
    },
  ],
  ['escapes pointer tokens', { given: { properties: { 'a/b~c': secret } }, want: ['/a~1b~0c'] }],
  [
    'recursion without encrypted fields is fine',
    { given: { $ref: '#/components/schemas/Plain' }, want: [] },
  ],
  ['a marked root string', { given: secret, want: [''] }],
];

describe('collectEncryptedFields', () => {
  it('refuses encrypted fields under a recursive schema rather than miss some', () => {
    const walk = () =>
      collectEncryptedFields({ $ref: '#/components/schemas/Tree' }, contextWithSchemas(schemas), {
        path: '/x',
      });
    expect(walk).toThrow(
      /#\/x: x-wechatpay-encrypted fields are not supported in a recursive schema/,
    );
  });

  it.each(cases)('%s', (_name, { given, want }) => {
    expect(collectEncryptedFields(given, contextWithSchemas(schemas), { path: '/x' })).toEqual(
      want,
    );
  });
});
