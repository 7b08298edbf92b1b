import { join, relative, sep } from 'node:path';
import type { GenerateTarget } from '../target.js';
import type { Product } from './discover.js';

/** Where a product's packages live under the repository root. */
export interface ProductLayout {
  /** The client package, `packages/<name>`. */
  clientDir: string;
  /** The mock package, shared by every product. */
  mockDir: string;
}

export function productLayout(root: string, product: Product): ProductLayout {
  return {
    clientDir: join(root, 'packages', product.name),
    mockDir: join(root, 'packages', 'mock'),
  };
}

/** A path from the repository root, with `/` on every platform: how generated text names files. */
export function fromRoot(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/** The generator's target for a product: client folder, mock folder and names. */
export function productTarget(root: string, product: Product, cwd?: string): GenerateTarget {
  const { clientDir, mockDir } = productLayout(root, product);
  return {
    specPath: product.specPath,
    ...(product.redoclyConfigPath ? { redoclyConfigPath: product.redoclyConfigPath } : {}),
    outDir: join(clientDir, 'src', 'generated'),
    mockOutDir: join(mockDir, 'src', 'generated', product.name),
    // The generated folder sits two levels under the mock package's `src/`.
    mockRuntimeModule: '../../runtime.js',
    clientName: product.clientName,
    specLabel: fromRoot(root, product.specPath),
    corePackage: '@wechatpay-kit/core',
    packageName: product.packageName,
    ...(cwd === undefined ? {} : { cwd }),
  };
}
