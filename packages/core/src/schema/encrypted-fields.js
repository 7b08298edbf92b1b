// @ts-check
// The one walk that finds the `x-wechatpay-encrypted` fields of a body schema. The Redocly lint
// plugin (spec/plugins/wechatpay.js), the generator and, through the pointers the generator writes
// into the operation table, the client and the simulator all depend on it.
//
// Plain JavaScript with JSDoc types on purpose: the lint plugin is loaded by `redocly` under plain
// Node, which cannot import TypeScript, and importing the source means no stale build can make lint
// and generator disagree. `tsc` checks this file (`@ts-check`) and emits its declarations.
//
// The result is a list of field pointers in the syntax `mapPointers` (../protocol/fields.ts)
// applies at runtime: RFC 6901 pointers whose `*` tokens select several values; see `selector`.
// Whatever a pointer cannot express is a problem, never a silent miss.

const ENCRYPTED = 'x-wechatpay-encrypted';

/**
 * A place in the spec, as the caller tracks it: a file and JSON pointer for the lint rule, a
 * pointer into the bundled document for the generator.
 * @template L
 * @typedef {{ child(key: string | number): L }} SpecLocation
 */

/**
 * Follows the `$ref` of `node` (found at `location`): the target and where it is, or `undefined`
 * when it cannot be resolved.
 * @template L
 * @typedef {(node: { $ref: string }, location: L) => { node: unknown, location: L } | undefined} ResolveRef
 */

/**
 * @template L
 * @typedef {{ location: L, message: string }} EncryptedFieldProblem
 */

/**
 * @template L
 * @typedef {{ fields: string[], problems: EncryptedFieldProblem<L>[] }} EncryptedFields
 */

/**
 * Where a subschema's value sits: a field pointer, or why no pointer can reach it (the keyword
 * that lost track and the pointer where it did).
 * @typedef {string | { keyword: string, at: string, reason: string }} Instance
 */

/** Keywords whose subschemas apply to the value itself (same pointer). */
const IN_PLACE_LISTS = ['allOf', 'anyOf', 'oneOf'];
const IN_PLACE = ['if', 'then', 'else'];

/** Keywords whose subschemas describe values no pointer can name, and why. */
const UNREACHABLE = {
  contains:
    'the elements it applies to are only known by validating them; declare the field under "items" or "prefixItems"',
  unevaluatedItems:
    'the elements it applies to depend on which subschemas matched; declare the field under "items" or "prefixItems"',
  unevaluatedProperties:
    'the members it applies to depend on which subschemas matched; declare the field under "properties", "patternProperties" or "additionalProperties"',
  not: 'a schema a value must not match marks no field; remove the mark',
  propertyNames: 'it describes member names, and only values can be encrypted',
  contentSchema:
    'it describes the decoded content of a string, which a pointer cannot reach into; mark the string itself',
};

/**
 * The field pointers of every value `schema` marks `x-wechatpay-encrypted: true`, and the problems
 * that keep some from being expressed. Follows `$ref` (with its siblings), `properties`,
 * `patternProperties`, `additionalProperties`, `items`, `prefixItems`, `allOf`, `anyOf`, `oneOf`,
 * `if`, `then`, `else` and `dependentSchemas`; a mark under `contains`, `unevaluatedItems`,
 * `unevaluatedProperties`, `not`, `propertyNames` or `contentSchema`, or under a recursive schema,
 * is a problem. `$defs` hold no value and are only reached through `$ref`.
 *
 * A marked array means each of its elements is encrypted on its own (`/list/*`).
 *
 * @template {SpecLocation<L>} L
 * @param {unknown} schema the body schema
 * @param {L} location where `schema` is
 * @param {ResolveRef<L>} resolve
 * @returns {EncryptedFields<L>}
 */
export function findEncryptedFields(schema, location, resolve) {
  /** @type {Walk<L>} */
  const walk = {
    resolve,
    fields: new Set(),
    problems: [],
    reported: new Map(),
    stack: new Map(),
    marks: 0,
  };
  visit(walk, schema, location, '');
  return { fields: [...walk.fields].sort(), problems: walk.problems };
}

/**
 * @template L
 * @typedef {object} Walk
 * @property {ResolveRef<L>} resolve
 * @property {Set<string>} fields
 * @property {EncryptedFieldProblem<L>[]} problems
 * @property {Map<object, Set<string>>} reported problems already reported, per schema node
 * @property {Map<object, { instance: Instance, recursed: boolean }>} stack the schemas being visited
 * @property {number} marks how many marks were met so far
 */

/**
 * @template {SpecLocation<L>} L
 * @param {Walk<L>} walk
 * @param {unknown} schema
 * @param {L} location
 * @param {Instance} instance
 */
