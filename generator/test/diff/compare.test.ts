import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../src/diff/compare.js';
import type { ApiChange } from '../../src/diff/model.js';
import type { Node } from '../../src/lib/document.js';
import type { TestCase } from '../helpers.js';

/** A document with `POST /v1/policies` (`uploadPolicy`), made of the given operation fields. */
function api(operation: Node, extra: Node = {}): Node {
  return {
    openapi: '3.1.0',
    info: { title: 'Test', version: '1' },
    paths: { '/v1/policies': { post: { operationId: 'uploadPolicy', ...operation } } },
    ...extra,
  };
}

const object = (properties: Node, required: string[] = []): Node => ({
  type: 'object',
  required,
  properties,
});
const body = (schema: Node, required = true): Node => ({
  requestBody: { required, content: { 'application/json': { schema } } },
  responses: { '204': { description: 'Stored.' } },
});
const answer = (schema: Node): Node => ({
  responses: { '200': { description: 'OK.', content: { 'application/json': { schema } } } },
});
const query = (parameter: Node): Node => ({
  parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' }, ...parameter }],
  responses: { '204': { description: 'OK.' } },
});
const string = { type: 'string' };

type Want = Pick<ApiChange, 'kind' | 'breaking'> & { field?: string };
const cases: TestCase<{ before: Node; after: Node }, Want[]>[] = [
  ['no change', { given: { before: api(body(string)), after: api(body(string)) }, want: [] }],
  [
    'operation added',
    {
      given: { before: { openapi: '3.1.0', paths: {} }, after: api(body(string)) },
      want: [{ kind: 'operation-added', breaking: false }],
    },
  ],
  [
    'operation removed',
    {
      given: { before: api(body(string)), after: { openapi: '3.1.0', paths: {} } },
      want: [{ kind: 'operation-removed', breaking: true }],
    },
  ],
  [
    'operationId changed: the generated method is renamed',
    {
      given: { before: api(body(string)), after: api({ ...body(string), operationId: 'upload' }) },
      want: [{ kind: 'operation-id-changed', breaking: true }],
    },
  ],
  [
    'optional request field added',
    {
      given: { before: api(body(object({}))), after: api(body(object({ a: string }))) },
      want: [{ kind: 'field-added', field: 'request.body.a', breaking: false }],
    },
  ],
  [
    'required request field added',
    {
      given: { before: api(body(object({}))), after: api(body(object({ a: string }, ['a']))) },
      want: [{ kind: 'field-added', field: 'request.body.a', breaking: true }],
    },
  ],
  [
    'request field removed',
    {
      given: { before: api(body(object({ a: string }))), after: api(body(object({}))) },
      want: [{ kind: 'field-removed', field: 'request.body.a', breaking: true }],
    },
  ],
  [
    'required response field added',
    {
      given: { before: api(answer(object({}))), after: api(answer(object({ a: string }, ['a']))) },
      want: [{ kind: 'field-added', field: 'response.200.body.a', breaking: false }],
    },
  ],
  [
    'response field removed, reported once for a whole object',
    {
      given: {
        before: api(
          answer(object({ a: object({ b: string, c: { type: 'array', items: string } }) })),
        ),
        after: api(answer(object({}))),
      },
      want: [{ kind: 'field-removed', field: 'response.200.body.a', breaking: true }],
    },
  ],
  [
    'request body added as required',
    {
      given: {
        before: api({ responses: { '204': { description: 'OK.' } } }),
        after: api(body(string)),
      },
      want: [{ kind: 'field-added', field: 'request.body', breaking: true }],
    },
  ],
  [
    'request body becomes optional',
    {
      given: { before: api(body(string)), after: api(body(string, false)) },
      want: [{ kind: 'required-changed', field: 'request.body', breaking: false }],
    },
  ],
  [
    'request field becomes required',
    {
      given: {
        before: api(body(object({ a: string }))),
        after: api(body(object({ a: string }, ['a']))),
      },
      want: [{ kind: 'required-changed', field: 'request.body.a', breaking: true }],
    },
  ],
  [
    'request field becomes optional',
    {
      given: {
        before: api(body(object({ a: string }, ['a']))),
        after: api(body(object({ a: string }))),
      },
      want: [{ kind: 'required-changed', field: 'request.body.a', breaking: false }],
    },
  ],
  [
    'response field becomes optional',
    {
      given: {
        before: api(answer(object({ a: string }, ['a']))),
        after: api(answer(object({ a: string }))),
      },
      want: [{ kind: 'required-changed', field: 'response.200.body.a', breaking: true }],
    },
  ],
  [
    'response field becomes required',
    {
      given: {
        before: api(answer(object({ a: string }))),
        after: api(answer(object({ a: string }, ['a']))),
      },
      want: [{ kind: 'required-changed', field: 'response.200.body.a', breaking: false }],
    },
  ],
  [
    'request type widened (integer → number)',
    {
      given: { before: api(body({ type: 'integer' })), after: api(body({ type: 'number' })) },
      want: [{ kind: 'type-changed', field: 'request.body', breaking: false }],
    },
  ],
  [
    'request type narrowed (string or null → string)',
    {
      given: { before: api(body({ type: ['string', 'null'] })), after: api(body(string)) },
      want: [{ kind: 'type-changed', field: 'request.body', breaking: true }],
    },
  ],
  [
    'request type narrowed (OpenAPI 3.0 nullable dropped)',
    {
      given: { before: api(body({ type: 'string', nullable: true })), after: api(body(string)) },
      want: [{ kind: 'type-changed', field: 'request.body', breaking: true }],
    },
  ],
  [
    'response type changed (string → integer)',
    {
      given: { before: api(answer(string)), after: api(answer({ type: 'integer' })) },
      want: [{ kind: 'type-changed', field: 'response.200.body', breaking: true }],
    },
  ],
  [
    'response type narrowed (number → integer)',
    {
      given: { before: api(answer({ type: 'number' })), after: api(answer({ type: 'integer' })) },
      want: [{ kind: 'type-changed', field: 'response.200.body', breaking: false }],
    },
  ],
  [
    'request format added',
    {
      given: { before: api(body(string)), after: api(body({ ...string, format: 'date-time' })) },
      want: [{ kind: 'format-changed', field: 'request.body', breaking: true }],
    },
  ],
  [
    'request format removed',
    {
      given: { before: api(body({ ...string, format: 'date-time' })), after: api(body(string)) },
      want: [{ kind: 'format-changed', field: 'request.body', breaking: false }],
    },
  ],
  [
    'response format added',
    {
      given: { before: api(answer(string)), after: api(answer({ ...string, format: 'date' })) },
      want: [{ kind: 'format-changed', field: 'response.200.body', breaking: false }],
    },
  ],
  [
    'response format changed',
    {
      given: {
        before: api(answer({ ...string, format: 'date' })),
        after: api(answer({ ...string, format: 'date-time' })),
      },
      want: [{ kind: 'format-changed', field: 'response.200.body', breaking: true }],
    },
  ],
  [
    'enum value added to a request',
    {
      given: { before: api(body({ enum: ['A'] })), after: api(body({ enum: ['A', 'B'] })) },
      want: [{ kind: 'enum-value-added', field: 'request.body', breaking: false }],
    },
  ],
  [
    'enum value added to a response: exhaustive switches break',
    {
      given: { before: api(answer({ enum: ['A'] })), after: api(answer({ enum: ['A', 'B'] })) },
      want: [{ kind: 'enum-value-added', field: 'response.200.body', breaking: true }],
    },
  ],
  [
    'known value added to an open list (x-extensible-enum) in a response',
    {
      given: {
        before: api(answer({ ...string, 'x-extensible-enum': ['A'] })),
        after: api(answer({ ...string, 'x-extensible-enum': ['A', 'B'] })),
      },
      want: [{ kind: 'enum-value-added', field: 'response.200.body', breaking: false }],
    },
  ],
  [
    'enum value removed from a request',
    {
      given: { before: api(body({ enum: ['A', 'B'] })), after: api(body({ enum: ['A'] })) },
      want: [{ kind: 'enum-value-removed', field: 'request.body', breaking: true }],
    },
  ],
  [
    'enum value removed from a response',
    {
      given: { before: api(answer({ enum: ['A', 'B'] })), after: api(answer({ enum: ['A'] })) },
      want: [{ kind: 'enum-value-removed', field: 'response.200.body', breaking: false }],
    },
  ],
  [
    'const in a request is a one-value enum',
    {
      given: { before: api(body({ const: 'A' })), after: api(body({ const: 'B' })) },
      want: [
        { kind: 'enum-value-added', field: 'request.body', breaking: false },
        { kind: 'enum-value-removed', field: 'request.body', breaking: true },
      ],
    },
  ],
  [
    'request limited to listed values',
    {
      given: { before: api(body(string)), after: api(body({ ...string, enum: ['A'] })) },
      want: [{ kind: 'enum-restricted', field: 'request.body', breaking: true }],
    },
  ],
  [
    'response enum opened (enum → x-extensible-enum)',
    {
      given: {
        before: api(answer({ ...string, enum: ['A'] })),
        after: api(answer({ ...string, 'x-extensible-enum': ['A'] })),
      },
      want: [{ kind: 'enum-unrestricted', field: 'response.200.body', breaking: true }],
    },
  ],
  [
    'request field becomes encrypted',
    {
      given: {
        before: api(body(object({ name: string }))),
        after: api(body(object({ name: { ...string, 'x-wechatpay-encrypted': true } }))),
      },
      want: [{ kind: 'encrypted-changed', field: 'request.body.name', breaking: true }],
    },
  ],
  [
    'response array stops being encrypted',
    {
      given: {
        before: api(
          answer(
            object({ names: { type: 'array', items: string, 'x-wechatpay-encrypted': true } }),
          ),
        ),
        after: api(answer(object({ names: { type: 'array', items: string } }))),
      },
      want: [{ kind: 'encrypted-changed', field: 'response.200.body.names', breaking: true }],
    },
  ],
  [
    'optional parameter added',
    {
      given: {
        before: api(query({ name: 'offset' })),
        after: api({
          ...query({}),
          parameters: [
            { name: 'offset', in: 'query', schema: { type: 'integer' } },
            { name: 'limit', in: 'query', schema: { type: 'integer' } },
          ],
        }),
      },
      want: [{ kind: 'parameter-added', field: 'request.query.limit', breaking: false }],
    },
  ],
  [
    'required parameter added',
    {
      given: {
        before: api({ responses: { '204': { description: 'OK.' } } }),
        after: api(query({ required: true })),
      },
      want: [{ kind: 'parameter-added', field: 'request.query.limit', breaking: true }],
    },
  ],
  [
    'parameter removed',
    {
      given: {
        before: api(query({})),
        after: api({ responses: { '204': { description: 'OK.' } } }),
      },
      want: [{ kind: 'parameter-removed', field: 'request.query.limit', breaking: true }],
    },
  ],
  [
    'parameter becomes required, and its type changes',
    {
      given: { before: api(query({})), after: api(query({ required: true, schema: string })) },
      want: [
        { kind: 'required-changed', field: 'request.query.limit', breaking: true },
        { kind: 'type-changed', field: 'request.query.limit', breaking: true },
      ],
    },
  ],
  [
    'path-level parameters count, and an operation-level one overrides them',
    {
      given: {
        before: {
          openapi: '3.1.0',
          paths: {
            '/v1/p/{id}': {
              parameters: [{ name: 'id', in: 'path', required: true, schema: string }],
              get: { operationId: 'get', responses: { '204': { description: 'OK.' } } },
            },
          },
        },
        after: {
          openapi: '3.1.0',
          paths: {
            '/v1/p/{id}': {
              parameters: [{ name: 'id', in: 'path', required: true, schema: string }],
              get: {
                operationId: 'get',
                parameters: [
                  { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
                ],
                responses: { '204': { description: 'OK.' } },
              },
            },
          },
        },
      },
      want: [{ kind: 'type-changed', field: 'request.path.id', breaking: true }],
    },
  ],
  [
    'success response added: the success body becomes a union',
    {
      given: {
        before: api(answer(string)),
        after: api({
          responses: { ...(answer(string).responses as Node), '201': { description: 'New.' } },
        }),
      },
      want: [{ kind: 'response-added', field: 'response.201', breaking: true }],
    },
  ],
  [
    'error response added and removed',
    {
      given: {
        before: api({
          responses: { '204': { description: 'OK.' }, '404': { description: 'No.' } },
        }),
        after: api({ responses: { '204': { description: 'OK.' }, '409': { description: 'No.' } } }),
      },
      want: [
        { kind: 'response-removed', field: 'response.404', breaking: false },
        { kind: 'response-added', field: 'response.409', breaking: false },
      ],
    },
  ],
  [
    'response header added and removed',
    {
      given: {
        before: api({
          responses: { '204': { description: 'OK.', headers: { 'X-A': { schema: string } } } },
        }),
        after: api({
          responses: { '204': { description: 'OK.', headers: { 'X-B': { schema: string } } } },
        }),
      },
      want: [
        { kind: 'field-removed', field: 'response.204.header.X-A', breaking: true },
        { kind: 'field-added', field: 'response.204.header.X-B', breaking: false },
      ],
    },
  ],
  [
    'variant added to a response',
    {
      given: {
        before: api(answer({ oneOf: [string] })),
        after: api(answer({ oneOf: [string, { type: 'integer' }] })),
      },
      want: [{ kind: 'field-added', field: 'response.200.body<oneOf[1]>', breaking: true }],
    },
  ],
  [
    'properties from allOf members and $refs',
    {
      given: {
        before: api(body({ allOf: [{ $ref: '#/components/schemas/Base' }] }), {
          components: { schemas: { Base: object({ a: string }) } },
        }),
        after: api(body({ allOf: [{ $ref: '#/components/schemas/Base' }, object({}, ['a'])] }), {
          components: { schemas: { Base: object({ a: string }) } },
        }),
      },
      want: [{ kind: 'required-changed', field: 'request.body.a', breaking: true }],
    },
  ],
  [
    'keywords beside a $ref count (OpenAPI 3.1)',
    {
      given: {
        before: api(answer(object({ name: { $ref: '#/components/schemas/Name' } })), {
          components: { schemas: { Name: string } },
        }),
        after: api(
          answer(
            object({ name: { $ref: '#/components/schemas/Name', 'x-wechatpay-encrypted': true } }),
          ),
          { components: { schemas: { Name: string } } },
        ),
      },
      want: [{ kind: 'encrypted-changed', field: 'response.200.body.name', breaking: true }],
    },
  ],
  [
    'a recursive schema is not followed into itself: its change shows once',
    {
      given: {
        before: api(answer({ $ref: '#/components/schemas/Node' }), {
          components: {
            schemas: { Node: object({ next: { $ref: '#/components/schemas/Node' } }) },
          },
        }),
        after: api(answer({ $ref: '#/components/schemas/Node' }), {
          components: {
            schemas: { Node: object({ next: { $ref: '#/components/schemas/Node' }, v: string }) },
          },
        }),
      },
      want: [{ kind: 'field-added', field: 'response.200.body.v', breaking: false }],
    },
  ],
];

describe('compareDocuments', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    const changes = compareDocuments(given.before, given.after);
    expect(
      changes.map(({ kind, breaking, field }) => ({ kind, breaking, ...(field ? { field } : {}) })),
    ).toEqual(want);
  });

  it('locates a change by method, path and operationId, and says what changed', () => {
    const [change] = compareDocuments(api(answer(string)), api(answer({ type: 'integer' })));
    expect(change).toEqual({
      kind: 'type-changed',
      breaking: true,
      operation: {
        method: 'POST',
        path: '/v1/policies',
        operationId: 'uploadPolicy',
        webhook: false,
      },
      field: 'response.200.body',
      direction: 'output',
      before: 'string',
      after: 'integer',
      message: 'type changed',
    });
  });

  it('a product only on one side lists all its operations', () => {
    expect(compareDocuments(undefined, api(body(string)))).toMatchObject([
      { kind: 'operation-added', breaking: false },
    ]);
    expect(compareDocuments(api(body(string)), undefined)).toMatchObject([
      { kind: 'operation-removed', breaking: true },
    ]);
  });
});

