import { createHash } from 'node:crypto';
import { joinPointer } from '@wechatpay-kit/core/internal';
import { isNode, type Node, type Resolver } from './document.js';

/** Deeper than this, a schema is taken as recursive and gets no seeded value. */
const MAX_DEPTH = 12;

const ALNUM = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A small PRNG (mulberry32) seeded from a string: the same seed, the same values everywhere. */
function randomFrom(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The smallest value a schema allows (required properties only, `minItems` items), with strings
 * and numbers drawn from a PRNG seeded by `seed`. `undefined` when the schema has no such value
 * the generator can make (e.g. it recurses through required fields); the caller checks the value
 * against the schema anyway, since `pattern` and similar keywords are not followed.
 */
export function seededValue(
  schema: unknown,
  pointer: string,
  resolve: Resolver,
  seed: string,
): unknown {
  return valueOf(schema, pointer, { resolve, random: randomFrom(seed), depth: 0 });
}

interface Walk {
  resolve: Resolver;
  random: () => number;
  depth: number;
}

function valueOf(schema: unknown, pointer: string, walk: Walk): unknown {
  if (!isNode(schema) || walk.depth > MAX_DEPTH) {
    return walk.depth > MAX_DEPTH ? undefined : {};
  }
  const { node, pointer: at } = walk.resolve(schema, pointer);
  const deeper = { ...walk, depth: walk.depth + 1 };
  if (node.const !== undefined) {
    return node.const;
  }
  const choices = Array.isArray(node.enum) ? node.enum.filter((item) => item !== null) : [];
  if (choices.length > 0) {
    return choices[Math.floor(walk.random() * choices.length)];
  }
  for (const combiner of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(node[combiner]) && node[combiner].length > 0) {
      return valueOf(node[combiner][0], joinPointer(at, combiner, '0'), deeper);
    }
  }
  if (Array.isArray(node.allOf)) {
    return allOfValue(node, at, deeper);
  }
  return typedValue(node, at, typeOf(node), deeper);
}

function typeOf(node: Node): string {
  const types = Array.isArray(node.type) ? node.type : [node.type];
  const type = types.find((item) => typeof item === 'string' && item !== 'null');
  if (typeof type === 'string') {
    return type;
  }
  return isNode(node.properties) || node.required ? 'object' : node.items ? 'array' : 'any';
}

function typedValue(node: Node, at: string, type: string, walk: Walk): unknown {
  switch (type) {
    case 'object':
      return objectValue(node, at, walk);
    case 'array':
      return arrayValue(node, at, walk);
    case 'string':
      return stringValue(node, walk.random);
    case 'integer':
    case 'number':
      return numberValue(node, type, walk.random);
    case 'boolean':
      return walk.random() < 0.5;
    default:
      return {};
  }
}

function objectValue(node: Node, at: string, walk: Walk): unknown {
  const properties = isNode(node.properties) ? node.properties : {};
  const required = Array.isArray(node.required) ? node.required.map(String) : [];
  // openapi-typescript types a property with a `default` as always present: give it the default.
  const defaulted = Object.keys(properties).filter(
    (name) => !required.includes(name) && defaultOf(properties[name], at, name, walk) !== undefined,
  );
  const value: Record<string, unknown> = {};
  for (const name of defaulted) {
    value[name] = defaultOf(properties[name], at, name, walk);
  }
  for (const name of required) {
    const child = valueOf(properties[name] ?? {}, joinPointer(at, 'properties', name), walk);
    if (child === undefined) {
      return undefined;
    }
    value[name] = child;
  }
  return value;
}

function defaultOf(schema: unknown, at: string, name: string, walk: Walk): unknown {
  return isNode(schema)
    ? walk.resolve(schema, joinPointer(at, 'properties', name)).node.default
    : undefined;
}

/** An object with the required properties of every `allOf` member (and the schema's own). */
function allOfValue(node: Node, at: string, walk: Walk): unknown {
  const members = (node.allOf as unknown[]).map((member, index) =>
    valueOf(member, joinPointer(at, 'allOf', String(index)), walk),
  );
  const own = isNode(node.properties) || node.required ? objectValue(node, at, walk) : undefined;
  const parts = [...members, ...(own === undefined ? [] : [own])];
  if (parts.some((part) => part === undefined)) {
    return undefined;
  }
  return parts.every(isNode) ? Object.assign({}, ...parts) : parts[0];
}

function arrayValue(node: Node, at: string, walk: Walk): unknown {
  const count = typeof node.minItems === 'number' ? node.minItems : 0;
  const items = Array.from({ length: count }, () =>
    valueOf(node.items ?? {}, joinPointer(at, 'items'), walk),
  );
  return items.some((item) => item === undefined) ? undefined : items;
}

const FORMATS: Record<string, (random: () => number) => string> = {
  'date-time': (random) => `2024-01-${day(random)}T08:00:00+08:00`,
  date: (random) => `2024-01-${day(random)}`,
  time: () => '08:00:00+08:00',
  email: (random) => `${letters(random, 6)}@example.com`,
  uri: (random) => `https://example.com/${letters(random, 6)}`,
  url: (random) => `https://example.com/${letters(random, 6)}`,
  hostname: () => 'example.com',
  ipv4: () => '192.0.2.1',
  ipv6: () => '2001:db8::1',
  uuid: (random) =>
    Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
      .join('')
      .replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'),
};

const day = (random: () => number) => String(1 + Math.floor(random() * 28)).padStart(2, '0');

function letters(random: () => number, length: number): string {
  return Array.from({ length }, () => ALNUM[Math.floor(random() * ALNUM.length)]).join('');
}

function stringValue(node: Node, random: () => number): string {
  const format = typeof node.format === 'string' ? FORMATS[node.format] : undefined;
  if (format) {
    return format(random);
  }
  const min = typeof node.minLength === 'number' ? node.minLength : 0;
  const max = typeof node.maxLength === 'number' ? node.maxLength : Math.max(min, 16);
  return letters(random, Math.min(Math.max(min, 8), max));
}

function numberValue(node: Node, type: string, random: () => number): number {
  const lowest = bound(node.minimum, node.exclusiveMinimum, 1);
  const highest = bound(node.maximum, node.exclusiveMaximum, -1);
  const low = lowest ?? Math.min(1, highest ?? 1);
  const high = highest ?? low + 100;
  const value = low + random() * Math.max(0, high - low);
  const step = typeof node.multipleOf === 'number' ? node.multipleOf : type === 'integer' ? 1 : 0;
  return step > 0 ? Math.min(Math.ceil(value / step) * step, high) : value;
}

/** The inclusive bound of `minimum`/`exclusiveMinimum` (3.1 numbers or 3.0 booleans). */
function bound(inclusive: unknown, exclusive: unknown, direction: 1 | -1): number | undefined {
  if (typeof exclusive === 'number') {
    return exclusive + direction;
  }
  if (typeof inclusive !== 'number') {
    return undefined;
  }
  return exclusive === true ? inclusive + direction : inclusive;
}
