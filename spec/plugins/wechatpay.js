// Redocly plugin with lint rules specific to the WeChat Pay APIv3 spec.
//
// Rules (enable them as `wechatpay/<rule>` in redocly.yaml):
// - encrypted-requires-serial: an operation whose request body contains a property marked
//   `x-wechatpay-encrypted: true` must declare a required `Wechatpay-Serial` header parameter,
//   because WeChat Pay needs to know which public key encrypted the field.
// - enum-varnames: every schema with `enum` (or `x-extensible-enum`, an open list of known values)
//   must carry `x-enum-varnames` and `x-enum-descriptions` arrays of the same length (the code
//   generator turns them into named constants and doc comments).

const ENCRYPTED_FLAG = 'x-wechatpay-encrypted';
const SERIAL_HEADER = 'wechatpay-serial';
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

// Keywords whose value is a single subschema or a list of subschemas.
const SUBSCHEMA_KEYWORDS = [
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'contentSchema',
];
const SUBSCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'dependentSchemas'];

function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapePointer(segment) {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Depth-first search for properties flagged as encrypted. `$ref`s are resolved relative to the file
 * that contains them; each resolved node is visited once, so recursive schemas terminate.
 * Returns JSON pointers (relative to the body schema) of the flagged properties.
 */
function findEncryptedProperties(schema, ctx, from, pointer = '', seen = new Set()) {
  let node = schema;
  let source = from;
  if (isObject(node) && typeof node.$ref === 'string') {
    const resolved = ctx.resolve(node, source);
    if (!resolved.node) return [];
    node = resolved.node;
    source = resolved.location.source.absoluteRef;
  }
  if (!isObject(node) || seen.has(node)) return [];
  seen.add(node);

  const found = [];
  for (const keyword of SUBSCHEMA_MAP_KEYWORDS) {
    if (!isObject(node[keyword])) continue;
    for (const [name, child] of Object.entries(node[keyword])) {
      const childPointer = `${pointer}/${escapePointer(name)}`;
      const target =
        isObject(child) && typeof child.$ref === 'string' ? ctx.resolve(child, source).node : child;
      if (
        (isObject(child) && child[ENCRYPTED_FLAG] === true) ||
        (isObject(target) && target[ENCRYPTED_FLAG] === true)
      ) {
        found.push(childPointer);
      }
      found.push(...findEncryptedProperties(child, ctx, source, childPointer, seen));
    }
  }
  for (const keyword of SUBSCHEMA_KEYWORDS) {
    if (isObject(node[keyword])) {
      found.push(
        ...findEncryptedProperties(node[keyword], ctx, source, `${pointer}/${keyword}`, seen),
      );
    }
  }
  for (const keyword of SUBSCHEMA_LIST_KEYWORDS) {
    if (!Array.isArray(node[keyword])) continue;
    node[keyword].forEach((child, index) => {
      found.push(
        ...findEncryptedProperties(child, ctx, source, `${pointer}/${keyword}/${index}`, seen),
      );
    });
  }
  return [...new Set(found)];
}

function EncryptedRequiresSerial() {
  // Path-level parameters apply to every operation of the path item.
  let pathItemParameters = [];
  let pathItemSource;

  function findSerial(parameters, ctx, from) {
    for (const [index, parameter] of (parameters ?? []).entries()) {
      const resolved = ctx.resolve(parameter, from);
      const node = resolved.node;
      if (
        isObject(node) &&
        node.in === 'header' &&
        String(node.name).toLowerCase() === SERIAL_HEADER
      ) {
        return { node, index };
      }
    }
    return undefined;
  }

  return {
    PathItem: {
      enter(pathItem, ctx) {
        pathItemParameters = Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
        pathItemSource = ctx.location.source.absoluteRef;
      },
    },
    Operation: {
      enter(operation, ctx) {
        const from = ctx.location.source.absoluteRef;
        const body = ctx.resolve(operation.requestBody ?? {}, from);
        if (!isObject(body.node) || !isObject(body.node.content)) return;
        const bodySource = body.location?.source.absoluteRef ?? from;

        const encrypted = [];
        for (const media of Object.values(body.node.content)) {
          if (isObject(media) && media.schema !== undefined) {
            encrypted.push(...findEncryptedProperties(media.schema, ctx, bodySource));
          }
        }
        if (encrypted.length === 0) return;
        const fields = [...new Set(encrypted)].join(', ');
        const name = operation.operationId ?? ctx.key;

        const own = findSerial(operation.parameters, ctx, from);
        const serial = own ?? findSerial(pathItemParameters, ctx, pathItemSource);
        if (!serial) {
          ctx.report({
            message: `Operation "${name}" sends encrypted field(s) ${fields} but declares no "Wechatpay-Serial" header parameter.`,
            location: ctx.location.child('parameters'),
          });
          return;
        }
        if (serial.node.required !== true) {
          ctx.report({
            message: `Operation "${name}" sends encrypted field(s) ${fields}; its "Wechatpay-Serial" header parameter must be required.`,
            location: own
              ? ctx.location.child(['parameters', own.index])
              : ctx.location.child('parameters'),
          });
        }
      },
    },
  };
}

function EnumVarnames() {
  return {
    Schema: {
      enter(schema, ctx) {
        const list = Array.isArray(schema.enum) ? 'enum' : 'x-extensible-enum';
        if (!Array.isArray(schema[list])) return;
        const count = schema[list].length;
        for (const keyword of ['x-enum-varnames', 'x-enum-descriptions']) {
          const value = schema[keyword];
          if (value === undefined) {
            ctx.report({
              message: `Schema with "${list}" (${count} values) must declare "${keyword}".`,
              location: ctx.location.child(list).key(),
            });
            continue;
          }
          if (!Array.isArray(value) || value.length !== count) {
            const actual = Array.isArray(value) ? `${value.length} entries` : 'not an array';
            ctx.report({
              message: `"${keyword}" must list ${count} entries, one per "${list}" value (found ${actual}).`,
              location: ctx.location.child(keyword),
            });
            continue;
          }
          value.forEach((entry, index) => {
            const valid =
              keyword === 'x-enum-varnames'
                ? typeof entry === 'string' && IDENTIFIER.test(entry)
                : typeof entry === 'string' && entry.trim() !== '';
            if (!valid) {
              ctx.report({
                message:
                  keyword === 'x-enum-varnames'
                    ? `"x-enum-varnames" entry ${JSON.stringify(entry)} is not a valid identifier.`
                    : `"x-enum-descriptions" entry ${index} must be a non-empty string.`,
                location: ctx.location.child([keyword, index]),
              });
            }
          });
          if (keyword === 'x-enum-varnames') {
            const duplicates = value.filter((entry, index) => value.indexOf(entry) !== index);
            if (duplicates.length > 0) {
              ctx.report({
                message: `"x-enum-varnames" has duplicate entries: ${[...new Set(duplicates)].join(', ')}.`,
                location: ctx.location.child(keyword),
              });
            }
          }
        }
      },
    },
  };
}

export default function wechatpayPlugin() {
  return {
    id: 'wechatpay',
    rules: {
      oas3: {
        'encrypted-requires-serial': EncryptedRequiresSerial,
        'enum-varnames': EnumVarnames,
      },
    },
  };
}
