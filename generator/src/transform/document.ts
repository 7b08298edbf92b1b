import { specError } from '../errors.js';
import { isNode, type DocumentContext, type Node } from '../lib/document.js';
import { joinPointer } from '@wechatpay-kit/core/internal';
import type {
  ApiModel,
  EnumModel,
  HttpMethod,
  OperationModel,
  SchemaTypeModel,
  WebhookModel,
} from '../model.js';
import { transformEnumSchema } from './enum-schema.js';
import { transformOperationObject } from './operation-object.js';
import { transformWebhookObject } from './webhook-object.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

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
  const enums = transformEnums(ctx);
  return {
    title: info.title,
    version: info.version,
    enums,
    schemaTypes: transformSchemaTypes(ctx, enums),
    operations: transformPaths(ctx),
    webhooks: transformWebhooks(ctx),
  };
}

function componentSchemas(ctx: DocumentContext): Node {
  const components = isNode(ctx.document.components) ? ctx.document.components : {};
  return isNode(components.schemas) ? components.schemas : {};
}

function transformEnums(ctx: DocumentContext): EnumModel[] {
  return Object.entries(componentSchemas(ctx)).flatMap(([name, schema]) => {
    const path = joinPointer('/components/schemas', name);
    const model = isNode(schema) ? transformEnumSchema(name, schema, { path }) : undefined;
    return model ? [model] : [];
  });
}

/**
 * The component schemas that get a named type; enums have theirs in `enums.ts` already.
 * Every schema name becomes an exported name, so it must be an identifier.
 */
function transformSchemaTypes(
  ctx: DocumentContext,
  enums: readonly EnumModel[],
): SchemaTypeModel[] {
  const enumNames = new Set(enums.map((model) => model.name));
  return Object.entries(componentSchemas(ctx)).flatMap(([name, schema]) => {
    if (!IDENTIFIER.test(name)) {
      throw specError(
        joinPointer('/components/schemas', name),
        `schema name "${name}" is not a TypeScript identifier; the generator exports a type of that name`,
      );
    }
    if (enumNames.has(name)) {
      return [];
    }
    const description = isNode(schema) ? schema.description : undefined;
    return [typeof description === 'string' ? { name, description } : { name }];
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
