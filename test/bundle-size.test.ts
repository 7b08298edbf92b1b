import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** Minified, gzipped size of a browser bundle that imports `names` from the package. */
async function bundledSize(names: string[]): Promise<number> {
  const result = await build({
    stdin: {
      contents: `import { ${names.join(', ')} } from '@wechatpay-kit/inspolicymgr'; console.log(${names.join(', ')});`,
      resolveDir: import.meta.dirname,
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
  });
  return gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array()).length;
}

describe('bundle size (minified + gzip, browser)', () => {
  it('the whole client, openapi-fetch included, stays under 12 kB', async () => {
    expect(await bundledSize(['createInspolicymgrClient'])).toBeLessThan(12_000);
  });

  it('tree-shakes: the callback parser alone is less than half of that', async () => {
    const client = await bundledSize(['createInspolicymgrClient']);
    const parser = await bundledSize(['parseNotification']);
    expect(parser).toBeLessThan(client / 2);
    expect(await bundledSize(['PolicyState'])).toBeLessThan(600);
  });
});
