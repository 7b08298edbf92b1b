import { childNode, isNode, type Node } from '../lib/document.js';
import type { TransformContext } from './context.js';
import { transformWebhookObject } from './webhook-object.js';

/** Parameters the client fills in itself; callers may leave them out. */
export const SET_BY_CLIENT = 'x-wechatpay-set-by-client';

/**
 * The document openapi-typescript turns into `schema.ts`: a copy of the spec (which is left as
 * it is) with every `x-wechatpay-set-by-client` parameter optional, and the open-object markers
 * dropped from the component schemas only WeChat Pay writes (the decrypted resources of
 * callbacks with the notification envelope), see `dropOpenObjectMarkers`.
 */
export function transformTypesDocument(document: Node, context: TransformContext): Node {
  const receivedSchemas = Object.entries(childNode(document, 'webhooks'))
    .flatMap(
      ([eventType, item]) =>
        transformWebhookObject(item, context.child('webhooks', eventType)) ?? [],
    )
    .map((webhook) => webhook.resourceSchema);
  const copy = structuredClone(document);
  loosenClientSetParameters(copy);
  const schemas = isNode(copy.components) ? copy.components.schemas : undefined;
  for (const name of receivedSchemas) {
    dropOpenObjectMarkers(isNode(schemas) ? schemas[name] : undefined);
  }
  return copy;
}

/** Marks every `x-wechatpay-set-by-client` parameter optional, wherever it is declared. */
function loosenClientSetParameters(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(loosenClientSetParameters);
  } else if (isNode(node)) {
    if (node[SET_BY_CLIENT] === true && typeof node.in === 'string') {
      node.required = false;
    }
    Object.values(node).forEach(loosenClientSetParameters);
  }
}

/**
 * Removes `additionalProperties: true` (or `{}`) from a schema WeChat Pay sends, and from the
 * object schemas inside it, where they list their properties. openapi-typescript would add
 * `[key: string]: unknown`, and then reading a misspelt field compiles; undocumented fields
 * still arrive and are kept, they are just not in the type. Free-form objects (no `properties`)
 * keep their index signature, and so do schemas the merchant writes, where extra fields may
 * be sent.
 */
function dropOpenObjectMarkers(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(dropOpenObjectMarkers);
  } else if (isNode(node)) {
    const open =
      node.additionalProperties === true ||
      (isNode(node.additionalProperties) && Object.keys(node.additionalProperties).length === 0);
    if (open && isNode(node.properties) && Object.keys(node.properties).length > 0) {
      delete node.additionalProperties;
    }
    Object.values(node).forEach(dropOpenObjectMarkers);
  }
}
