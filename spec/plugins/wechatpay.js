// Redocly plugin with lint rules specific to the WeChat Pay APIv3 spec.
//
// Rules (enable them as `wechatpay/<rule>` in redocly.yaml):
// - encrypted-requires-serial: an operation whose request body contains a property marked
//   `x-wechatpay-encrypted: true` must declare a required `Wechatpay-Serial` header parameter,
//   because WeChat Pay needs to know which public key encrypted the field.
// - encrypted-field-pointers: every `x-wechatpay-encrypted` mark in a request or response body can
//   be expressed as a field pointer, the form the generator hands the client and the simulator;
//   and no mark sits in a non-2xx answer, which nothing decrypts.
// - enum-varnames: every schema with `enum` (or `x-extensible-enum`, an open list of known values)
//   must carry `x-enum-varnames` and `x-enum-descriptions` arrays of the same length (the code
//   generator turns them into named constants and doc comments).
//
// The marks are found by the walker the generator uses too, so lint and generated code agree.

import { findEncryptedFields } from '@wechatpay-kit/core/internal/encrypted-fields';

const SERIAL_HEADER = 'wechatpay-serial';
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The encrypted fields (and the walker's problems) of every media type of the operation's request
 * body or of one of its responses (`key`), `$ref`s resolved relative to the file that holds them.
 */
function encryptedFieldsOf(operation, key, ctx) {
  const holder = key.reduce((node, token) => (isObject(node) ? node[token] : undefined), operation);
  const found = { fields: [], problems: [] };
  if (holder === undefined) return found;
  const resolved = ctx.resolve(holder);
  if (!isObject(resolved.node) || !isObject(resolved.node.content)) return found;
  const location = holder.$ref === undefined ? ctx.location.child(key) : resolved.location;
  for (const [media, value] of Object.entries(resolved.node.content)) {
    if (!isObject(value) || value.schema === undefined) continue;
    const { fields, problems } = findEncryptedFields(
      value.schema,
      location.child(['content', media, 'schema']),
      (node, at) => {
        const target = ctx.resolve(node, at.source.absoluteRef);
        return target.node === undefined ? undefined : target;
      },
    );
    found.fields.push(...fields);
    found.problems.push(...problems);
  }
  found.fields = [...new Set(found.fields)];
  return found;
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
        const encrypted = encryptedFieldsOf(operation, ['requestBody'], ctx).fields;
        if (encrypted.length === 0) return;
        const fields = encrypted.join(', ');
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

function EncryptedFieldPointers() {
  const report = (ctx, problems) => {
    for (const { location, message } of problems) ctx.report({ message, location });
  };
  return {
    Operation: {
      enter(operation, ctx) {
        report(ctx, encryptedFieldsOf(operation, ['requestBody'], ctx).problems);
        const statuses = isObject(operation.responses) ? Object.keys(operation.responses) : [];
        for (const status of statuses) {
          const { fields, problems } = encryptedFieldsOf(operation, ['responses', status], ctx);
          report(ctx, problems);
          if (fields.length > 0 && !/^2\d\d$/.test(status)) {
            ctx.report({
              message: `The ${status} answer marks ${fields.join(', ')} x-wechatpay-encrypted, but only the 2xx answer is decrypted.`,
              location: ctx.location.child(['responses', status]),
            });
          }
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
        'encrypted-field-pointers': EncryptedFieldPointers,
        'enum-varnames': EnumVarnames,
      },
    },
  };
}
