import { joinPointer } from '@wechatpay-kit/core/internal';
import { childNode, isNode, schemaRefName, type Node } from '../lib/document.js';
import type { WebhookModel } from '../model.js';
import type { TransformContext } from './context.js';

const JSON_MEDIA = 'application/json';

/**
 * One webhook (callback) Path Item, at `/webhooks/<eventType>`, as a row of the webhook table
 * when it has WeChat Pay's notification envelope: a `post` whose JSON body has
 * `resource.ciphertext`, whose `contentSchema` `$ref`s the decrypted resource schema. A webhook
 * without the envelope has no row (its types are generated all the same); an envelope whose
 * ciphertext names no schema is reported.
 * @see https://spec.openapis.org/oas/v3.1.0#oasWebhooks
 */
export function transformWebhookObject(
  pathItem: unknown,
  context: TransformContext,
): WebhookModel | undefined {
  const eventType = context.key;
  const item = context.resolve(pathItem, context.pointer);
  const operation = item.node.post;
  if (!isNode(operation)) {
    return undefined;
  }
  const at = context.at(joinPointer(item.pointer, 'post'));
  const ciphertext = findCiphertextSchema(operation.requestBody, at.child('requestBody'));
  if (!ciphertext) {
    return undefined;
  }
  const resourceSchema = schemaRefName(ciphertext.node.contentSchema);
  if (!resourceSchema) {
    context.report(
      'resource.ciphertext needs a contentSchema that $refs the decrypted resource schema',
      `${ciphertext.pointer}/contentSchema`,
    );
    return undefined;
  }
  const operationId = typeof operation.operationId === 'string' ? operation.operationId : eventType;
  const summary = typeof operation.summary === 'string' ? { summary: operation.summary } : {};
  return { eventType, operationId, resourceSchema, ...summary };
}

function findCiphertextSchema(requestBody: unknown, context: TransformContext) {
  if (!isNode(requestBody)) {
    return undefined;
  }
  const body = context.resolve(requestBody, context.pointer);
  const envelopeSchema = childNode(body.node.content, JSON_MEDIA).schema;
  if (!isNode(envelopeSchema)) {
    return undefined;
  }
  const envelope = context.resolve(
    envelopeSchema,
    joinPointer(body.pointer, 'content', JSON_MEDIA, 'schema'),
  );
  const resource = propertyOf(envelope, 'resource', context);
  return resource && propertyOf(resource, 'ciphertext', context);
}

function propertyOf(
  schema: { node: Node; pointer: string },
  name: string,
  context: TransformContext,
) {
  const properties = schema.node.properties;
  if (!isNode(properties) || properties[name] === undefined) {
    return undefined;
  }
  return context.resolve(properties[name], joinPointer(schema.pointer, 'properties', name));
}
