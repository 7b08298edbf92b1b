import { joinPointer, pointerTokens } from './json-pointer.js';

/**
 * Replaces the values at field pointers with what `map` returns. A field pointer is an RFC 6901
 * JSON pointer whose tokens may be selectors (see `findEncryptedFields`, which writes them):
 *
 * - `*`: every element of an array;
 * - `*{"from":2}`: every element of an array from index 2 on;
 * - `*{"match":"^x-","except":["id"],"unless":["^y-"]}`: every member of an object whose name
 *   matches `match`, is none of `except` and matches none of `unless` (each part optional,
 *   `*{}` is every member).
 *
 * Missing fields are skipped; `map` sees each concrete pointer, e.g. `/names/2`.
 */
export async function mapPointers(
  document: unknown,
  pointers: readonly string[],
  map: (value: unknown, pointer: string) => Promise<unknown>,
): Promise<void> {
  for (const steps of parsedPointers(pointers)) {
    await visit(document, steps, '', map);
  }
}

/** Parsed pointer lists, per list: an operation's list is parsed once, not on every call. */
const parsed = new WeakMap<readonly string[], readonly Step[][]>();

function parsedPointers(pointers: readonly string[]): readonly Step[][] {
  let steps = parsed.get(pointers);
  if (!steps) {
    steps = pointers.map(parsePointer);
    parsed.set(pointers, steps);
  }
  return steps;
}

/** Picks the keys of a container that one token of a field pointer selects. */
type Step = (container: object) => string[];

async function visit(
  node: unknown,
  steps: readonly Step[],
  at: string,
  map: (value: unknown, pointer: string) => Promise<unknown>,
): Promise<void> {
  const [select, ...rest] = steps;
  if (select === undefined || node === null || typeof node !== 'object') {
    return;
  }
  const container = node as Record<string, unknown>;
  for (const key of select(container)) {
    const pointer = joinPointer(at, key);
    if (rest.length === 0) {
      // An own data property even for a member named `__proto__`.
      const value = await map(container[key], pointer);
      Object.defineProperty(container, key, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    } else {
      await visit(container[key], rest, pointer, map);
    }
  }
}

function parsePointer(pointer: string): Step[] {
  try {
    return pointerTokens(pointer).map(parseStep);
  } catch (error) {
    throw new TypeError(`Invalid field pointer ${pointer}: ${(error as Error).message}`);
  }
}

function parseStep(token: string): Step {
  if (token === '*') {
    return (container) => (Array.isArray(container) ? indices(container, 0) : []);
  }
  if (!token.startsWith('*{')) {
    return (container) => (hasField(container, token) ? [token] : []);
  }
  const spec = JSON.parse(token.slice(1)) as MemberSelector & { from?: number };
  if (spec.from !== undefined) {
    const from = spec.from;
    return (container) => (Array.isArray(container) ? indices(container, from) : []);
  }
  const match = spec.match === undefined ? undefined : new RegExp(spec.match, 'u');
  const except = new Set(spec.except);
  const unless = (spec.unless ?? []).map((pattern) => new RegExp(pattern, 'u'));
  const selected = (name: string) =>
    (match === undefined || match.test(name)) &&
    !except.has(name) &&
    !unless.some((pattern) => pattern.test(name));
  return (container) => (Array.isArray(container) ? [] : Object.keys(container).filter(selected));
}

interface MemberSelector {
  match?: string;
  except?: string[];
  unless?: string[];
}

/** An own member of an object, or an index of an array (not `length`). */
function hasField(container: object, token: string): boolean {
  if (Array.isArray(container)) {
    return /^(?:0|[1-9]\d*)$/.test(token) && Number(token) < container.length;
  }
  return Object.hasOwn(container, token);
}

function indices(list: readonly unknown[], from: number): string[] {
  return list.slice(from).map((_, index) => String(from + index));
}
