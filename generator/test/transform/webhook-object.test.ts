import { describe, expect, it } from 'vitest';
import { transformWebhookObject } from '../../src/transform/webhook-object.js';
import type { WebhookModel } from '../../src/model.js';
import { contextWithSchemas, outcome, type TestCase } from '../helpers.js';

const ctx = contextWithSchemas({
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
});

const webhook = (schema: unknown, extra: Record<string, unknown> = {}) => ({
  post: {
    operationId: 'grantedNotification',
    ...extra,
    requestBody: { content: { 'application/json': { schema } } },
  },
});

const cases: TestCase<unknown, WebhookModel | { error: RegExp }>[] = [
  [
    'names the decrypted resource schema',
    {
      given: webhook({ $ref: '#/components/schemas/Envelope' }, { summary: '用户授权结果通知' }),
      want: {
        eventType: 'E.GRANTED',
        operationId: 'grantedNotification',
        resourceSchema: 'Granted',
        summary: '用户授权结果通知',
      },
    },
  ],
  [
    'needs a post operation',
    { given: { get: {} }, want: { error: /needs a post operation with an operationId/ } },
  ],
  [
    'needs resource.ciphertext',
    {
      given: webhook({ type: 'object', properties: {} }),
      want: { error: /needs an application\/json schema with resource.ciphertext/ },
    },
  ],
  [
    'needs a contentSchema $ref on the ciphertext',
    {
      given: webhook({
        properties: { resource: { properties: { ciphertext: { type: 'string' } } } },
      }),
      want: { error: /ciphertext\/contentSchema: resource.ciphertext needs a contentSchema/ },
    },
  ],
];

describe('transformWebhookObject', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    const got = outcome(() =>
      transformWebhookObject('E.GRANTED', given, { path: '/webhooks/E.GRANTED', ctx }),
    );
    if ('error' in want) {
      expect(got).toMatchObject({ error: expect.stringMatching(want.error) });
    } else {
      expect(got).toEqual(want);
    }
  });
});
