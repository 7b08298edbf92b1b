import { specError } from '../errors.js';
import { isNode, type DocumentContext } from '../lib/document.js';
import { joinPointer } from '@wechatpay-kit/core/internal';
import type { ApiModel, EnumModel, HttpMethod, OperationModel, WebhookModel } from '../model.js';
import { transformEnumSchema } from './enum-schema.js';
import { transformOperationObject } from './operation-object.js';
import { transformWebhookObject } from './webhook-object.js';

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The whole bundled document as the model the emitters use. Order follows the spec
 * (paths, then methods in a fixed order), so the output is stable and reviewable.
 * @see https://spec.openapis.org/oas/v3.1.0#openapi-object
 */
export function transformDocument(ctx: DocumentContext): ApiModel {
  const { document } = ctx;
  const info = isNode(document.info) ? document.info : {};
  if (typeof info.version !== 'string' || typeof info.title !== 'string') {
    throw specError('/info', 'info needs a title and a version');
  }
  return {
    title: info.title,
    version: info.version,
    enums: transformEnums(ctx),
    operations: transformPaths(ctx),
    webhooks: transformWebhooks(ctx),
  };
}

function transformEnums(ctx: DocumentContext): EnumModel[] {
  const components = isNode(ctx.document.components) ? ctx.document.components : {};
  const schemas = isNode(components.schemas) ? components.schemas : {};
  return Object.entries(schemas).flatMap(([name, schema]) => {
    const path = joinPointer('/components/schemas', name);
    const model = isNode(schema) ? transformEnumSchema(name, schema, { path }) : undefined;
    return model ? [model] : [];
  });
}

function transformPaths(ctx: DocumentContext): OperationModel[] {
  const paths = isNode(ctx.document.paths) ? ctx.document.paths : {};
  const operations = Object.entries(paths).flatMap(([path, pathItem]) => {
    const item = ctx.resolve(pathItem, joinPointer('/paths', path));
    const pathParameters = Array.isArray(item.node.parameters) ? item.node.parameters : [];
    return METHODS.flatMap((method) => {
      const operation = item.node[method.toLowerCase()];
      if (!isNode(operation)) {
        return [];
      }
      const at = `${item.pointer}/${method.toLowerCase()}`;
      return [
        transformOperationObject({ path, method, operation, pathParameters }, { path: at, ctx }),
      ];
    });
  });
  assertUniqueIds(operations);
  return operations;
}

function transformWebhooks(ctx: DocumentContext): WebhookModel[] {
  const webhooks = isNode(ctx.document.webhooks) ? ctx.document.webhooks : {};
  return Object.entries(webhooks).map(([eventType, pathItem]) =>
    transformWebhookObject(eventType, pathItem, { path: joinPointer('/webhooks', eventType), ctx }),
  );
}

function assertUniqueIds(operations: readonly OperationModel[]): void {
  const seen = new Set<string>();
  for (const { operationId, method, path } of operations) {
    if (seen.has(operationId)) {
      throw specError(
        joinPointer('/paths', path, method.toLowerCase()),
        `duplicate operationId "${operationId}"`,
      );
    }
    seen.add(operationId);
  }
}
