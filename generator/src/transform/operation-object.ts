import { specError } from '../errors.js';
import { isNode, type DocumentContext, type Node } from '../lib/document.js';
import { joinPointer } from '@wechatpay-kit/core/internal';
import type { HttpMethod, OperationModel } from '../model.js';
import { collectEncryptedFields } from './encrypted-fields.js';

const JSON_MEDIA = 'application/json';

export interface OperationInput {
  path: string;
  method: HttpMethod;
  operation: Node;
  /** Parameters declared on the path item, shared by its operations. */
  pathParameters: readonly unknown[];
}

/**
 * One Operation Object as a row of the operation table.
 * @see https://spec.openapis.org/oas/v3.1.0#operation-object
 */
export function transformOperationObject(
  input: OperationInput,
  { path, ctx }: { path: string; ctx: DocumentContext },
): OperationModel {
  const { operation } = input;
  if (typeof operation.operationId !== 'string' || operation.operationId === '') {
    throw specError(path, 'operation needs an operationId');
  }
  const [successStatus, successResponse] = findSuccessResponse(operation, path);
  const requestSchema = jsonSchemaOf(operation.requestBody, `${path}/requestBody`, ctx);
  const responseSchema = jsonSchemaOf(successResponse, `${path}/responses/${successStatus}`, ctx);
  return {
    operationId: operation.operationId,
    method: input.method,
    path: input.path,
    successStatus,
    requiredHeaders: requiredHeaders(input, path, ctx),
    encryptedFields: {
      request: requestSchema ? collectEncryptedFields(requestSchema.node, ctx, requestSchema) : [],
      response: responseSchema
        ? collectEncryptedFields(responseSchema.node, ctx, responseSchema)
        : [],
    },
    ...successExample(successResponse, `${path}/responses/${successStatus}`, ctx),
    ...docs(operation),
    deprecated: operation.deprecated === true,
  };
}

/** Summary and description, when the spec gives them. */
export function docs(node: Node): { summary?: string; description?: string } {
  return {
    ...(typeof node.summary === 'string' ? { summary: node.summary } : {}),
    ...(typeof node.description === 'string' ? { description: node.description } : {}),
  };
}

function findSuccessResponse(operation: Node, path: string): [number, unknown] {
  const responses = isNode(operation.responses) ? operation.responses : {};
  const success = Object.keys(responses).filter((status) => /^2\d\d$/.test(status));
  if (success.length !== 1) {
    const found = success.length === 0 ? 'none' : success.join(', ');
    throw specError(`${path}/responses`, `expected exactly one 2xx response, found ${found}`);
  }
  const status = success[0] as string;
  return [Number(status), responses[status]];
}

/**
 * The `application/json` example of a response: its `example`, else the `value` of the first of
 * its `examples` (an Example Object, possibly a `$ref`). `externalValue` is not followed.
 * @see https://spec.openapis.org/oas/v3.1.0#media-type-object
 */
function successExample(
  response: unknown,
  path: string,
  ctx: DocumentContext,
): { successExample?: unknown } {
  const { node, pointer } = ctx.resolve(response, path);
  const media = isNode(node.content) ? node.content[JSON_MEDIA] : undefined;
  if (!isNode(media)) {
    return {};
  }
  if (media.example !== undefined) {
    return { successExample: media.example };
  }
  const examples = isNode(media.examples) ? Object.entries(media.examples) : [];
  const [first] = examples;
  if (!first) {
    return {};
  }
  const at = joinPointer(pointer, 'content', JSON_MEDIA, 'examples', first[0]);
  const example = ctx.resolve(first[1], at).node;
  return example.value === undefined ? {} : { successExample: example.value };
}

/** The `application/json` schema of a request body or response, with its pointer. */
function jsonSchemaOf(
  holder: unknown,
  path: string,
  ctx: DocumentContext,
): { node: Node; path: string } | undefined {
  if (holder === undefined) {
    return undefined;
  }
  const { node, pointer } = ctx.resolve(holder, path);
  const media = isNode(node.content) ? node.content[JSON_MEDIA] : undefined;
  if (!isNode(media) || !isNode(media.schema)) {
    return undefined;
  }
  return { node: media.schema, path: joinPointer(pointer, 'content', JSON_MEDIA, 'schema') };
}

/** Names of required header parameters; operation-level entries override path-level ones. */
function requiredHeaders(input: OperationInput, path: string, ctx: DocumentContext): string[] {
  const own = Array.isArray(input.operation.parameters) ? input.operation.parameters : [];
  const byKey = new Map<string, Node>();
  const add = (list: readonly unknown[], at: string) =>
    list.forEach((parameter, index) => {
      const { node } = ctx.resolve(parameter, `${at}/${index}`);
      byKey.set(`${String(node.in)}:${String(node.name).toLowerCase()}`, node);
    });
  add(input.pathParameters, `${path}/../parameters`);
  add(own, `${path}/parameters`);
  return [...byKey.values()]
    .filter((parameter) => parameter.in === 'header' && parameter.required === true)
    .map((parameter) => String(parameter.name));
}
