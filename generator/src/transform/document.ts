import { joinPointer } from '@wechatpay-kit/core/internal';
import { childNode, isNode, type Node } from '../lib/document.js';
import { uniqueNames } from '../lib/names.js';
import type {
  ApiModel,
  EnumModel,
  HttpMethod,
  OperationModel,
  SchemaTypeModel,
  WebhookModel,
} from '../model.js';
import { guarded, guardedAsync, throwIfProblems, type TransformContext } from './context.js';
import { transformEnumSchema } from './enum-schema.js';
import { transformOperationObject } from './operation-object.js';
import { strip } from './strip-schema.js';
import { transformSuccessExample } from './success-example.js';
import { transformTypesDocument } from './types-document.js';
import { transformWebhookObject } from './webhook-object.js';

/** The methods of a Path Item the client and mock have (openapi-fetch and MSW have no TRACE). */
const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/**
 * The whole bundled document (the context's node) as the model the emitters use. Order follows
 * the spec (paths, then methods in a fixed order), so the output is stable and reviewable.
 * Every problem found is reported before one SpecError names them all.
 * @see https://spec.openapis.org/oas/v3.1.0#openapi-object
 */
export async function transformDocument(
  document: Node,
  context: TransformContext,
): Promise<ApiModel> {
  const info = childNode(document, 'info');
  if (typeof info.version !== 'string' || typeof info.title !== 'string') {
    context.child('info').report('info needs a title and a version');
  }
  const schemas = childNode(document.components, 'schemas');
  const enums = transformEnums(schemas, context);
  const operations = await transformPaths(childNode(document, 'paths'), context);
  const model: ApiModel = {
    title: String(info.title),
    version: String(info.version),
    enums,
    schemaTypes: transformSchemaTypes(schemas, enums, context),
    operations,
    webhooks: transformWebhooks(childNode(document, 'webhooks'), context),
    componentSchemas: strip(schemas) as Record<string, unknown>,
    typesDocument: transformTypesDocument(document, context),
  };
  throwIfProblems(context);
  return model;
}

function transformEnums(schemas: Node, context: TransformContext): EnumModel[] {
  return Object.entries(schemas).flatMap(([name, schema]) => {
    const at = context.child('components', 'schemas', name);
    return (isNode(schema) && guarded(at, () => transformEnumSchema(schema, at))) || [];
  });
}

/** The component schemas that get a named type; enums have theirs in `enums.ts` already. */
function transformSchemaTypes(
  schemas: Node,
  enums: readonly EnumModel[],
  context: TransformContext,
): SchemaTypeModel[] {
  const enumNames = new Set(enums.map((model) => model.name));
  return Object.entries(schemas).flatMap(([schemaName, schema]) => {
    const name = context.typeName(schemaName);
    if (enumNames.has(name)) {
      return [];
    }
    const description = isNode(schema) ? schema.description : undefined;
    return [
      typeof description === 'string' ? { name, schemaName, description } : { name, schemaName },
    ];
  });
}

/** Every operation, each with a unique identifier for a name and its success example. */
async function transformPaths(paths: Node, context: TransformContext): Promise<OperationModel[]> {
  const found = Object.entries(paths).flatMap(([path, pathItem]) => {
    const item = guarded(context, () => context.resolve(pathItem, joinPointer('/paths', path)));
    return METHODS.flatMap((method) => {
      const operation = item?.node[method.toLowerCase()];
      if (!isNode(operation)) {
        return [];
      }
      const at = context.child('paths', path, method.toLowerCase());
      const model = guarded(at, () => transformOperationObject(operation, at));
      return model ? [{ model, operation, at }] : [];
    });
  });
  const names = uniqueNames(found.map(({ model }) => model.name));
  return Promise.all(
    found.map(async ({ model, operation, at }, index) => {
      const responses = childNode(operation, 'responses');
      const status = [String(model.successStatus), '2XX', '2xx'].find((key) => key in responses);
      const response = status === undefined ? undefined : responses[status];
      const { example } = status
        ? ((await guardedAsync(at, () =>
            transformSuccessExample(response, at.child('responses', status)),
          )) ?? {})
        : {};
      return {
        ...model,
        name: names[index] ?? model.name,
        ...(example === undefined ? {} : { successExample: example }),
      };
    }),
  );
}

function transformWebhooks(webhooks: Node, context: TransformContext): WebhookModel[] {
  return Object.entries(webhooks).flatMap(([eventType, pathItem]) => {
    const at = context.child('webhooks', eventType);
    return guarded(at, () => transformWebhookObject(pathItem, at)) ?? [];
  });
}
