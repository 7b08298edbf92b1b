import { describe, expect, it } from 'vitest';
import { transformWebhookObject } from '../../src/transform/webhook-object.js';
import type { WebhookModel } from '../../src/model.js';
import { contextWithSchemas, outcome, type TestCase } from '../helpers.js';

const schemas = {
  Granted: { type: 'object' },
  Envelope: {
    type: 'object',
    properties: {
      resource: {
        type: 'object',
        properties: {
          ciphertext: { type: 'string', contentSchema: { $ref: '#/components/schemas/Granted' } },
        },
      },
    },
  },
};

const webhook = (schema: unknown, extra: Record<string, unknown> = {}) => ({
  post: {
    operationId: 'grantedNotification',
    ...extra,
    requestBody: { content: { 'application/json': { schema } } },
  },
});

const cases: TestCase<unknown, { value: WebhookModel | undefined; problems?: string[] }>[] = [
  [
    'names the decrypted resource schema',
    {
      given: webhook({ $ref: '#/components/schemas/Envelope' }, { summary: '用户授权结果通知' }),
      want: {
        value: {
          eventType: 'E.GRANTED',
          operationId: 'grantedNotification',
          resourceSchema: 'Granted',
          summary: '用户授权结果通知',
        },
      },
    },
  ],
  [
    'without an operationId it is named by its event type',
    {
      given: {
        post: {
          ...webhook({ $ref: '#/components/schemas/Envelope' }).post,
          operationId: undefined,
        },
      },
      want: {
        value: { eventType: 'E.GRANTED', operationId: 'E.GRANTED', resourceSchema: 'Granted' },
      },
    },
  ],
  ['no post operation: no row', { given: { get: {} }, want: { value: undefined } }],
  [
    'no notification envelope: no row',
    { given: webhook({ type: 'object', properties: {} }), want: { value: undefined } },
  ],
  [
    'an envelope whose ciphertext names no schema is reported',
    {
      given: webhook({
        properties: { resource: { properties: { ciphertext: { type: 'string' } } } },
      }),
      want: {
        value: undefined,
        problems: [
          '(bundled spec)#/webhooks/E.GRANTED/post/requestBody/content/application~1json/schema/properties/resource/properties/ciphertext/contentSchema: resource.ciphertext needs a contentSchema that $refs the decrypted resource schema',
        ],
      },
    },
  ],
];

describe('transformWebhookObject', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    const context = contextWithSchemas(schemas, '/webhooks/E.GRANTED');
    expect(outcome(context, () => transformWebhookObject(given, context))).toEqual({
      problems: [],
      ...want,
    });
  });
});
