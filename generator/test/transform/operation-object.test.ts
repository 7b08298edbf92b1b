import { describe, expect, it } from 'vitest';
import {
  transformOperationObject,
  type OperationInput,
} from '../../src/transform/operation-object.js';
import { createDocumentContext, type Node } from '../../src/lib/document.js';
import type { OperationModel } from '../../src/model.js';
import { outcome, type TestCase } from '../helpers.js';

const ctx = createDocumentContext({
  components: {
    parameters: {
      Serial: {
        name: 'Wechatpay-Serial',
        in: 'header',
        required: true,
        schema: { type: 'string' },
      },
      Trace: { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
    },
    schemas: {
      Policy: {
        type: 'object',
        properties: {
          names: { type: 'array', items: { type: 'string' }, 'x-wechatpay-encrypted': true },
        },
      },
    },
    examples: {
      Granted: { summary: 'granted', value: { state: 'GRANTED' } },
    },
    responses: {
      Ok: {
        description: 'ok',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Policy' } } },
      },
    },
  },
} as Node);

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const policy = { $ref: '#/components/schemas/Policy' };
const input = (operation: Node, extra: Partial<OperationInput> = {}): OperationInput => ({
  path: '/v3/policies/{no}',
  method: 'POST',
  operation,
  pathParameters: [],
  ...extra,
});

const base: OperationModel = {
  operationId: 'uploadPolicy',
  method: 'POST',
  path: '/v3/policies/{no}',
  successStatus: 200,
  requiredHeaders: [],
  encryptedFields: { request: [], response: [] },
  deprecated: false,
};

const cases: TestCase<OperationInput, OperationModel | { error: RegExp }>[] = [
  [
    'a plain operation',
    {
      given: input({ operationId: 'uploadPolicy', responses: { 200: { description: 'ok' } } }),
      want: base,
    },
  ],
  [
    'documents summary, description and deprecation',
    {
      given: input({
        operationId: 'uploadPolicy',
        summary: '上传保单',
        description: 'Upload.',
        deprecated: true,
        responses: { 200: {} },
      }),
      want: { ...base, summary: '上传保单', description: 'Upload.', deprecated: true },
    },
  ],
  [
    'the one 2xx status, whatever it is',
    {
      given: input({ operationId: 'uploadPolicy', responses: { 204: {}, 400: {}, 500: {} } }),
      want: { ...base, successStatus: 204 },
    },
  ],
  [
    'required header parameters from the operation and its path item',
    {
      given: input(
        {
          operationId: 'uploadPolicy',
          parameters: [{ $ref: '#/components/parameters/Trace' }],
          responses: { 200: {} },
        },
        {
          pathParameters: [
            { $ref: '#/components/parameters/Serial' },
            { name: 'no', in: 'path', required: true },
          ],
        },
      ),
      want: { ...base, requiredHeaders: ['Wechatpay-Serial'] },
    },
  ],
  [
    'an operation parameter overrides the path item one',
    {
      given: input(
        {
          operationId: 'uploadPolicy',
          parameters: [{ name: 'wechatpay-serial', in: 'header', required: false }],
          responses: { 200: {} },
        },
        { pathParameters: [{ $ref: '#/components/parameters/Serial' }] },
      ),
      want: base,
    },
  ],
  [
    'encrypted fields of the request body and the success response',
    {
      given: input({
        operationId: 'uploadPolicy',
        requestBody: json(policy),
        responses: { 200: { $ref: '#/components/responses/Ok' } },
      }),
      want: { ...base, encryptedFields: { request: ['/names/*'], response: ['/names/*'] } },
    },
  ],
  [
    'the success example: the media type `example`',
    {
      given: input({
        operationId: 'uploadPolicy',
        responses: { 200: { content: { 'application/json': { example: { names: ['a'] } } } } },
      }),
      want: { ...base, successExample: { names: ['a'] } },
    },
  ],
  [
    'the success example: else the first of `examples`, following its $ref',
    {
      given: input({
        operationId: 'uploadPolicy',
        responses: {
          200: {
            content: {
              'application/json': {
                examples: {
                  granted: { $ref: '#/components/examples/Granted' },
                  other: { value: { state: 'DENIED' } },
                },
              },
            },
          },
          400: { content: { 'application/json': { example: { code: 'PARAM_ERROR' } } } },
        },
      }),
      want: { ...base, successExample: { state: 'GRANTED' } },
    },
  ],
  [
    'no success example when the spec gives none (or only an externalValue)',
    {
      given: input({
        operationId: 'uploadPolicy',
        responses: {
          200: { content: { 'application/json': { examples: { a: { externalValue: 'x' } } } } },
        },
      }),
      want: base,
    },
  ],
  [
    'needs an operationId',
    {
      given: input({ responses: { 200: {} } }),
      want: { error: /#\/op: operation needs an operationId/ },
    },
  ],
  [
    'needs a 2xx response',
    {
      given: input({ operationId: 'x', responses: { 400: {} } }),
      want: { error: /#\/op\/responses: expected exactly one 2xx response, found none/ },
    },
  ],
  [
    'refuses two 2xx responses',
    {
      given: input({ operationId: 'x', responses: { 200: {}, 204: {} } }),
      want: { error: /found 200, 204/ },
    },
  ],
];

describe('transformOperationObject', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    const got = outcome(() => transformOperationObject(given, { path: '/op', ctx }));
    if ('error' in want) {
      expect(got).toMatchObject({ error: expect.stringMatching(want.error) });
    } else {
      expect(got).toEqual(want);
    }
  });
});
