import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { isNode, type Node } from '../lib/document.js';

/** Parameters the client fills in itself; callers may leave them out. */
export const SET_BY_CLIENT = 'x-wechatpay-set-by-client';

/** `schema.ts`: `paths`, `webhooks`, `components` and `operations` types from openapi-typescript. */
export async function schemaTypes(document: Node): Promise<string> {
  // A copy: openapi-typescript mutates its input, and the client-set parameters are loosened.
  const copy = structuredClone(document);
  loosenClientSetParameters(copy);
  const ast = await openapiTS(copy as unknown as OpenAPI3, {
    silent: true,
    alphabetize: false,
    exportType: false,
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
