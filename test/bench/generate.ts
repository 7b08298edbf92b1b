/**
 * `pnpm bench:generate` (part of `pnpm bench`): CPU time of `generate --check` over every product
 * against openapi-typescript's CLI alone on each product's bundled spec, in the same run.
 *
 * Each side runs as its own `node` process, as a user starts it: ours is the generator's bin
 * (lint, bundle, transform, print, compare with the committed files, for all products); theirs
 * is `openapi-typescript <bundled spec> -o <tmp>` once per product, on specs bundled here
 * beforehand (not counted). Each process reports its own CPU (user + system, all threads) on
 * exit through cpu-on-exit.mjs; the package manager and turbo are not counted. Rounds alternate
 * which side goes first; the ratio is total CPU over total CPU. It is a measurement: it exits 0
 * whatever the ratio, unless something fails (e.g. stale generated code).
 *
 * On Node ≥ 22.1 the generator enables Node's compile cache, so rounds after the first reuse
 * compiled code; the report names the Node version it ran on.
 *
 * Tunables (environment): BENCH_GENERATE_ROUNDS (5).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');
const ROUNDS = Number(process.env.BENCH_GENERATE_ROUNDS ?? 5);
const CPU_HOOK = pathToFileURL(join(import.meta.dirname, 'cpu-on-exit.mjs')).href;
const generatorRequire = createRequire(join(ROOT, 'generator/package.json'));

interface Product {
  name: string;
  spec: string;
  config?: string;
}

/** `spec/openapi.yaml` (one product) or `spec/<product>/openapi.yaml` (a folder per product). */
async function findProducts(): Promise<Product[]> {
  const specDir = join(ROOT, 'spec');
  const withConfig = (name: string, dir: string): Product => {
    const config = join(dir, 'redocly.yaml');
    return { name, spec: join(dir, 'openapi.yaml'), ...(existsSync(config) ? { config } : {}) };
  };
  if (existsSync(join(specDir, 'openapi.yaml'))) {
    return [withConfig('spec', specDir)];
  }
  const entries = await readdir(specDir, { withFileTypes: true });
  return (
    entries
      // `spec/dist` holds `pnpm lint:spec`'s bundle, not a product.
      .filter((entry) => entry.isDirectory() && entry.name !== 'dist')
      .filter((entry) => existsSync(join(specDir, entry.name, 'openapi.yaml')))
      .map((entry) => withConfig(entry.name, join(specDir, entry.name)))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  );
}

/** What this file uses of @redocly/openapi-core. */
interface Redocly {
  loadConfig(options: { configPath?: string }): Promise<unknown>;
  bundle(options: {
    ref: string;
    config: unknown;
    dereference: boolean;
  }): Promise<{ bundle: { parsed: unknown } }>;
  stringifyYaml(value: unknown): string;
}

/** Bundles each product's spec into `dir` as openapi-typescript's input; returns the files. */
async function bundleAll(products: readonly Product[], dir: string): Promise<string[]> {
  // The generator's Redocly core (this package does not depend on it).
  const redocly = (await import(
    pathToFileURL(generatorRequire.resolve('@redocly/openapi-core')).href
  )) as Redocly;
  return Promise.all(
    products.map(async (product) => {
      const config = await redocly.loadConfig(product.config ? { configPath: product.config } : {});
      const { bundle } = await redocly.bundle({ ref: product.spec, config, dereference: false });
      const file = join(dir, `${product.name}.yaml`);
      await writeFile(file, redocly.stringifyYaml(bundle.parsed));
      return file;
    }),
  );
}

/** Runs `node --import cpu-on-exit.mjs …args` and returns its CPU time in seconds. */
async function cpuOf(args: readonly string[], cpuFile: string): Promise<number> {
  await promisify(execFile)(process.execPath, ['--import', CPU_HOOK, ...args], {
    cwd: ROOT,
    env: { ...process.env, INIT_CWD: ROOT, BENCH_CPU_FILE: cpuFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  return Number(await readFile(cpuFile, 'utf8')) / 1e6;
}

async function main(): Promise<void> {
  const products = await findProducts();
  const dir = await mkdtemp(join(tmpdir(), 'wechatpay-kit-bench-generate-'));
  try {
    const bundled = await bundleAll(products, dir);
    const openapiTypescript = join(
      dirname(generatorRequire.resolve('openapi-typescript')),
      '../bin/cli.js',
    );
    const cpuFile = join(dir, 'cpu');
    const ours = () => cpuOf([join(ROOT, 'generator/bin/generate.js'), '--check'], cpuFile);
    const theirs = async () => {
      let total = 0;
      for (const file of bundled) {
        total += await cpuOf([openapiTypescript, file, '-o', join(dir, 'out.ts')], cpuFile);
      }
      return total;
    };
    console.log(
      `generate --check vs openapi-typescript CLI, ${products.length} product(s): ` +
        products.map((product) => relative(ROOT, product.spec)).join(', '),
    );
    console.log(`Node ${process.version} on ${process.platform}/${process.arch}`);
    let oursTotal = 0;
    let theirsTotal = 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const cpu = new Map<() => Promise<number>, number>();
      for (const side of round % 2 ? [theirs, ours] : [ours, theirs]) {
        cpu.set(side, await side());
      }
      const [o, t] = [cpu.get(ours) ?? 0, cpu.get(theirs) ?? 0];
      oursTotal += o;
      theirsTotal += t;
      console.log(
        `round ${round}: ours ${o.toFixed(2)} s, openapi-typescript ${t.toFixed(2)} s, ${(o / t).toFixed(2)}×`,
      );
    }
    console.log(
      `CPU (user + system), ${ROUNDS} rounds: ours ${oursTotal.toFixed(2)} s, ` +
        `openapi-typescript ${theirsTotal.toFixed(2)} s, ratio ${(oursTotal / theirsTotal).toFixed(2)}× ` +
        '(goal ≤ 1.5×)',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
