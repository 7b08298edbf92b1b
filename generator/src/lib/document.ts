import { specError } from '../errors.js';
import { unescapeToken } from '@wechatpay-kit/core/internal';

/** A JSON value of the bundled OpenAPI document. */
export type Node = Record<string, unknown>;

/** Read access to the bundled document, where every `$ref` is local (`#/components/...`). */
export interface DocumentContext {
  readonly document: Node;
  /** Follows `$ref`s until a plain node; returns it with the pointer it lives at. */
  resolve(node: unknown, pointer: string): { node: Node; pointer: string };
}

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function createDocumentContext(document: Node): DocumentContext {
  const lookup = (ref: string, from: string): Node => {
    if (!ref.startsWith('#/')) {
      throw specError(from, `cannot follow non-local $ref "${ref}" in the bundled spec`);
    }
    let current: unknown = document;
    for (const token of ref.slice(2).split('/').map(unescapeToken)) {
      current = isNode(current) || Array.isArray(current) ? (current as Node)[token] : undefined;
    }
    if (!isNode(current)) {
      throw specError(from, `$ref "${ref}" does not point to an object`);
    }
    return current;
  };
  const resolve = (node: unknown, pointer: string): { node: Node; pointer: string } => {
    const seen = new Set<string>();
    let current = node;
    let at = pointer;
    while (isNode(current) && typeof current.$ref === 'string') {
      if (seen.has(current.$ref)) {
        throw specError(at, `$ref cycle through "${current.$ref}"`);
      }
      seen.add(current.$ref);
      const ref: string = current.$ref;
      current = lookup(ref, at);
      at = ref.slice(1);
    }
    if (!isNode(current)) {
      throw specError(at, 'expected an object');
    }
    return { node: current, pointer: at };
  };
  return { document, resolve };
}

/** The component name of a `#/components/schemas/<Name>` reference, if it is one. */
export function schemaRefName(node: unknown): string | undefined {
  if (!isNode(node) || typeof node.$ref !== 'string') {
    return undefined;
  }
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(node.$ref);
  return match ? unescapeToken(match[1] ?? '') : undefined;
}
