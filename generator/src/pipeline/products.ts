import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jsonFile } from '../lib/json-file.js';
import { clientReadme } from '../product/client-readme.js';
import {
  CLIENT_INDEX,
  VITEST_CONFIG,
  clientManifestFields,
  syncedManifest,
  TSCONFIG,
  TSCONFIG_BUILD,
  turboConfig,
} from '../product/client-package.js';
import { findProducts, type Product } from '../product/discover.js';
import { productLayout, productTarget } from '../product/layout.js';
import { syncedMockManifest } from '../product/mock-package.js';
import type { ApiModel } from '../model.js';
import { generateWithModel, type GenerateOptions, type GeneratedOutput } from './generate.js';
import { UsageError } from '../usage-error.js';
import type { PackageFile } from './write-files.js';

/** Everything `pnpm generate` writes for the products of a repository. */
export interface ProductsRun {
  products: Product[];
  /** Generated folders, each replaced as a whole. */
  outputs: GeneratedOutput[];
  /** Package files: manifests, configs, READMEs. */
  files: PackageFile[];
}

/**
 * Generates every product under `<root>/spec` (or those named), in parallel: each one's client
 * package and mock folder, and the mock package's manifest with a subpath per product.
 */
export async function generateProducts(
  root: string,
  {
    only,
    cwd = root,
    ...options
  }: { only?: readonly string[]; cwd?: string } & GenerateOptions = {},
): Promise<ProductsRun> {
  const all = await findProducts(root, cwd);
  const unknown = (only ?? []).filter((name) => !all.some((product) => product.name === name));
  if (unknown.length > 0) {
    const known = all.map((product) => product.name).join(', ') || 'none';
    throw new UsageError(`No product ${unknown.join(', ')} under spec/ (products: ${known}).`);
  }
  const chosen = only ? all.filter((product) => only.includes(product.name)) : all;
  const runs = await Promise.all(
    chosen.map((product) => generateProduct(root, product, cwd, options)),
  );
  const mock = await mockManifest(root, all);
  return {
    products: chosen,
    outputs: runs.flatMap((run) => run.outputs),
    files: [...runs.flatMap((run) => run.files), ...(mock ? [mock] : [])],
  };
}

async function generateProduct(
  root: string,
  product: Product,
  cwd: string,
  options: GenerateOptions,
): Promise<{ outputs: GeneratedOutput[]; files: PackageFile[] }> {
  const target = productTarget(root, product, cwd);
  // Without a mock package (a bare repository) the product gets its client only.
  const hasMock = existsSync(join(productLayout(root, product).mockDir, 'package.json'));
  const { mockOutDir: _mock, ...clientOnly } = target;
  const { model, outputs } = await generateWithModel(hasMock ? target : clientOnly, options);
  return { outputs, files: await clientPackageFiles(root, product, model, target.specLabel) };
}

/** The client package's files around its generated folder, formatted as the repository's. */
async function clientPackageFiles(
  root: string,
  product: Product,
  model: ApiModel,
  specLabel: string,
): Promise<PackageFile[]> {
  const dir = productLayout(root, product).clientDir;
  const existing = await readJson(join(dir, 'package.json'));
  // Written as the repository's Prettier would (they sit beside hand-written files).
  const contents: Record<string, string> = {
    'package.json': jsonFile(
      syncedManifest(existing, clientManifestFields(product)),
      'package.json',
    ),
    'tsconfig.json': jsonFile(TSCONFIG, 'tsconfig.json'),
    'tsconfig.build.json': jsonFile(TSCONFIG_BUILD, 'tsconfig.build.json'),
    'turbo.json': jsonFile(turboConfig(product), 'turbo.json'),
    'vitest.config.ts': VITEST_CONFIG,
    'README.md': clientReadme(product, model, specLabel),
  };
  const files: PackageFile[] = Object.entries(contents).map(([path, content]) => ({
    path: join(dir, path),
    content,
  }));
  files.push({ path: join(dir, 'src/index.ts'), content: CLIENT_INDEX, createOnly: true });
  const license = join(root, 'LICENSE');
  if (existsSync(license)) {
    files.push({ path: join(dir, 'LICENSE'), content: await readFile(license, 'utf8') });
  }
  return files;
}

/** The mock package's manifest with every product's subpath; none when there is no mock package. */
async function mockManifest(
  root: string,
  products: readonly Product[],
): Promise<PackageFile | undefined> {
  const dir = join(root, 'packages', 'mock');
  const existing = await readJson(join(dir, 'package.json'));
  if (!existing) {
    return undefined;
  }
  const synced = syncedMockManifest(existing, products, (name) =>
    existsSync(join(dir, 'src/products', name, 'index.ts')),
  );
  const path = join(dir, 'package.json');
  return { path, content: jsonFile(synced, 'package.json') };
}

async function readJson(path: string): Promise<Record<string, unknown> | undefined> {
  return existsSync(path)
    ? (JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>)
    : undefined;
}
