import { describe, expect, it } from 'vitest';
import { operationStatements } from '../../src/emit/operations-file.js';
import type { OperationModel, WebhookModel } from '../../src/model.js';
import type { TestCase } from '../helpers.js';
import { printed } from './print.js';

const upload: OperationModel = {
  operationId: 'uploadPolicy',
  name: 'uploadPolicy',
  method: 'POST',
  path: '/v3/policies',
  successStatus: 200,
  requiredHeaders: ['Wechatpay-Serial'],
  encryptedFields: { request: ['/insured_name_list/*'], response: [] },
  request: { path: null, headers: [], body: null },
  summary: '上传保单',
  deprecated: false,
};
const granted: WebhookModel = {
  eventType: 'E.GRANTED',
  operationId: 'grantedNotification',
  resourceSchema: 'Granted',
  summary: '授权通知',
};

const cases: TestCase<{ operations: OperationModel[]; webhooks: WebhookModel[] }, string>[] = [
  [
    'operation rows and a webhook row with its resource type',
    {
      given: { operations: [upload], webhooks: [granted] },
      want: `import type { OperationDescriptor, WebhookDescriptor } from 'core/internal';
import type { components } from './schema.js';

/** Every operation: method, path, success status, required headers and the JSON pointers of encrypted fields. */
export const operationTable = {
  /** 上传保单 */
  uploadPolicy: {
    operationId: 'uploadPolicy',
    method: 'POST',
    path: '/v3/policies',
    successStatus: 200,
    requiredHeaders: ['Wechatpay-Serial'],
    encryptedFields: { request: ['/insured_name_list/*'], response: [] },
  },
} as const satisfies Readonly<Record<string, OperationDescriptor>>;

export type OperationId = keyof typeof operationTable;

/** Every callback event type, with the component schema of its decrypted resource. */
export const webhookTable = {
  /** 授权通知 */
  'E.GRANTED': {
    eventType: 'E.GRANTED',
    operationId: 'grantedNotification',
    resourceSchema: 'Granted',
  },
} as const satisfies Readonly<Record<string, WebhookDescriptor>>;

export type WebhookEventType = keyof typeof webhookTable;

/** The decrypted \`resource\` of each callback event type. */
export interface WebhookResources {
  /** 授权通知 */
  'E.GRANTED': components['schemas']['Granted'];
}
`,
    },
  ],
  [
    'no webhooks: no schema import, empty tables',
    {
      given: { operations: [], webhooks: [] },
      want: `import type { OperationDescriptor, WebhookDescriptor } from 'core/internal';

/** Every operation: method, path, success status, required headers and the JSON pointers of encrypted fields. */
export const operationTable = {} as const satisfies Readonly<Record<string, OperationDescriptor>>;

export type OperationId = keyof typeof operationTable;

/** Every callback event type, with the component schema of its decrypted resource. */
export const webhookTable = {} as const satisfies Readonly<Record<string, WebhookDescriptor>>;

export type WebhookEventType = keyof typeof webhookTable;

/** The decrypted \`resource\` of each callback event type. */
export interface WebhookResources {}
`,
    },
  ],
];

describe('operationStatements', () => {
  it.each(cases)('%s', async (_name, { given, want }) => {
    expect(await printed(operationStatements(given.operations, given.webhooks, 'core'))).toBe(want);
  });
});
