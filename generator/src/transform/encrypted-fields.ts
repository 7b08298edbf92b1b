import { specError } from '../errors.js';
import { isNode, type DocumentContext } from '../lib/document.js';
import { joinPointer } from '@wechatpay-kit/core/internal';

export const ENCRYPTED = 'x-wechatpay-encrypted';

const COMPOSITIONS = ['allOf', 'anyOf', 'oneOf'] as const;

/**
 * JSON pointers (into the JSON instance, not the schema) of every field a schema marks
 * `x-wechatpay-encrypted: true`. `*` stands for every element of an array; a marked array
 * of strings means each element is encrypted on its own.
 */
export function collectEncryptedFields(
  schema: unknown,
  ctx: DocumentContext,
  { path }: { path: string },
): string[] {
  const found = new Set<string>();
  const state = { visiting: new Set<string>(), recursive: false };
  walk(schema, '', path, ctx, found, state);
  if (state.recursive && found.size > 0) {
    // A field under a recursive $ref sits at unboundedly many pointers; refuse, never miss one.
    throw specError(path, 'x-wechatpay-encrypted fields are not supported in a recursive schema');
  }
  return [...found].sort();
}

function walk(
  schema: unknown,
  instance: string,
  path: string,
  ctx: DocumentContext,
  found: Set<string>,
  state: { visiting: Set<string>; recursive: boolean },
): void {
  if (!isNode(schema)) {
    return;
  }
  const { node, pointer } = ctx.resolve(schema, path);
  if (state.visiting.has(pointer)) {
    state.recursive = true;
    return;
  }
  state.visiting.add(pointer);
  if (node[ENCRYPTED] === true) {
    found.add(node.type === 'array' ? `${instance}/*` : instance);
  }
  if (isNode(node.properties)) {
    for (const [name, property] of Object.entries(node.properties)) {
      const next = joinPointer(instance, name);
      walk(property, next, joinPointer(pointer, 'properties', name), ctx, found, state);
    }
  }
  if (node.items !== undefined) {
    walk(node.items, `${instance}/*`, `${pointer}/items`, ctx, found, state);
  }
  for (const key of COMPOSITIONS) {
    const parts = node[key];
    if (Array.isArray(parts)) {
      parts.forEach((part, index) =>
        walk(part, instance, `${pointer}/${key}/${index}`, ctx, found, state),
      );
    }
  }
  state.visiting.delete(pointer);
}
