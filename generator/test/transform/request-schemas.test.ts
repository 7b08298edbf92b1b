import { describe, expect, it } from 'vitest';
import { strip, transformRequestSchemas } from '../../src/transform/request-schemas.js';
import { createDocumentContext, type Node } from '../../src/lib/document.js';
import type { OperationModel } from '../../src/model.js';
import type { TestCase } from '../helpers.js';

const stripCases: TestCase<unknown, unknown>[] = [
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

const operation = (overrides: Partial<OperationModel>): OperationModel => ({
  operationId: 'op',
  method: 'PATCH',
  path: '/v3/things/{id}',
  successStatus: 200,
  requiredHeaders: ['Wechatpay-Serial'],
  encryptedFields: { request: [], response: [] },
  deprecated: false,
  ...overrides,
});

describe('strip', () => {
  it.each(stripCases)('%s', (_name, { given, want }) => {
    expect(strip(given)).toEqual(want);
  });
});

describe('transformRequestSchemas', () => {
  const ctx = createDocumentContext({
    paths: {
      '/v3/things/{id}': {
        parameters: [{ $ref: '#/components/parameters/Id' }],
        patch: {
          parameters: [
            { name: 'Wechatpay-Serial', in: 'header', required: true, schema: { type: 'string' } },
          ],
          requestBody: {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
        },
        get: {},
      },
    },
    components: {
      parameters: {
        Id: {
          name: 'id',
          in: 'path',
          required: true,
          description: 'd',
          schema: { type: 'string', maxLength: 32 },
        },
      },
      schemas: {
        Thing: { type: 'object', description: 'A thing.', properties: { n: { type: 'integer' } } },
      },
    },
  } as Node);

  it('gives path parameters as an object schema, required headers and the body schema', () => {
    const got = transformRequestSchemas(ctx, [
      operation({}),
      operation({ operationId: 'get', method: 'GET', requiredHeaders: [] }),
    ]);
    expect(got.schemaDocument).toEqual({
      components: {
        schemas: { Thing: { type: 'object', properties: { n: { type: 'integer' } } } },
      },
    });
    expect(got.requests).toEqual({
      op: {
        path: {
          type: 'object',
          required: ['id'],
          properties: { id: { type: 'string', maxLength: 32 } },
        },
        headers: ['Wechatpay-Serial'],
        body: { $ref: '#/components/schemas/Thing' },
      },
      get: {
        path: {
          type: 'object',
          required: ['id'],
          properties: { id: { type: 'string', maxLength: 32 } },
        },
        headers: [],
        body: null,
      },
    });
  });
});
