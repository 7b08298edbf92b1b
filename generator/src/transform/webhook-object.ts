import { specError } from '../errors.js';
import { isNode, schemaRefName, type DocumentContext } from '../lib/document.js';
import type { WebhookModel } from '../model.js';

/**
 * One webhook (callback) as a row of the webhook table. The decrypted resource is the
 * `contentSchema` of the envelope's `resource.ciphertext`, which must name a component schema.
 * @see https://spec.openapis.org/oas/v3.1.0#oasWebhooks
 */
export function transformWebhookObject(
  eventType: string,
  pathItem: unknown,
  { path, ctx }: { path: string; ctx: DocumentContext },
): WebhookModel {
  const item = ctx.resolve(pathItem, path);
  const operation = item.node.post;
  const at = `${item.pointer}/post`;
  if (!isNode(operation) || typeof operation.operationId !== 'string') {
    throw specError(at, `webhook "${eventType}" needs a post operation with an operationId`);
  }
  const ciphertext = findCiphertextSchema(operation.requestBody, `${at}/requestBody`, ctx);
  const resourceSchema = schemaRefName(ciphertext.node.contentSchema);
  if (!resourceSchema) {
    throw specError(
      `${ciphertext.pointer}/contentSchema`,
      'resource.ciphertext needs a contentSchema that $refs the decrypted resource schema',
    );
  }
  const summary = typeof operation.summary === 'string' ? { summary: operation.summary } : {};
  return { eventType, operationId: operation.operationId, resourceSchema, ...summary };
}

function findCiphertextSchema(requestBody: unknown, path: string, ctx: DocumentContext) {
  const body = ctx.resolve(requestBody ?? {}, path);
  const media = isNode(body.node.content) ? body.node.content['application/json'] : undefined;
  const envelopeSchema = isNode(media) ? media.schema : undefined;
  const missing = () =>
    specError(
      path,
      'webhook request body needs an application/json schema with resource.ciphertext',
    );
  if (!isNode(envelopeSchema)) {
    throw missing();
  }
  const envelope = ctx.resolve(envelopeSchema, `${body.pointer}/content/application~1json/schema`);
  const resource = propertyOf(envelope, 'resource', ctx);
  const ciphertext = resource && propertyOf(resource, 'ciphertext', ctx);
  if (!ciphertext) {
    throw missing();
  }
  return ciphertext;
}

function propertyOf(
  schema: { node: Record<string, unknown>; pointer: string },
  name: string,
  ctx: DocumentContext,
) {
  const properties = schema.node.properties;
  if (!isNode(properties) || properties[name] === undefined) {
    return undefined;
  }
  return ctx.resolve(properties[name], `${schema.pointer}/properties/${name}`);
}
