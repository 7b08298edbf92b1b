import type { OpenAPI3, SchemaObject } from 'openapi-typescript';
import type { TypeNode } from 'typescript';
import {
  STRING,
  astToString,
  openapiTypes as typeNodes,
  tsIntersection,
  tsLiteral,
  tsUnion,
} from '../lib/openapi-typescript.js';
import { ts } from '../lib/typescript.js';
import type { Node } from '../lib/document.js';
import { EXTENSIBLE_ENUM } from '../transform/enum-schema.js';

/**
 * `schema.ts`: the `paths`, `webhooks`, `components` and `operations` types openapi-typescript
 * writes for the model's `typesDocument`, which is handed over: openapi-typescript changes it.
 */
export async function openapiTypes(typesDocument: Node): Promise<string> {
  const ast = typeNodes(typesDocument as unknown as OpenAPI3, {
    alphabetize: false,
    exportType: false,
    transform: openEnumType,
  });
  return astToString(ast);
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
