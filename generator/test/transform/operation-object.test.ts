import { describe, expect, it } from 'vitest';
import { joinPointer } from '@wechatpay-kit/core/internal';
import { transformOperationObject } from '../../src/transform/operation-object.js';
import { createTransformContext } from '../../src/transform/context.js';
import type { Node } from '../../src/lib/document.js';
import type { OperationModel } from '../../src/model.js';
import { outcome, type TestCase } from '../helpers.js';

const components = {
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
  responses: {
    Ok: {
      description: 'ok',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Policy' } } },
    },
  },
};

const PATH = '/v3/policies/{no}';

/** A context at `/paths/<PATH>/<method>` of a document with that operation and its path item. */
function contextOf(operation: Node, pathParameters: unknown[] = [], method = 'post') {
  const document = {
    paths: { [PATH]: { parameters: pathParameters, [method]: operation } },
    components,
  } as Node;
  return createTransformContext(document, { pointer: joinPointer('/paths', PATH, method) });
}

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const policy = { $ref: '#/components/schemas/Policy' };
type Given = { operation: Node; pathParameters?: unknown[]; method?: string };
const input = (operation: Node, extra: Omit<Given, 'operation'> = {}): Given => ({
  operation,
  ...extra,
});

const base: OperationModel = {
  operationId: 'uploadPolicy',
  name: 'uploadPolicy',
  method: 'POST',
  path: PATH,
  successStatus: 200,
  requiredHeaders: [],
  encryptedFields: { request: [], response: [] },
  request: { path: null, headers: [], body: null },
  deprecated: false,
};

const cases: TestCase<Given, { value: OperationModel; problems?: string[] }>[] = [
  [
    'a plain operation',
    {
      given: input({ operationId: 'uploadPolicy', responses: { 200: { description: 'ok' } } }),
      want: { value: base },
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
      want: { value: { ...base, summary: '上传保单', description: 'Upload.', deprecated: true } },
    },
  ],
  [
    'the one 2xx status, whatever it is',
    {
      given: input({ operationId: 'uploadPolicy', responses: { 204: {}, 400: {}, 500: {} } }),
      want: { value: { ...base, successStatus: 204 } },
    },
  ],
  [
    'several 2xx statuses: the lowest is the default answer',
    {
      given: input({ operationId: 'uploadPolicy', responses: { 204: {}, 201: {}, 400: {} } }),
      want: { value: { ...base, successStatus: 201 } },
    },
  ],
  [
    'no 2xx status: 200',
    {
      given: input({ operationId: 'uploadPolicy', responses: { 302: {}, 404: {} } }),
      want: { value: base },
    },
  ],
  [
    'an operationId that is no identifier gets a method name that is one',
    {
      given: input({ operationId: 'meta/root', responses: { 200: {} } }),
      want: { value: { ...base, operationId: 'meta/root', name: 'metaRoot' } },
    },
  ],
  [
    'no operationId: named from the method and path',
    {
      given: input({ responses: { 200: {} } }),
      want: {
        value: { ...base, operationId: 'post/v3/policies/{no}', name: 'postV3PoliciesNo' },
      },
    },
  ],
  [
    'a HEAD operation',
    {
      given: input({ operationId: 'probe', responses: { 200: {} } }, { method: 'head' }),
      want: { value: { ...base, operationId: 'probe', name: 'probe', method: 'HEAD' } },
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
            { name: 'no', in: 'path', required: true, schema: { type: 'string', maxLength: 8 } },
          ],
        },
      ),
      want: {
        value: {
          ...base,
          requiredHeaders: ['Wechatpay-Serial'],
          request: {
            path: {
              type: 'object',
              required: ['no'],
              properties: { no: { type: 'string', maxLength: 8 } },
            },
            headers: ['Wechatpay-Serial'],
            body: null,
          },
        },
      },
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
      want: { value: base },
    },
  ],
  [
    'encrypted fields of the request body and every 2xx response, and the body schema stripped',
    {
      given: input({
        operationId: 'uploadPolicy',
        requestBody: json(policy),
        responses: { 200: { $ref: '#/components/responses/Ok' }, 201: json({ type: 'object' }) },
      }),
      want: {
        value: {
          ...base,
          encryptedFields: { request: ['/names/*'], response: ['/names/*'] },
          request: { path: null, headers: [], body: policy },
        },
      },
    },
  ],
  [
    'an encrypted-field mark no pointer can express is reported',
    {
      given: input({
        operationId: 'uploadPolicy',
        requestBody: json({
          properties: { list: { contains: { type: 'string', 'x-wechatpay-encrypted': true } } },
        }),
        responses: { 200: {} },
      }),
      want: {
        value: {
          ...base,
          request: {
            path: null,
            headers: [],
            body: { properties: { list: { contains: { type: 'string' } } } },
          },
        },
        problems: [
          '(bundled spec)#/paths/~1v3~1policies~1{no}/post/requestBody/content/application~1json/schema/properties/list/contains: x-wechatpay-encrypted under "contains" at /list cannot be expressed as a field pointer: the elements it applies to are only known by validating them; declare the field under "items" or "prefixItems"',
        ],
      },
    },
  ],
];

describe('transformOperationObject', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    const context = contextOf(given.operation, given.pathParameters, given.method);
    expect(outcome(context, () => transformOperationObject(given.operation, context))).toEqual({
      problems: [],
      ...want,
    });
  });
});
