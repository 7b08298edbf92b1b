import type { OpenAPI3, SchemaObject } from 'openapi-typescript';
import type { TypeNode } from 'typescript';
import {
  STRING,
  astToString,
  openapiTypes,
  tsIntersection,
  tsLiteral,
  tsUnion,
} from '../lib/openapi-typescript.js';
import { ts } from '../lib/typescript.js';
import { isNode, type Node } from '../lib/document.js';
import { EXTENSIBLE_ENUM } from '../transform/enum-schema.js';

/** Parameters the client fills in itself; callers may leave them out. */
export const SET_BY_CLIENT = 'x-wechatpay-set-by-client';

/**
 * `schema.ts`: `paths`, `webhooks`, `components` and `operations` types from openapi-typescript.
 * `receivedSchemas` names the component schemas only WeChat Pay writes (decrypted callback
 * resources): their types list the documented fields only, see `dropOpenObjectMarkers`.
 */
export async function schemaTypes(
  document: Node,
  receivedSchemas: readonly string[] = [],
): Promise<string> {
  // A copy: openapi-typescript mutates its input, and the copy is adjusted for the types.
  const copy = structuredClone(document);
  loosenClientSetParameters(copy);
  const schemas = isNode(copy.components) ? copy.components.schemas : undefined;
  for (const name of receivedSchemas) {
    dropOpenObjectMarkers(isNode(schemas) ? schemas[name] : undefined);
  }
  const ast = openapiTypes(copy as unknown as OpenAPI3, {
    alphabetize: false,
    exportType: false,
    transform: openEnumType,
  });
  return astToString(ast);
}

/** Marks every `x-wechatpay-set-by-client` parameter optional, wherever it is declared. */
export function loosenClientSetParameters(node: unknown): void {
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
export function dropOpenObjectMarkers(node: unknown): void {
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

/** `x-extensible-enum: [A, B]` as `'A' | 'B' | (string & {})`: any string, known ones suggested. */
function openEnumType(schema: SchemaObject): TypeNode | undefined {
  const values: unknown = (schema as Node)[EXTENSIBLE_ENUM];
  if (!Array.isArray(values)) {
    return undefined;
  }
  const anyString = tsIntersection([STRING, ts.factory.createTypeLiteralNode([])]);
  return tsUnion([...values.map((value) => tsLiteral(value)), anyString]);
}
