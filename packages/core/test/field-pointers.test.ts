import { describe, expect, it } from 'vitest';
import { mapPointers } from '../src/protocol/fields.js';

/** The pointers `mapPointers` hands to `map` for `pointers` over `document`, and the result. */
async function mapped(document: unknown, pointers: string[]) {
  const seen: string[] = [];
  await mapPointers(document, pointers, async (value, pointer) => {
    seen.push(pointer);
    return `<${String(value)}>`;
  });
  return { seen, document };
}

describe('mapPointers', () => {
  it('maps a plain field and skips a missing one', async () => {
    const result = await mapped({ a: { b: 'x' } }, ['/a/b', '/a/missing', '/none/b']);
    expect(result).toEqual({ seen: ['/a/b'], document: { a: { b: '<x>' } } });
  });

  it('unescapes tokens and escapes the pointers it reports', async () => {
    const result = await mapped({ 'a/b~c': 'x' }, ['/a~1b~0c']);
    expect(result).toEqual({ seen: ['/a~1b~0c'], document: { 'a/b~c': '<x>' } });
  });

  it('`*` is every element of an array, and nothing of an object', async () => {
    const result = await mapped({ list: ['x', 'y'], map: { a: 'z' } }, ['/list/*', '/map/*']);
    expect(result.seen).toEqual(['/list/0', '/list/1']);
    expect(result.document).toEqual({ list: ['<x>', '<y>'], map: { a: 'z' } });
  });

  it('`*{"from":n}` is every element from index n on', async () => {
    const result = await mapped({ row: ['key', 'x', 'y'] }, ['/row/*{"from":1}']);
    expect(result.document).toEqual({ row: ['key', '<x>', '<y>'] });
  });

  it('`*{}` is every member of an object, and nothing of an array', async () => {
    const result = await mapped({ map: { a: 'x', b: 'y' }, list: ['z'] }, [
      '/map/*{}',
      '/list/*{}',
    ]);
    expect(result.seen).toEqual(['/map/a', '/map/b']);
    expect(result.document).toEqual({ map: { a: '<x>', b: '<y>' }, list: ['z'] });
  });

  it('member selectors honour match, except and unless', async () => {
    const document = { m: { id_1: 'a', id_x: 'b', count: 'c', 'x-note': 'd', other: 'e' } };
    const result = await mapped(document, [
      '/m/*{"match":"^id_[0-9]+$"}',
      '/m/*{"except":["count"],"unless":["^x-","^id_"]}',
    ]);
    expect(result.seen).toEqual(['/m/id_1', '/m/other']);
  });

  it('carries on below a selector', async () => {
    const document = { people: { ann: { id: 'a' }, bob: { id: 'b', name: 'n' } } };
    const result = await mapped(document, ['/people/*{}/id']);
    expect(result.seen).toEqual(['/people/ann/id', '/people/bob/id']);
  });

  it('escapes member names from a selector in the pointers it reports', async () => {
    const result = await mapped({ m: { 'a/b': 'x' } }, ['/m/*{}']);
    expect(result.seen).toEqual(['/m/a~1b']);
  });

  it('takes only indices of an array and only own members of an object', async () => {
    const result = await mapped({ list: ['x'], map: {} }, [
      '/list/length',
      '/list/01',
      '/list/1',
      '/map/toString',
    ]);
    expect(result.seen).toEqual([]);
  });

  it('writes a member named __proto__ as an own property', async () => {
    const document = JSON.parse('{"m":{"__proto__":"x"}}') as { m: object };
    await mapped(document, ['/m/*{}']);
    expect(Object.getPrototypeOf(document.m)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(document.m, '__proto__')?.value).toBe('<x>');
  });

  it('names the pointer when a selector is malformed', async () => {
    await expect(mapped({}, ['/m/*{"match":'])).rejects.toThrow(
      /^Invalid field pointer \/m\/\*\{"match":: /,
    );
  });
});
