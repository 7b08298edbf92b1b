import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Core's folders form layers, each importing only from those below it (and from itself):
// crypto → protocol → transport → client. Callbacks sit beside the client. The entry points
// (index, internal, testing) may import anything; errors.ts and version.ts import nothing.
const RANK: Record<string, number> = {
  'errors.ts': 0,
  'version.ts': 0,
  crypto: 1,
  protocol: 2,
  transport: 3,
  client: 4,
  notification: 4,
};
const ENTRY_POINTS = ['index.ts', 'internal.ts', 'testing.ts'];

const src = resolve(import.meta.dirname, '../src');

/** `protocol` for `protocol/verify.ts`, `errors.ts` for a root file. */
function layerOf(file: string): string {
  return file.split('/')[0] as string;
}

async function relativeImports(): Promise<{ from: string; to: string }[]> {
  const files = (await readdir(src, { recursive: true })).filter((file) => file.endsWith('.ts'));
  const edges: { from: string; to: string }[] = [];
  for (const file of files) {
    const text = await readFile(join(src, file), 'utf8');
    for (const match of text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
      const target = relative(src, resolve(src, dirname(file), match[1] as string)) + '.ts';
      edges.push({ from: file, to: target });
    }
  }
  return edges;
}

describe('core layers', () => {
  it('every import points down a layer, or stays in its folder', async () => {
    const edges = await relativeImports();
    expect(edges.length).toBeGreaterThan(30);
    const upward = edges.filter(({ from, to }) => {
      if (ENTRY_POINTS.includes(from) || layerOf(from) === layerOf(to)) {
        return false;
      }
      const [source, target] = [RANK[layerOf(from)], RANK[layerOf(to)]];
      return source === undefined || target === undefined || target >= source;
    });
    expect(upward).toEqual([]);
  });

  it('no module imports an entry point', async () => {
    const edges = await relativeImports();
    expect(edges.filter(({ to }) => ENTRY_POINTS.includes(to))).toEqual([]);
  });
});
