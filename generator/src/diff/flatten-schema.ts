import { joinPointer } from '@wechatpay-kit/core/internal';
import { isNode, schemaRefName, type Node, type Resolver } from '../lib/document.js';
import type { Direction, FieldEntry, FieldFacts, FieldRole } from './model.js';

/** Where one schema sits: its field path, enclosing entry, role and required-ness. */
export interface SchemaPlace {
  path: string;
  parent?: string;
  role: FieldRole;
  required?: boolean;
  status?: string;
}

/** What every entry of one walk shares. */
export interface SchemaWalk {
  ctx: { resolve: Resolver };
  direction: Direction;
  fields: Map<string, FieldEntry>;
}

/** A schema with its `$ref` target and `allOf` members folded in. */
interface MergedSchema {
  facts: Omit<FieldFacts, 'required'>;
  properties: Map<string, { schema: unknown; pointer: string }>;
  required: Set<string>;
  children: { suffix: string; role: FieldRole; schema: unknown; pointer: string }[];
}

/**
 * Adds the entry for `schema` at `place` and, below it, one entry per property, array item,
 * map value, `oneOf`/`anyOf` variant and decoded `contentSchema`. `$ref`s already being walked
 * (recursive schemas) are entered but not descended into again.
 */
export function flattenSchema(
  walk: SchemaWalk,
  schema: unknown,
  pointer: string,
  place: SchemaPlace,
  stack: readonly string[] = [],
): void {
  if (!isNode(schema)) {
    addEntry(walk, place, { encrypted: false });
    return;
  }
  // The `$ref` target's pointer names the schema on the walk's stack, to spot recursion.
  const at = walk.ctx.resolve(schema, pointer).pointer;
  const merged = mergeSchema(walk.ctx, schema, pointer, new Set());
  addEntry(walk, place, merged.facts);
  if (stack.includes(at)) {
    return;
  }
  const inner = [...stack, at];
  for (const [name, property] of merged.properties) {
    const child = { path: `${place.path}.${name}`, parent: place.path, role: 'property' as const };
    flattenSchema(
      walk,
      property.schema,
      property.pointer,
      { ...child, required: merged.required.has(name) },
      inner,
    );
  }
  for (const { suffix, role, schema: childSchema, pointer: childPointer } of merged.children) {
    const child = { path: `${place.path}${suffix}`, parent: place.path, role };
    flattenSchema(walk, childSchema, childPointer, child, inner);
  }
}

function addEntry(walk: SchemaWalk, place: SchemaPlace, facts: Omit<FieldFacts, 'required'>) {
  walk.fields.set(place.path, { ...place, ...facts, direction: walk.direction });
}

/**
 * Folds the `$ref` target and `allOf` members into one view: properties and required names add
 * up, the first type, format and value list found win (the schema's own, then its `$ref`'s, as
 * OpenAPI 3.1 lets keywords sit beside `$ref`), and any encrypted mark counts.
 */
function mergeSchema(ctx: { resolve: Resolver }, node: Node, pointer: string, seen: Set<string>) {
  seen.add(pointer);
  const merged: MergedSchema = {
    facts: factsOf(node),
    properties: new Map(),
    required: new Set(stringsOf(node.required)),
    children: childrenOf(node, pointer),
  };
  if (isNode(node.properties)) {
    for (const [name, schema] of Object.entries(node.properties)) {
      merged.properties.set(name, { schema, pointer: joinPointer(pointer, 'properties', name) });
    }
  }
  const members = [
    ...(typeof node.$ref === 'string' ? [{ member: { $ref: node.$ref }, at: pointer }] : []),
    ...listAt(node.allOf, `${pointer}/allOf`),
  ];
  for (const { member, at } of members) {
    const resolved = ctx.resolve(member, at);
    if (!seen.has(resolved.pointer)) {
      absorb(merged, mergeSchema(ctx, resolved.node, resolved.pointer, seen));
    }
  }
  return merged;
}

function absorb(into: MergedSchema, member: MergedSchema): void {
  const { facts } = into;
  into.facts = {
    ...(member.facts.types && !facts.types ? { types: member.facts.types } : {}),
    ...(member.facts.format && !facts.format ? { format: member.facts.format } : {}),
    ...(member.facts.enum && !facts.enum ? { enum: member.facts.enum } : {}),
    ...facts,
    encrypted: facts.encrypted || member.facts.encrypted,
  };
  for (const [name, property] of member.properties) {
    if (!into.properties.has(name)) {
      into.properties.set(name, property);
    }
  }
  member.required.forEach((name) => into.required.add(name));
  into.children.push(...member.children);
}

/** The facts a client depends on; `nullable` (OpenAPI 3.0) counts as the `null` type. */
export function factsOf(node: Node): Omit<FieldFacts, 'required'> {
  const types = typesOf(node);
  const values = Array.isArray(node.enum)
    ? { values: node.enum.map(show), open: false }
    : Array.isArray(node['x-extensible-enum'])
      ? { values: node['x-extensible-enum'].map(show), open: true }
      : 'const' in node
        ? { values: [show(node.const)], open: false }
        : undefined;
  return {
    ...(types ? { types } : {}),
    ...(typeof node.format === 'string' ? { format: node.format } : {}),
    ...(values ? { enum: values } : {}),
    encrypted: node['x-wechatpay-encrypted'] === true,
  };
}

function typesOf(node: Node): string[] | undefined {
  const declared = typeof node.type === 'string' ? [node.type] : stringsOf(node.type);
  const types = declared.length > 0 ? declared : inferredTypes(node);
  if (types.length === 0) {
    return undefined;
  }
  return [...new Set([...types, ...(node.nullable === true ? ['null'] : [])])].sort();
}

/** A schema with `properties` or `items` but no `type` still only takes objects or arrays. */
function inferredTypes(node: Node): string[] {
  return isNode(node.properties) ? ['object'] : isNode(node.items) ? ['array'] : [];
}

function childrenOf(node: Node, pointer: string): MergedSchema['children'] {
  const children: MergedSchema['children'] = [];
  const add = (suffix: string, role: FieldRole, schema: unknown, at: string) => {
    if (isNode(schema)) {
      children.push({ suffix, role, schema, pointer: at });
    }
  };
  add('[]', 'property', node.items, `${pointer}/items`);
  add('{}', 'property', node.additionalProperties, `${pointer}/additionalProperties`);
  add('(decoded)', 'property', node.contentSchema, `${pointer}/contentSchema`);
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const variants = Array.isArray(node[keyword]) ? node[keyword] : [];
    variants.forEach((variant: unknown, index: number) => {
      const label = schemaRefName(variant) ?? `${keyword}[${index}]`;
      add(`<${label}>`, 'variant', variant, `${pointer}/${keyword}/${index}`);
    });
  }
  return children;
}

function listAt(value: unknown, pointer: string): { member: unknown; at: string }[] {
  return Array.isArray(value)
    ? value.map((member, index) => ({ member, at: `${pointer}/${index}` }))
    : [];
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