describe('webhooks: the client user receives the request and sends the reply', () => {
  const webhook = (schema: Node, reply: Node = { '204': { description: 'OK.' } }): Node => ({
    openapi: '3.1.0',
    webhooks: {
      'POLICY.CHANGED': {
        post: {
          operationId: 'policyChanged',
          requestBody: { content: { 'application/json': { schema } } },
          responses: reply,
        },
      },
    },
  });
  const cases: TestCase<{ before: Node; after: Node }, Want[]>[] = [
    [
      'required field added to the notification',
      {
        given: { before: webhook(object({})), after: webhook(object({ a: string }, ['a'])) },
        want: [{ kind: 'field-added', field: 'request.body.a', breaking: false }],
      },
    ],
    [
      'enum value added to the notification',
      {
        given: { before: webhook({ enum: ['A'] }), after: webhook({ enum: ['A', 'B'] }) },
        want: [{ kind: 'enum-value-added', field: 'request.body', breaking: true }],
      },
    ],
    [
      'a field of the decrypted resource (contentSchema) removed',
      {
        given: {
          before: webhook(object({ c: { ...string, contentSchema: object({ id: string }) } })),
          after: webhook(object({ c: { ...string, contentSchema: object({}) } })),
        },
        want: [{ kind: 'field-removed', field: 'request.body.c(decoded).id', breaking: true }],
      },
    ],
    [
      'reply status removed',
      {
        given: {
          before: webhook(string, { '200': { description: 'OK.' }, '204': { description: 'OK.' } }),
          after: webhook(string, { '204': { description: 'OK.' } }),
        },
        want: [{ kind: 'response-removed', field: 'response.200', breaking: true }],
      },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want }) => {
    const changes = compareDocuments(given.before, given.after);
    expect(changes.map(({ kind, breaking, field }) => ({ kind, breaking, field }))).toEqual(want);
    expect(changes[0]?.operation).toMatchObject({ path: 'POLICY.CHANGED', webhook: true });
  });
});
