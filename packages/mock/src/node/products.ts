import { createRequire } from 'node:module';
import {
  createSimulator,
  type MockProduct,
  type Simulator,
  type SimulatorOptions,
} from '../simulator/simulator.js';

/** What the server needs of a product's simulator. */
export type ServedSimulator = Pick<
  Simulator,
  'handlers' | 'keys' | 'now' | 'advanceTime' | 'reset' | 'userActions'
>;

type Exports = Record<string, Record<string, string> | string>;

/** The products of this package: its subpaths other than `.`, `./node` and `./package.json`. */
export function mockProducts(): string[] {
  return Object.keys(packageExports())
    .filter((subpath) => !['.', './node', './package.json'].includes(subpath))
    .map((subpath) => subpath.slice(2));
}

function packageExports(): Exports {
  // Two levels under the package folder from src/node and from dist/node alike.
  const manifest = createRequire(import.meta.url)('../../package.json') as { exports: Exports };
  return manifest.exports;
}

/**
 * The simulator of `@wechatpay-kit/mock/<name>`: its plug-in's `create<Product>Simulator` when it
 * has one, else the generic simulator on its generated `<product>Mock`.
 */
export async function loadSimulator(
  name: string,
): Promise<(options: SimulatorOptions) => ServedSimulator> {
  const entry = packageExports()[`./${name}`];
  if (typeof entry !== 'object') {
    throw new Error(`unknown product "${name}" (products: ${mockProducts().join(', ')})`);
  }
  // From source under the tests, from dist once built.
  const file = import.meta.url.endsWith('.ts') ? entry['@wechatpay-kit/source'] : entry.default;
  const module = (await import(new URL(`../../${file}`, import.meta.url).href)) as Record<
    string,
    unknown
  >;
  const plugin = Object.entries(module).find(
    ([key, value]) => /^create\w+Simulator$/.test(key) && typeof value === 'function',
  );
  if (plugin) {
    return plugin[1] as (options: SimulatorOptions) => ServedSimulator;
  }
  const product = Object.entries(module).find(([key]) => key.endsWith('Mock'))?.[1];
  if (product === undefined) {
    throw new Error(`@wechatpay-kit/mock/${name} exports no <product>Mock: run \`pnpm generate\``);
  }
  return (options) => createSimulator({ ...options, product: product as MockProduct });
}
