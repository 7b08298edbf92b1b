import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import type { GenerateTarget } from '../src/target.js';

export const MINI_DIR = resolve(import.meta.dirname, 'fixtures/mini');

/** A target that generates the mini fixture spec into `outDir`. */
export function miniTarget(specDir: string, outDir: string, mockOutDir?: string): GenerateTarget {
  return {
    specPath: join(specDir, 'openapi.yaml'),
    redoclyConfigPath: join(specDir, 'redocly.yaml'),
    outDir,
    ...(mockOutDir === undefined ? {} : { mockOutDir }),
    clientName: 'Mini',
    specLabel: 'test/fixtures/mini/openapi.yaml',
    corePackage: '@wechatpay-kit/core',
    packageName: '@wechatpay-kit/mini',
  };
}

const scratchDirs: string[] = [];

/**
 * A scratch copy of the mini fixture, optionally edited, and an output folder beside it.
 * A file that makes one removes them all with `afterAll(removeScratchDirs)`.
 */
export async function scratchMini(
  edit?: (spec: any) => void,
): Promise<{ dir: string; target: GenerateTarget }> {
  const dir = await mkdtemp(join(tmpdir(), 'wechatpay-kit-gen-'));
  scratchDirs.push(dir);
  await cp(MINI_DIR, join(dir, 'spec'), { recursive: true });
  if (edit) {
    const file = join(dir, 'spec/openapi.yaml');
    const spec = parse(await readFile(file, 'utf8'));
    edit(spec);
    await writeFile(file, stringify(spec));
  }
  return { dir, target: miniTarget(join(dir, 'spec'), join(dir, 'generated')) };
}

/** Removes every scratch folder `scratchMini` has made. */
export async function removeScratchDirs(): Promise<void> {
  await Promise.all(scratchDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
