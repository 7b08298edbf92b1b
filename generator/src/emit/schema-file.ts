import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import type { Node } from '../lib/document.js';

/** `schema.ts`: `paths`, `webhooks`, `components` and `operations` types from openapi-typescript. */
export async function schemaTypes(document: Node): Promise<string> {
  // openapi-typescript mutates its input while resolving; give it a copy.
  const ast = await openapiTS(structuredClone(document) as unknown as OpenAPI3, {
    silent: true,
    alphabetize: false,
    exportType: false,
  });
  return astToString(ast);
}
