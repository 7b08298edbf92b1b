import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/** Every product folder, spec/<name>/openapi.yaml. */
const products = readdirSync(join(ROOT, 'spec'), { withFileTypes: true })
  .filter(
    (entry) =>
      entry.isDirectory() && readdirSync(join(ROOT, 'spec', entry.name)).includes('openapi.yaml'),
  )
  .map((entry) => entry.name);

interface DryTask {
  package: string;
  task: string;
  /** Hashed input files, relative to the package folder. */
  inputs: Record<string, string>;
  /** Output globs, relative to the package folder: restored on a cache hit. */
  outputs: string[];
}

/**
 * Turbo's plan for `generate` as it would run it (one spawn, nothing runs): on a cache hit turbo
 * restores every output, so a tampered generated file cannot survive; a hashed input edited
 * makes a miss, so an edited spec cannot replay stale output.
 */
async function dryRun(): Promise<DryTask[]> {
  const { stdout } = await promisify(execFile)(
    join(ROOT, 'node_modules/.bin/turbo'),
    ['run', 'generate', '--dry=json'],
    {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    },
  );
  return (JSON.parse(stdout) as { tasks: DryTask[] }).tasks;
}

const fromRoot = (pkg: string, path: string) =>
  relative(ROOT, resolve(ROOT, 'packages', pkg, path));

describe('turbo run generate', { timeout: 120_000 }, () => {
  it("hashes each product's own spec folder and caches both folders it writes", async () => {
    const tasks = await dryRun();
    expect(products.length).toBeGreaterThan(0);
    for (const product of products) {
      const task = tasks.find(
        (item) => item.package === `@wechatpay-kit/${product}` && item.task === 'generate',
      );
      expect(task, `no generate task for ${product}`).toBeDefined();
      const inputs = Object.keys(task?.inputs ?? {}).map((path) => fromRoot(product, path));
      const specFiles = inputs.filter((path) => path.startsWith('spec/'));
      expect(specFiles).toContain(`spec/${product}/openapi.yaml`);
      // Its own spec and the shared lint plugins; never another product's folder.
      expect(
        specFiles.filter(
          (path) => !path.startsWith(`spec/${product}/`) && !path.startsWith('spec/plugins/'),
        ),
      ).toEqual([]);
      expect(inputs).toEqual(
        expect.arrayContaining([
          'generator/src/cli.ts',
          'packages/core/src/schema/encrypted-fields.js',
        ]),
      );
      expect((task?.outputs ?? []).map((glob) => fromRoot(product, glob)).sort()).toEqual([
        `packages/${product}/LICENSE`,
        `packages/${product}/README.md`,
        `packages/${product}/src/generated/**`,
        `packages/${product}/tsconfig.build.json`,
        `packages/${product}/tsconfig.json`,
        `packages/${product}/vitest.config.ts`,
        `packages/mock/src/generated/${product}/**`,
      ]);
    }
  });
});
