import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { isNode, type Node, type Resolver } from './document.js';
import { joinPointer } from '@wechatpay-kit/core/internal';

/** Why a value does not fit a schema, or `undefined` when it does. */
export type InstanceCheck = (value: unknown, schema: unknown, schemaPointer: string) => string | undefined;

const DOCUMENT_ID = 'urn:wechatpay-kit:spec';

/**
 * Checks values (spec examples, seeded data) the way the generated code will meet them: valid
 * against the schema (Ajv; JSON Schema 2020-12 for OpenAPI 3.1, draft-07 with `nullable` for
 * 3.0; unknown formats accepted), and with no property the schema does not declare, because a
 * literal with one does not compile against openapi-typescript's type.
 */
export function createInstanceCheck(document: Node, resolve: Resolver): InstanceCheck {
  let ajv: Ajv | undefined;
  const compiled = new Map<string, ValidateFunction | string>();
  const validatorOf = (schemaPointer: string): ValidateFunction | string => {
    ajv ??= createAjv(document);
    let validate = compiled.get(schemaPointer);
    if (validate === undefined) {
      try {
        validate = ajv.getSchema(`${DOCUMENT_ID}#${encodeURI(schemaPointer)}`) ?? 'no schema';
      } catch (error) {
        validate = error instanceof Error ? error.message : String(error);
      }
      compiled.set(schemaPointer, validate);
    }
    return validate;
  };
  return (value, schema, schemaPointer) => {
    const validate = validatorOf(schemaPointer);
    if (typeof validate === 'string') {
      return `its schema cannot be compiled: ${validate}`;
    }
    if (!validate(value)) {
      const [error] = validate.errors ?? [];
      return `${error?.instancePath || '/'} ${error?.message ?? 'is invalid'}`;
    }
    return undeclaredProperty(value, schema, schemaPointer, resolve, '');
  };
}

function createAjv(document: Node): Ajv {
  const is31 = String(document.openapi).startsWith('3.1');
  const options = { strict: false, validateSchema: false, allErrors: false, logger: false as const };
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

interface Declared {
  names: Map<string, { schema: unknown; pointer: string }[]>;
  open: boolean;
}

/**
 * The first property of an object (at any depth) that its schema does not declare, unless the
 * schema allows any (`additionalProperties`, `patternProperties`).
 */
function undeclaredProperty(
  value: unknown,
  schema: unknown,
  pointer: string,
  resolve: Resolver,
  at: string,
): string | undefined {
  if (value === null || typeof value !== 'object' || !isNode(schema)) {
    return undefined;
  }
  const target = resolve(schema, pointer);
  if (Array.isArray(value)) {
    const items = target.node.items;
    const itemsAt = joinPointer(target.pointer, 'items');
    for (const [index, item] of value.entries()) {
      const problem = undeclaredProperty(item, items, itemsAt, resolve, `${at}/${index}`);
      if (problem) {
        return problem;
      }
    }
    return undefined;
  }
  const declared = declaredProperties(target.node, target.pointer, resolve);
  for (const [key, child] of Object.entries(value)) {
    const schemas = declared.names.get(key);
    if (!schemas) {
      if (declared.open) {
        continue;
      }
      return `${joinPointer(at, key)} is not a property the schema declares`;
    }
    const problems = schemas.map((item) =>
      undeclaredProperty(child, item.schema, item.pointer, resolve, joinPointer(at, key)),
    );
    if (problems.every(Boolean)) {
      return problems[0];
    }
  }
  return undefined;
}

const COMBINERS = ['allOf', 'oneOf', 'anyOf'] as const;

function declaredProperties(
  schema: Node,
  pointer: string,
  resolve: Resolver,
  into: Declared = { names: new Map(), open: false },
  seen = new Set<string>(),
): Declared {
  if (seen.has(pointer)) {
    return into;
  }
  seen.add(pointer);
  const additional = schema.additionalProperties;
  if ((additional !== undefined && additional !== false) || schema.patternProperties) {
    into.open = true;
  }
  const properties = isNode(schema.properties) ? schema.properties : {};
  for (const [name, child] of Object.entries(properties)) {
    const list = into.names.get(name) ?? [];
    list.push({ schema: child, pointer: joinPointer(pointer, 'properties', name) });
    into.names.set(name, list);
  }
  for (const combiner of COMBINERS) {
    const members = Array.isArray(schema[combiner]) ? (schema[combiner] as unknown[]) : [];
    members.forEach((member, index) => {
      const target = resolve(member, joinPointer(pointer, combiner, String(index)));
      declaredProperties(target.node, target.pointer, resolve, into, seen);
    });
  }
  return into;
}