function visit(walk, schema, location, instance) {
  if (!isObject(schema)) {
    return; // `true`, `false` and malformed schemas carry no mark
  }
  const open = walk.stack.get(schema);
  if (open) {
    // Back at a schema being visited: a loop through in-place keywords adds nothing, a loop
    // that went deeper makes every field below it repeat at unboundedly many pointers.
    open.recursed ||= open.instance !== instance;
    return;
  }
  const entry = { instance, recursed: false };
  walk.stack.set(schema, entry);
  const marksBefore = walk.marks;
  mark(walk, schema, location, instance);
  follow(walk, schema, location, instance);
  walk.stack.delete(schema);
  if (entry.recursed && walk.marks > marksBefore) {
    report(
      walk,
      schema,
      location,
      `${ENCRYPTED} fields under this recursive schema (reached at ${show(instance)}) would sit at unboundedly many pointers; give them a fixed depth`,
    );
  }
}

/**
 * Records the schema's own mark.
 * @template L
 * @param {Walk<L>} walk
 * @param {Record<string, unknown>} schema
 * @param {L} location
 * @param {Instance} instance
 */
function mark(walk, schema, location, instance) {
  const flag = schema[ENCRYPTED];
  if (flag === undefined || flag === false) {
    return;
  }
  if (flag !== true) {
    report(walk, schema, location, `"${ENCRYPTED}" must be true or false`);
    return;
  }
  walk.marks += 1;
  if (typeof instance !== 'string') {
    const message = `${ENCRYPTED} under "${instance.keyword}" at ${show(instance.at)} cannot be expressed as a field pointer: ${instance.reason}`;
    report(walk, schema, location, message);
  } else if (isArraySchema(walk, schema, location)) {
    walk.fields.add(`${instance}/*`);
  } else if (instance === '') {
    report(
      walk,
      schema,
      location,
      `${ENCRYPTED} on the body itself cannot be applied: only fields are encrypted; mark a property`,
    );
  } else {
    walk.fields.add(instance);
  }
}

/**
 * Visits every subschema that describes the value or a part of it.
 * @template {SpecLocation<L>} L
 * @param {Walk<L>} walk
 * @param {Record<string, unknown>} schema
 * @param {L} location
 * @param {Instance} instance
 */
function follow(walk, schema, location, instance) {
  if (typeof schema.$ref === 'string') {
    const target = walk.resolve(/** @type {{ $ref: string }} */ (schema), location);
    if (target) {
      visit(walk, target.node, target.location, instance);
    } else {
      report(
        walk,
        schema,
        location,
        `cannot follow $ref "${schema.$ref}" to look for ${ENCRYPTED} fields`,
      );
    }
  }
  if (typeof schema.$dynamicRef === 'string') {
    report(
      walk,
      schema,
      location,
      `"$dynamicRef" cannot be followed to look for ${ENCRYPTED} fields; use "$ref"`,
    );
  }
  for (const keyword of IN_PLACE_LISTS) {
    eachItem(schema[keyword], location, keyword, (child, at) => visit(walk, child, at, instance));
  }
  for (const keyword of IN_PLACE) {
    if (schema[keyword] !== undefined) {
      visit(walk, schema[keyword], location.child(keyword), instance);
    }
  }
  eachEntry(schema.dependentSchemas, location, 'dependentSchemas', (_, child, at) =>
    visit(walk, child, at, instance),
  );
  followMembers(walk, schema, location, instance);
  followElements(walk, schema, location, instance);
  for (const [keyword, reason] of Object.entries(UNREACHABLE)) {
    if (schema[keyword] !== undefined) {
      const lost = typeof instance === 'string' ? { keyword, at: instance, reason } : instance;
      visit(walk, schema[keyword], location.child(keyword), lost);
    }
  }
}

/**
 * `properties`, `patternProperties` and `additionalProperties`.
 * @template {SpecLocation<L>} L
 * @param {Walk<L>} walk
 * @param {Record<string, unknown>} schema
 * @param {L} location
 * @param {Instance} instance
 */
function followMembers(walk, schema, location, instance) {
  const names = isObject(schema.properties) ? Object.keys(schema.properties) : [];
  const patterns = isObject(schema.patternProperties) ? Object.keys(schema.patternProperties) : [];
  eachEntry(schema.properties, location, 'properties', (name, child, at) => {
    if (typeof instance === 'string' && isSelector(name)) {
      const reason = `the property name "${name}" reads as a selector token in field pointers; rename it`;
      visit(walk, child, at, { keyword: 'properties', at: instance, reason });
    } else {
      visit(walk, child, at, step(instance, escapeToken(name)));
    }
  });
  eachEntry(schema.patternProperties, location, 'patternProperties', (pattern, child, at) => {
    if (typeof instance === 'string' && !isRegExp(pattern)) {
      const reason = `its pattern ${JSON.stringify(pattern)} is not a valid Unicode regular expression`;
      visit(walk, child, at, { keyword: 'patternProperties', at: instance, reason });
    } else {
      visit(walk, child, at, step(instance, selector({ match: pattern })));
    }
  });
  if (schema.additionalProperties !== undefined) {
    const rest = {
      ...(names.length > 0 ? { except: names } : {}),
      ...(patterns.length > 0 ? { unless: patterns } : {}),
    };
    visit(
      walk,
      schema.additionalProperties,
      location.child('additionalProperties'),
      step(instance, selector(rest)),
    );
  }
}

