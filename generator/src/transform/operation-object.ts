import { joinPointer, pointerTokens } from '@wechatpay-kit/core/internal';
import { childNode, isNode, type Node } from '../lib/document.js';
import { camelCaseName } from '../lib/names.js';
import type { HttpMethod, OperationModel, RequestSchemaModel } from '../model.js';
import type { TransformContext } from './context.js';
import { collectEncryptedFields } from './encrypted-fields.js';
import { strip } from './strip-schema.js';

const JSON_MEDIA = 'application/json';

/**
 * One Operation Object, at `/paths/<path>/<method>`, as a row of the operation table. The path
 * and method come from the pointer. Nothing WeChat-specific is required: an operation without an
 * operationId is named from its method and path, and with several 2xx responses the lowest is
 * the one the mock answers by default (the types have them all).
 * @see https://spec.openapis.org/oas/v3.1.0#operation-object
 */
export function transformOperationObject(
  operation: Node,
  context: TransformContext,
): OperationModel {
  const [, path = '', methodKey = ''] = pointerTokens(context.pointer);
  const method = methodKey.toUpperCase() as HttpMethod;
  const operationId =
    typeof operation.operationId === 'string' && operation.operationId !== ''
      ? operation.operationId
      : `${methodKey}${path}`;
  const successes = successResponses(operation, context);
  const parameters = parametersOf(operation, context);
  const body = jsonSchemaOf(operation.requestBody, context.child('requestBody'));
  return {
    operationId,
    name: camelCaseName(operationId),
    method,
    path,
    successStatus: successes[0]?.status ?? 200,
    requiredHeaders: parameters
      .filter((parameter) => parameter.in === 'header' && parameter.required === true)
      .map((parameter) => String(parameter.name)),
    encryptedFields: {
      request: body ? collectEncryptedFields(body.node, context.at(body.pointer)) : [],
      response: [
        ...new Set(
          successes.flatMap(({ schema }) =>
            schema ? collectEncryptedFields(schema.node, context.at(schema.pointer)) : [],
          ),
        ),
      ],
    },
    request: requestSchemaOf(parameters, body?.node),
    ...docs(operation),
    deprecated: operation.deprecated === true,
  };
}

/** Summary and description, when the spec gives them. */
function docs(node: Node): { summary?: string; description?: string } {
  return {
    ...(typeof node.summary === 'string' ? { summary: node.summary } : {}),
    ...(typeof node.description === 'string' ? { description: node.description } : {}),
  };
}

interface SuccessResponse {
  status: number;
  /** Its `application/json` schema and where it is, when it has one. */
  schema?: { node: Node; pointer: string };
}

/** The 2xx responses, lowest status first (`2XX` counts as 200). */
function successResponses(operation: Node, context: TransformContext): SuccessResponse[] {
  const responses = childNode(operation, 'responses');
  return Object.keys(responses)
    .filter((status) => /^2(\d\d|XX)$/i.test(status))
    .map((status) => ({
      status: /^2\d\d$/.test(status) ? Number(status) : 200,
      ...schemaEntry(jsonSchemaOf(responses[status], context.child('responses', status))),
    }))
    .sort((a, b) => a.status - b.status);
}

function schemaEntry(schema: { node: Node; pointer: string } | undefined) {
  return schema ? { schema } : {};
}

/** The `application/json` media type object of a request body or response, resolved. */
export function jsonMediaOf(
  holder: unknown,
  context: TransformContext,
): { node: Node; pointer: string } | undefined {
  if (holder === undefined) {
    return undefined;
  }
  const { node, pointer } = context.resolve(holder, context.pointer);
  const media = childNode(node, 'content')[JSON_MEDIA];
  return isNode(media)
    ? { node: media, pointer: joinPointer(pointer, 'content', JSON_MEDIA) }
    : undefined;
}

/** The `application/json` schema of a request body or response, with its pointer. */
function jsonSchemaOf(
  holder: unknown,
  context: TransformContext,
): { node: Node; pointer: string } | undefined {
  const media = jsonMediaOf(holder, context);
  return media && isNode(media.node.schema)
    ? { node: media.node.schema, pointer: joinPointer(media.pointer, 'schema') }
    : undefined;
}

/**
 * The parameters of the operation and of its path item, resolved; an operation-level one
 * overrides a path-level one of the same name and location.
 */
function parametersOf(operation: Node, context: TransformContext): Node[] {
  const [, path = ''] = pointerTokens(context.pointer);
  const itemAt = joinPointer('/paths', path);
  const item = context.resolve(childNode(context.document, 'paths')[path] ?? {}, itemAt);
  const byKey = new Map<string, Node>();
  const add = (list: unknown, at: string) =>
    (Array.isArray(list) ? list : []).forEach((parameter, index) => {
      const { node } = context.resolve(parameter, `${at}/${index}`);
      byKey.set(`${String(node.in)}:${String(node.name).toLowerCase()}`, node);
    });
  add(item.node.parameters, `${item.pointer}/parameters`);
  add(operation.parameters, `${context.pointer}/parameters`);
  return [...byKey.values()];
}

/** What a mock server validates a request with: path parameters, required headers, JSON body. */
function requestSchemaOf(parameters: readonly Node[], body: Node | undefined): RequestSchemaModel {
  const inPath = parameters.filter((parameter) => parameter.in === 'path');
  return {
    path:
      inPath.length === 0
        ? null
        : {
            type: 'object',
            required: inPath.map((parameter) => String(parameter.name)),
            properties: Object.fromEntries(
              inPath.map((parameter) => [String(parameter.name), strip(parameter.schema ?? {})]),
            ),
          },
    headers: parameters
      .filter((parameter) => parameter.in === 'header' && parameter.required === true)
      .map((parameter) => String(parameter.name)),
    body: body === undefined ? null : strip(body),
  };
}
