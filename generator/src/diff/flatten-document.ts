import { joinPointer } from '@wechatpay-kit/core/internal';
import { createResolver, isNode, type Node, type Resolver } from '../lib/document.js';
import { flattenSchema, type SchemaWalk } from './flatten-schema.js';
import type { Direction, FieldEntry, OperationEntry } from './model.js';

/** HTTP methods in the order a Path Item Object lists them (`query` is OpenAPI 3.2's). */
export const METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
  'query',
];

/** One operation, its path item (or webhook) and the pointers of both. */
interface OperationPlace {
  name: string;
  method: string;
  webhook: boolean;
  pathItem: Node;
  pathItemPointer: string;
  operation: Node;
  pointer: string;
}

/**
 * Every operation and webhook of a bundled document (every `$ref` local), each flattened into
 * field entries keyed by field path. A webhook's request is what the client user receives and
 * its responses what they send, so directions are the other way round.
 */
export function flattenDocument(document: Node): Map<string, OperationEntry> {
  const ctx = { resolve: createResolver(document) };
  const operations = new Map<string, OperationEntry>();
  for (const group of ['paths', 'webhooks'] as const) {
    const items = isNode(document[group]) ? document[group] : {};
    for (const [name, item] of Object.entries(items)) {
      const { node: pathItem, pointer } = ctx.resolve(item, joinPointer(`/${group}`, name));
      for (const method of METHODS.filter((method) => isNode(pathItem[method]))) {
        const entry = flattenOperation(ctx, {
          name,
          method,
          webhook: group === 'webhooks',
          pathItem,
          pathItemPointer: pointer,
          operation: pathItem[method] as Node,
          pointer: joinPointer(pointer, method),
        });
        operations.set(entry.key, entry);
      }
    }
  }
  return operations;
}

function flattenOperation(ctx: { resolve: Resolver }, place: OperationPlace): OperationEntry {
  const fields = new Map<string, FieldEntry>();
  const sent: Direction = place.webhook ? 'output' : 'input';
  const request = { ctx, direction: sent, fields };
  const responses = { ctx, direction: opposite(sent), fields };
  addParameters(request, place);
  addRequestBody(request, place.operation.requestBody, `${place.pointer}/requestBody`);
  addResponses(responses, place.operation.responses, `${place.pointer}/responses`);
  const method = place.method.toUpperCase();
  const operationId = place.operation.operationId;
  return {
    key: place.webhook ? `webhook ${place.name} ${method}` : `${method} ${place.name}`,
    method,
    path: place.name,
    ...(typeof operationId === 'string' ? { operationId } : {}),
    webhook: place.webhook,
    fields,
  };
}

function opposite(direction: Direction): Direction {
  return direction === 'input' ? 'output' : 'input';
}

/** Path-level and operation-level parameters; the operation's win, as in OpenAPI. */
function addParameters(walk: SchemaWalk, place: OperationPlace): void {
  const declared = [
    ...listAt(place.pathItem.parameters, `${place.pathItemPointer}/parameters`),
    ...listAt(place.operation.parameters, `${place.pointer}/parameters`),
  ];
  const byName = new Map<string, { node: Node; pointer: string }>();
  for (const { item, pointer } of declared) {
    const parameter = walk.ctx.resolve(item, pointer);
    const { name, in: location } = parameter.node;
    const key = location === 'header' ? String(name).toLowerCase() : String(name);
    byName.set(`${String(location)} ${key}`, parameter);
  }
  for (const { node, pointer } of byName.values()) {
    const path = `request.${String(node.in)}.${String(node.name)}`;
    const [schema, at] = schemaOf(node, pointer);
    flattenSchema(walk, schema, at, { path, role: 'parameter', required: node.required === true });
  }
}

function addRequestBody(walk: SchemaWalk, body: unknown, pointer: string): void {
  if (!isNode(body)) {
    return;
  }
  const { node, pointer: at } = walk.ctx.resolve(body, pointer);
  addContent(walk, node.content, `${at}/content`, 'request', node.required === true);
}

function addResponses(walk: SchemaWalk, responses: unknown, pointer: string): void {
  for (const [status, response] of Object.entries(isNode(responses) ? responses : {})) {
    const path = `response.${status}`;
    const { node, pointer: at } = walk.ctx.resolve(response, joinPointer(pointer, status));
    walk.fields.set(path, {
      path,
      role: 'response',
      status,
      direction: walk.direction,
      encrypted: false,
    });
    for (const [name, header] of Object.entries(isNode(node.headers) ? node.headers : {})) {
      const resolved = walk.ctx.resolve(header, joinPointer(`${at}/headers`, name));
      const [schema, schemaAt] = schemaOf(resolved.node, resolved.pointer);
      const required = resolved.node.required === true;
      const place = {
        path: `${path}.header.${name}`,
        parent: path,
        role: 'header' as const,
        required,
      };
      flattenSchema(walk, schema, schemaAt, place);
    }
    addContent(walk, node.content, `${at}/content`, path);
  }
}

/**
 * One body entry per media type: the first JSON one is `<base>.body`, others are named by
 * media type (`<base>.body(text/plain)`).
 */
function addContent(
  walk: SchemaWalk,
  content: unknown,
  pointer: string,
  base: string,
  required?: boolean,
): void {
  let jsonNamed = false;
  for (const [media, mediaType] of Object.entries(isNode(content) ? content : {})) {
    const json: boolean = !jsonNamed && /\bjson\b/i.test(media);
    jsonNamed ||= json;
    const path = json ? `${base}.body` : `${base}.body(${media})`;
    const schema = isNode(mediaType) ? mediaType.schema : undefined;
    const place = {
      path,
      ...(base === 'request' ? {} : { parent: base }),
      role: 'body' as const,
      ...(required === undefined ? {} : { required }),
    };
    flattenSchema(walk, schema, joinPointer(pointer, media, 'schema'), place);
  }
}

/** A parameter's or header's schema: `schema`, or that of its one `content` entry. */
function schemaOf(node: Node, pointer: string): [unknown, string] {
  if (node.schema !== undefined || !isNode(node.content)) {
    return [node.schema, `${pointer}/schema`];
  }
  const [media, mediaType] = Object.entries(node.content)[0] ?? [];
  const schema = isNode(mediaType) ? mediaType.schema : undefined;
  return [schema, joinPointer(`${pointer}/content`, media ?? '', 'schema')];
}

function listAt(value: unknown, pointer: string): { item: unknown; pointer: string }[] {
  return Array.isArray(value)
    ? value.map((item, index) => ({ item, pointer: `${pointer}/${index}` }))
    : [];
}