/**
 * `prefixItems` and `items` (the elements after the prefix).
 * @template {SpecLocation<L>} L
 * @param {Walk<L>} walk
 * @param {Record<string, unknown>} schema
 * @param {L} location
 * @param {Instance} instance
 */
function followElements(walk, schema, location, instance) {
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems.length : 0;
  eachItem(schema.prefixItems, location, 'prefixItems', (child, at, index) =>
    visit(walk, child, at, step(instance, String(index))),
  );
  if (schema.items !== undefined) {
    const every = prefix === 0 ? '*' : selector({ from: prefix });
    visit(walk, schema.items, location.child('items'), step(instance, every));
  }
}

/**
 * A selector token: `*` alone is every element of an array; `*` and a JSON object selects
 * `{"from": n}` the elements from index n on, or the members of an object whose name matches
 * `match` (a regular expression), is none of `except` and matches none of `unless`.
 * @param {{ from: number } | { match?: string, except?: string[], unless?: string[] }} spec
 * @returns {string}
 */
function selector(spec) {
  return escapeToken(`*${JSON.stringify(spec)}`);
}

/**
 * Whether a member name would read as a selector token.
 * @param {string} name
 */
function isSelector(name) {
  return name === '*' || name.startsWith('*{');
}

/**
 * @param {Instance} instance
 * @param {string} token an escaped pointer token
 * @returns {Instance}
 */
function step(instance, token) {
  return typeof instance === 'string' ? `${instance}/${token}` : instance;
}

/**
 * @template L
 * @param {Walk<L>} walk
 * @param {object} schema
 * @param {L} location
 * @param {string} message
 */
function report(walk, schema, location, message) {
  const seen = walk.reported.get(schema) ?? new Set();
  if (!seen.has(message)) {
    seen.add(message);
    walk.reported.set(schema, seen);
    walk.problems.push({ location, message });
  }
}

/**
 * Calls `each` for every subschema of a list keyword (`allOf: [...]`).
 * @template {SpecLocation<L>} L
 * @param {unknown} list the keyword's value
 * @param {L} location of the schema holding the keyword
 * @param {string} keyword
 * @param {(child: unknown, at: L, index: number) => void} each
 */
function eachItem(list, location, keyword, each) {
  if (Array.isArray(list)) {
    const at = location.child(keyword);
    list.forEach((child, index) => each(child, at.child(index), index));
  }
}

/**
 * Calls `each` for every subschema of a map keyword (`properties: {...}`).
 * @template {SpecLocation<L>} L
 * @param {unknown} map the keyword's value
 * @param {L} location of the schema holding the keyword
 * @param {string} keyword
 * @param {(key: string, child: unknown, at: L) => void} each
 */
function eachEntry(map, location, keyword, each) {
  if (isObject(map)) {
    const at = location.child(keyword);
    for (const [key, child] of Object.entries(map)) {
      each(key, child, at.child(key));
    }
  }
}

/**
 * Whether the schema, or the schema its `$ref` leads to when it has no `type`, is an array.
 * @template L
 * @param {Walk<L>} walk
 * @param {Record<string, unknown>} schema
 * @param {L} location
 * @param {Set<object>} seen
 * @returns {boolean}
 */
function isArraySchema(walk, schema, location, seen = new Set()) {
  if (schema.type !== undefined) {
    return schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'));
  }
  if (typeof schema.$ref !== 'string' || seen.has(schema)) {
    return false;
  }
  seen.add(schema);
  const target = walk.resolve(/** @type {{ $ref: string }} */ (schema), location);
  return isObject(target?.node) && isArraySchema(walk, target.node, target.location, seen);
}

/**
 * @param {string} pattern
 */
function isRegExp(pattern) {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * @param {Instance} instance
 * @returns {string}
 */
function show(instance) {
  if (typeof instance !== 'string') {
    return `"${instance.keyword}" at ${show(instance.at)}`;
  }
  return instance === '' ? 'the body' : instance;
}

/**
 * RFC 6901 escape of one token.
 * @param {string} token
 */
function escapeToken(token) {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
