import { constantCaseName, uniqueNames } from '../lib/names.js';
import type { Node } from '../lib/document.js';
import type { EnumMemberModel, EnumModel } from '../model.js';
import type { TransformContext } from './context.js';

/**
 * An open list of known string values (Zalando's convention): the type offers them, yet any
 * other string stays valid, as with error codes an API may add to at any time.
 */
export const EXTENSIBLE_ENUM = 'x-extensible-enum';

/**
 * A named string enum schema (`components/schemas/<Name>` with `enum`, or `x-extensible-enum`
 * for an open list) as a const-object model; any other schema (an enum of numbers, too) gives
 * none. Keys come from `x-enum-varnames` when the spec has them, else from the values
 * (`in-progress` → `IN_PROGRESS`), made unique identifiers; member docs from
 * `x-enum-descriptions`. A `null` among the values (a nullable enum) has no member.
 * @see https://spec.openapis.org/oas/v3.1.0#schema-object
 */
export function transformEnumSchema(
  schema: Node,
  context: TransformContext,
): EnumModel | undefined {
  const open = Array.isArray(schema[EXTENSIBLE_ENUM]);
  if (open && schema.enum !== undefined) {
    context.report(`enum "${context.key}" has both enum and ${EXTENSIBLE_ENUM}; keep one`);
    return undefined;
  }
  const listed = open ? schema[EXTENSIBLE_ENUM] : schema.enum;
  const values = Array.isArray(listed) ? listed.filter((value) => value !== null) : [];
  if (values.length === 0 || !values.every((value): value is string => typeof value === 'string')) {
    return undefined;
  }
  const all = listed as unknown[];
  const names = readStringList(schema, 'x-enum-varnames', all.length, context);
  const descriptions = readStringList(schema, 'x-enum-descriptions', all.length, context);
  const indexes = all.flatMap((value, index) => (value === null ? [] : [index]));
  const keys = uniqueNames(
    indexes.map((index) => constantCaseName(names?.[index] ?? (all[index] as string))),
    [],
    '_',
  );
  const members = indexes.map((index, position): EnumMemberModel => {
    const description = descriptions?.[index];
    const member = { key: keys[position] ?? '', value: all[index] as string };
    return description ? { ...member, description } : member;
  });
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  return {
    name: context.typeName(context.key),
    ...(description ? { description } : {}),
    members,
    ...(open ? { open: true as const } : {}),
  };
}

/** A vendor list with one string per value, when the spec has one; a malformed one is reported. */
function readStringList(
  schema: Node,
  key: string,
  length: number,
  context: TransformContext,
): readonly string[] | undefined {
  const list = schema[key];
  if (list === undefined) {
    return undefined;
  }
  if (
    !Array.isArray(list) ||
    list.length !== length ||
    !list.every((item) => typeof item === 'string')
  ) {
    context.child(key).report(`${key} must list ${length} strings, one per enum value`);
    return undefined;
  }
  return list;
}
