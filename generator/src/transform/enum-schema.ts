import { specError } from '../errors.js';
import type { Node } from '../lib/document.js';
import type { EnumMemberModel, EnumModel } from '../model.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * An open list of known string values (Zalando's convention): the type offers them, yet any
 * other string stays valid, as with error codes an API may add to at any time.
 */
export const EXTENSIBLE_ENUM = 'x-extensible-enum';

/**
 * A named string enum schema (`components/schemas/<Name>` with `enum`, or `x-extensible-enum`
 * for an open list) as a const-object model.
 * Keys come from `x-enum-varnames`, member docs from `x-enum-descriptions`.
 * @see https://spec.openapis.org/oas/v3.1.0#schema-object
 */
export function transformEnumSchema(
  name: string,
  schema: Node,
  { path }: { path: string },
): EnumModel | undefined {
  const open = Array.isArray(schema[EXTENSIBLE_ENUM]);
  if (open && schema.enum !== undefined) {
    throw specError(path, `enum "${name}" has both enum and ${EXTENSIBLE_ENUM}; keep one`);
  }
  const values = open ? schema[EXTENSIBLE_ENUM] : schema.enum;
  if (!Array.isArray(values)) {
    return undefined;
  }
  if (!values.every((value): value is string => typeof value === 'string')) {
    throw specError(
      `${path}/${open ? EXTENSIBLE_ENUM : 'enum'}`,
      'only string enums are supported',
    );
  }
  const keys = readStringList(schema, 'x-enum-varnames', values.length, path);
  if (!keys) {
    throw specError(path, `enum "${name}" needs x-enum-varnames, one name per value`);
  }
  const descriptions = readStringList(schema, 'x-enum-descriptions', values.length, path);
  const members = values.map((value, index): EnumMemberModel => {
    const key = keys[index] ?? '';
    if (!IDENTIFIER.test(key)) {
      throw specError(`${path}/x-enum-varnames/${index}`, `"${key}" is not a valid identifier`);
    }
    const description = descriptions?.[index];
    return description ? { key, value, description } : { key, value };
  });
  assertUnique(members, path);
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  return {
    name,
    ...(description ? { description } : {}),
    members,
    ...(open ? { open: true as const } : {}),
  };
}

function readStringList(
  schema: Node,
  key: string,
  length: number,
  path: string,
): string[] | undefined {
  const list = schema[key];
  if (list === undefined) {
    return undefined;
  }
  if (
    !Array.isArray(list) ||
    list.length !== length ||
    !list.every((item) => typeof item === 'string')
  ) {
    throw specError(`${path}/${key}`, `${key} must list ${length} strings, one per enum value`);
  }
  return list;
}

function assertUnique(members: readonly EnumMemberModel[], path: string): void {
  const seen = new Set<string>();
  for (const [index, { key }] of members.entries()) {
    if (seen.has(key)) {
      throw specError(`${path}/x-enum-varnames/${index}`, `duplicate enum name "${key}"`);
    }
    seen.add(key);
  }
}
