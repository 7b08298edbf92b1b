import { specError } from '../errors.js';
import { unescapeToken } from '@wechatpay-kit/core/internal';

/** A JSON value of the bundled OpenAPI document. */
export type Node = Record<string, unknown>;

/** Follows `$ref`s from `node` (at `pointer`) until a plain node; returns it and its pointer. */
export type Resolver = (node: unknown, pointer: string) => { node: Node; pointer: string };

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The resolver of a bundled document, where every `$ref` is local (`#/components/...`).
 * A `$ref` it cannot follow is a SpecError naming where it is.
 */
export function createResolver(document: Node): Resolver {
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
  return (node, pointer) => {
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
}

/** `node[key]` when it is an object, else an empty one: for optional maps of the spec. */
export function childNode(node: unknown, key: string): Node {
  const child = isNode(node) ? node[key] : undefined;
  return isNode(child) ? child : {};
}

/** The component name of a `#/components/schemas/<Name>` reference, if it is one. */
export function schemaRefName(node: unknown): string | undefined {
  if (!isNode(node) || typeof node.$ref !== 'string') {
    return undefined;
  }
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(node.$ref);
  return match ? unescapeToken(match[1] ?? '') : undefined;
}
