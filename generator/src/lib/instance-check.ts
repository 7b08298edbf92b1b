import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { isNode, type Node, type Resolver } from './document.js';
import { joinPointer } from '@wechatpay-kit/core/internal';

/** Why a value does not fit a schema, or `undefined` when it does. */
export type InstanceCheck = (
  value: unknown,
  schema: unknown,
  schemaPointer: string,
) => string | undefined;

const DOCUMENT_ID = 'urn:wechatpay-kit:spec';

/**
 * Checks values (spec examples, seeded data) the way the generated code will meet them: valid
 * against the schema (Ajv; JSON Schema 2020-12 for OpenAPI 3.1, draft-07 with `nullable` for
 * 3.0; unknown formats accepted), and with no property the schema does not declare, because a
 * literal with one does not compile against openapi-typescript's type.
 */
export function createInstanceCheck(document: Node, resolve: Resolver): InstanceCheck {
  let ajv: Ajv | undefined;
  let walk: Walk | undefined;
  const compiled = new Map<string, ValidateFunction | string>();
  const validatorOf = (schema: unknown, schemaPointer: string): ValidateFunction | string => {
    ajv ??= createAjv(document);
    let validate = compiled.get(schemaPointer);
    if (validate === undefined) {
      try {
        validate = ajv.compile(rebase(schema) as object);
      } catch (error) {
        validate = error instanceof Error ? error.message : String(error);
      }
      compiled.set(schemaPointer, validate);
    }
    return validate;
  };
  return (value, schema, schemaPointer) => {
    const validate = validatorOf(schema, schemaPointer);
    if (typeof validate === 'string') {
      return `its schema cannot be compiled: ${validate}`;
    }
    if (!validate(value)) {
      const [error] = validate.errors ?? [];
      return `${error?.instancePath || '/'} ${error?.message ?? 'is invalid'}`;
    }
    walk ??= { resolve, discriminated: discriminatedSchemas(document) };
    return undeclaredProperty(value, schema, schemaPointer, walk, '');
  };
}

function createAjv(document: Node): Ajv {
  const is31 = String(document.openapi).startsWith('3.1');
  const options = {
    strict: false,
    validateSchema: false,
    allErrors: false,
    logger: false as const,
  };
  const ajv = is31 ? new Ajv2020(options) : new Ajv(options);
  formats.default(ajv);
  for (const format of usedFormats(document)) {
    if (!ajv.formats[format]) {
      ajv.addFormat(format, true);
    }
  }
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  return ajv;
}

/** A schema whose local `$ref`s (`#/components/…`) point into the registered document. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) {
    return schema.map(rebase);
  }
  if (!isNode(schema)) {
    return schema;
  }
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#')
        ? DOCUMENT_ID + value
        : rebase(value),
    ]),
  );
}

/** Every `format` value in the document, so that the ones Ajv does not know are accepted. */
function usedFormats(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    node.forEach((item) => usedFormats(item, found));
  } else if (isNode(node)) {
    if (typeof node.format === 'string') {
      found.add(node.format);
    }
    Object.values(node).forEach((child) => usedFormats(child, found));
  }
  return found;
}

interface Walk {
  resolve: Resolver;
  /** Pointer of each schema a discriminator maps a value to → that discriminator's property. */
  discriminated: Map<string, string>;
}

/**
 * The schemas a `discriminator.mapping` names: openapi-typescript gives each of their types the
 * discriminator property, required, so a literal of one needs it.
 */
function discriminatedSchemas(
  node: unknown,
  found = new Map<string, string>(),
): Map<string, string> {
  if (Array.isArray(node)) {
    node.forEach((item) => discriminatedSchemas(item, found));
  } else if (isNode(node)) {
    const { discriminator } = node;
    if (isNode(discriminator) && typeof discriminator.propertyName === 'string') {
      for (const ref of Object.values(isNode(discriminator.mapping) ? discriminator.mapping : {})) {
        if (typeof ref === 'string' && ref.startsWith('#')) {
          found.set(ref.slice(1), discriminator.propertyName);
        }
      }
    }
    Object.values(node).forEach((child) => discriminatedSchemas(child, found));
  }
  return found;
}

interface Declared {
  names: Map<string, Located[]>;
  /** Schemas of the properties it does not name: `additionalProperties`, when it allows any. */
  others: Located[];
  open: boolean;
  /**
   * Properties the type requires, outside `oneOf`/`anyOf`: the `required` ones, and those with a
   * `default`, which openapi-typescript types as always present (its `defaultNonNullable`).
   */
  mustHave: Set<string>;
}

interface Located {
  schema: unknown;
  pointer: string;
}

/**
 * Where a value would not compile against openapi-typescript's type of its schema though it is
 * valid: a property the schema does not declare (unless it allows any), or a property with a
 * `default` that the value lacks. With `oneOf`/`anyOf`, one alternative must fit on its own (with
 * its required properties and the discriminator), as one member of a union type must.
 */
function undeclaredProperty(
  value: unknown,
  schema: unknown,
  pointer: string,
  walk: Walk,
  at: string,
): string | undefined {
  if (value === null || typeof value !== 'object' || !isNode(schema)) {
    return undefined;
  }
  const target = walk.resolve(schema, pointer);
  let first: string | undefined;
  for (const variant of variantsOf(target, value, walk)) {
    const problem = Array.isArray(value)
      ? itemsProblem(value, variant, walk, at)
      : objectProblem(value as Record<string, unknown>, variant, walk, at);
    if (problem === undefined) {
      return undefined;
    }
    first ??= problem;
  }
  return first;
}

