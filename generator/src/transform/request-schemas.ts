import { isNode, type DocumentContext, type Node } from '../lib/document.js';
import { joinPointer } from '@wechatpay-kit/core/internal';
import type { OperationModel } from '../model.js';

/** What a mock server needs to validate requests, as plain JSON Schema 2020-12 data. */
export interface RequestSchemas {
  /** `components.schemas`, stripped of documentation and vendor keys; refs stay local. */
  schemaDocument: { components: { schemas: Record<string, unknown> } };
  requests: Record<string, { path: unknown; headers: string[]; body: unknown }>;
}

// Documentation and `x-` extensions are not validation keywords; strict validators reject them.
const DROPPED = new Set(['description', 'example', 'examples', 'summary', 'title', '$comment']);

/**
 * The request schemas of every operation (path parameters, required headers, JSON body),
 * with the component schemas they refer to.
 * @see https://spec.openapis.org/oas/v3.1.0#schema-object
 */
export function transformRequestSchemas(
  ctx: DocumentContext,
  operations: readonly OperationModel[],
): RequestSchemas {
  const components = isNode(ctx.document.components) ? ctx.document.components : {};
  const schemas = isNode(components.schemas) ? components.schemas : {};
  const requests = Object.fromEntries(
    operations.map((operation) => [operation.operationId, requestOf(ctx, operation)]),
  );
  return {
    schemaDocument: { components: { schemas: strip(schemas) as Record<string, unknown> } },
    requests,
  };
}

function requestOf(ctx: DocumentContext, operation: OperationModel) {
  const at = joinPointer('/paths', operation.path);
  const item = ctx.resolve(
    ctx.document.paths && (ctx.document.paths as Node)[operation.path],
    at,
  ).node;
  const method = item[operation.method.toLowerCase()] as Node;
  const parameters = [...asList(item.parameters), ...asList(method.parameters)].map(
    (parameter, index) => ctx.resolve(parameter, `${at}/parameters/${index}`).node,
  );
  const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
  const path =
    pathParameters.length === 0
      ? null
      : {
          type: 'object',
          required: pathParameters.map((parameter) => String(parameter.name)),
          properties: Object.fromEntries(
            pathParameters.map((parameter) => [String(parameter.name), strip(parameter.schema)]),
          ),
        };
  const body = jsonBodySchema(
    ctx,
    method.requestBody,
    `${at}/${operation.method.toLowerCase()}/requestBody`,
  );
  return {
    path,
    headers: operation.requiredHeaders,
    body: body === undefined ? null : strip(body),
  };
}

function jsonBodySchema(ctx: DocumentContext, requestBody: unknown, at: string): unknown {
  if (requestBody === undefined) {
    return undefined;
  }
  const content = ctx.resolve(requestBody, at).node.content;
  const media = isNode(content) ? content['application/json'] : undefined;
  return isNode(media) ? media.schema : undefined;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A copy without documentation keys and `x-` extensions. */
export function strip(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(strip);
  }
  if (!isNode(value)) {
    return value;
  }
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !DROPPED.has(key) && !key.startsWith('x-'))
      .map(([key, child]) => [key, key === 'properties' ? stripProperties(child) : strip(child)]),
  );
}

// Under `properties` the keys are field names (a field may be called `description`), not keywords.
function stripProperties(properties: unknown): unknown {
  return isNode(properties)
    ? Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, strip(schema)]))
    : properties;
}
