import type { Product } from './discover.js';

type Json = Record<string, unknown>;

/** Whether an export of the mock package is a product's subpath (source under these folders). */
function isProductExport(target: unknown): boolean {
  const source = (target as Json | null)?.['@wechatpay-kit/source'];
  return (
    typeof source === 'string' &&
    (source.startsWith('./src/generated/') || source.startsWith('./src/products/'))
  );
}

/**
 * The mock package's package.json with one subpath per product, `@wechatpay-kit/mock/<name>`:
 * the product's hand-written plug-in (`src/products/<name>/index.ts`) when it has one, else its
 * generated handlers; and a dependency on each client package, whose tables they import.
 */
export function syncedMockManifest(
  existing: Json,
  products: readonly Product[],
  hasPlugin: (name: string) => boolean,
): Json {
  const exports = Object.entries((existing.exports as Json | undefined) ?? {}).filter(
    ([, target]) => !isProductExport(target),
  );
  const last = exports.filter(([subpath]) => subpath === './package.json');
  const productExports = products.map((product) => {
    const folder = hasPlugin(product.name)
      ? `products/${product.name}`
      : `generated/${product.name}`;
    return [
      `./${product.name}`,
      {
        '@wechatpay-kit/source': `./src/${folder}/index.ts`,
        types: `./dist/${folder}/index.d.ts`,
        default: `./dist/${folder}/index.js`,
      },
    ];
  });
  const dependencies = { ...((existing.dependencies as Json | undefined) ?? {}) };
  for (const product of products) {
    dependencies[product.packageName] = 'workspace:*';
  }
  return {
    ...existing,
    exports: Object.fromEntries([
      ...exports.filter(([subpath]) => subpath !== './package.json'),
      ...productExports,
      ...last,
    ]),
    dependencies: Object.fromEntries(
      Object.entries(dependencies).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ),
  };
}