/**
 * The schema alone, or with each of its `oneOf`/`anyOf` alternatives in turn: the one the
 * discriminator maps the value to, when it has a mapping (openapi-typescript then types the
 * discriminator property as required, with the mapped value).
 */
function variantsOf(
  target: { node: Node; pointer: string },
  value: unknown,
  walk: Walk,
): Located[][] {
  const own = { schema: target.node, pointer: target.pointer };
  const discriminator = isNode(target.node.discriminator) ? target.node.discriminator : {};
  const property = discriminator.propertyName;
  const mapped =
    typeof property === 'string' && isNode(value) && isNode(discriminator.mapping)
      ? discriminator.mapping[String(value[property])]
      : undefined;
  const alternatives = (['oneOf', 'anyOf'] as const).flatMap((combiner) =>
    (Array.isArray(target.node[combiner]) ? (target.node[combiner] as unknown[]) : []).flatMap(
      (member, index) =>
        mapped !== undefined && isNode(member) && member.$ref !== mapped
          ? []
          : [resolveLocated(member, joinPointer(target.pointer, combiner, String(index)), walk)],
    ),
  );
  const extra =
    typeof property === 'string'
      ? [
          {
            schema: { required: [property] },
            pointer: joinPointer(target.pointer, 'discriminator'),
          },
        ]
      : [];
  return alternatives.length === 0
    ? [[own, ...extra]]
    : alternatives.map((alternative) => [own, alternative, ...extra]);
}

function resolveLocated(schema: unknown, pointer: string, walk: Walk): Located {
  const target = isNode(schema) ? walk.resolve(schema, pointer) : { node: {}, pointer };
  return { schema: target.node, pointer: target.pointer };
}

function itemsProblem(
  value: readonly unknown[],
  parts: readonly Located[],
  walk: Walk,
  at: string,
): string | undefined {
  const items = parts.find((part) => isNode(part.schema) && part.schema.items !== undefined);
  if (!items || !isNode(items.schema)) {
    return undefined;
  }
  const itemsAt = joinPointer(items.pointer, 'items');
  for (const [index, item] of value.entries()) {
    const problem = undeclaredProperty(item, items.schema.items, itemsAt, walk, `${at}/${index}`);
    if (problem) {
      return problem;
    }
  }
  return undefined;
}

function objectProblem(
  value: Record<string, unknown>,
  parts: readonly Located[],
  walk: Walk,
  at: string,
): string | undefined {
  const declared: Declared = { names: new Map(), others: [], open: false, mustHave: new Set() };
  const seen = new Set<string>();
  parts.forEach((part, index) =>
    declaredProperties(part.schema as Node, part.pointer, walk, declared, seen, false, index === 0),
  );
  const lacking = [...declared.mustHave].find((name) => !(name in value));
  if (lacking !== undefined) {
    return `${joinPointer(at, lacking)} is missing, and its type requires it`;
  }
  for (const [key, child] of Object.entries(value)) {
    const schemas = declared.names.get(key) ?? declared.others;
    if (schemas.length === 0 && !declared.open) {
      return `${joinPointer(at, key)} is not a property the schema declares`;
    }
    const problems = schemas.map((item) =>
      undeclaredProperty(child, item.schema, item.pointer, walk, joinPointer(at, key)),
    );
    if (problems.length > 0 && problems.every(Boolean)) {
      return problems[0];
    }
  }
  return undefined;
}

/**
 * Collects the properties a schema declares, through `allOf` (and, unless `skipUnions`, through
 * `oneOf`/`anyOf`, whose properties are then taken as optional).
 */
function declaredProperties(
  schema: Node,
  pointer: string,
  walk: Walk,
  into: Declared,
  seen: Set<string>,
  inUnion: boolean,
  skipUnions = false,
): void {
  if (seen.has(pointer) || !isNode(schema)) {
    return;
  }
  seen.add(pointer);
  const additional = schema.additionalProperties;
  if ((additional !== undefined && additional !== false) || schema.patternProperties) {
    into.open = true;
    if (isNode(additional) && Object.keys(additional).length > 0) {
      into.others.push({
        schema: additional,
        pointer: joinPointer(pointer, 'additionalProperties'),
      });
    }
  }
  const properties = isNode(schema.properties) ? schema.properties : {};
  for (const [name, child] of Object.entries(properties)) {
    const list = into.names.get(name) ?? [];
    const childAt = joinPointer(pointer, 'properties', name);
    list.push({ schema: child, pointer: childAt });
    into.names.set(name, list);
    if (!inUnion && isNode(child) && walk.resolve(child, childAt).node.default !== undefined) {
      into.mustHave.add(name);
    }
  }
  if (!inUnion && Array.isArray(schema.required)) {
    schema.required.forEach((name) => into.mustHave.add(String(name)));
  }
  const discriminator = walk.discriminated.get(pointer);
  if (!inUnion && discriminator !== undefined) {
    into.mustHave.add(discriminator);
  }
  for (const combiner of ['allOf', 'oneOf', 'anyOf'] as const) {
    if (skipUnions && combiner !== 'allOf') {
      continue;
    }
    const members = Array.isArray(schema[combiner]) ? (schema[combiner] as unknown[]) : [];
    members.forEach((member, index) => {
      const target = walk.resolve(member, joinPointer(pointer, combiner, String(index)));
      const union = inUnion || combiner !== 'allOf';
      declaredProperties(target.node, target.pointer, walk, into, seen, union);
    });
  }
}
