import { joinPointer, pointerTokens } from './json-pointer.js';

/**
 * Replaces the values at JSON pointers (where `*` means every array element) with what `map`
 * returns. Missing fields are skipped; `map` sees each concrete pointer, e.g. `/names/2`.
 */
export async function mapPointers(
  document: unknown,
  pointers: readonly string[],
  map: (value: unknown, pointer: string) => Promise<unknown>,
): Promise<void> {
  for (const pointer of pointers) {
    const tokens = pointerTokens(pointer);
    await visit(document, tokens, '', map);
  }
}

async function visit(
  node: unknown,
  tokens: readonly string[],
  at: string,
  map: (value: unknown, pointer: string) => Promise<unknown>,
): Promise<void> {
  const [token, ...rest] = tokens;
  if (token === undefined || node === null || typeof node !== 'object') {
    return;
  }
  const container = node as Record<string, unknown>;
  const keys =
    token === '*' ? (Array.isArray(node) ? node.map((_, index) => String(index)) : []) : [token];
  for (const key of keys) {
    if (!(key in container)) {
      continue;
    }
    const pointer = joinPointer(at, key);
    if (rest.length === 0) {
      container[key] = await map(container[key], pointer);
    } else {
      await visit(container[key], rest, pointer, map);
    }
  }
}
