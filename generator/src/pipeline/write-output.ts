import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { byCodePoint } from '../lib/compare.js';
import type { GeneratedFile, GeneratedOutput } from './generate.js';

/**
 * Replaces the generated folder as a whole: the new tree is written next to it first and
 * swapped in by renames, so a failure leaves the old output untouched and no stale file stays.
 */
export async function writeOutput(outDir: string, files: readonly GeneratedFile[]): Promise<void> {
  await writeOutputs([{ outDir, files: [...files] }]);
}

/**
 * Replaces several generated folders: every new tree is staged before the first swap, so a
 * failure while writing leaves all of them untouched.
 */
export async function writeOutputs(outputs: readonly GeneratedOutput[]): Promise<void> {
  const staged = outputs.map(({ outDir, files }) => ({
    outDir,
    files,
    staging: `${outDir}.tmp-${process.pid}`,
    previous: `${outDir}.old-${process.pid}`,
  }));
  try {
    for (const { staging, files } of staged) {
      await rm(staging, { recursive: true, force: true });
      for (const file of files) {
        const target = join(staging, file.path);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, file.content);
      }
    }
    for (const { staging, outDir, previous } of staged) {
      await swapIn(staging, outDir, previous);
    }
  } finally {
    await Promise.all(staged.map(({ staging }) => rm(staging, { recursive: true, force: true })));
  }
}

async function swapIn(staging: string, outDir: string, previous: string): Promise<void> {
  const hadOutput = existsSync(outDir);
  if (hadOutput) {
    await rename(outDir, previous);
  }
  try {
    await rename(staging, outDir);
  } catch (error) {
    if (hadOutput) {
      await rename(previous, outDir);
    }
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}

export interface StaleFile {
  path: string;
  reason: 'differs' | 'missing' | 'not generated';
}

/** Compares the folder on disk with what the spec generates now. */
export async function findStaleFiles(
  outDir: string,
  files: readonly GeneratedFile[],
): Promise<StaleFile[]> {
  const onDisk = new Set(existsSync(outDir) ? await listFiles(outDir) : []);
  const stale: StaleFile[] = [];
  for (const file of files) {
    if (!onDisk.has(file.path)) {
      stale.push({ path: file.path, reason: 'missing' });
    } else if ((await readFile(join(outDir, file.path), 'utf8')) !== file.content) {
      stale.push({ path: file.path, reason: 'differs' });
    }
    onDisk.delete(file.path);
  }
  stale.push(...[...onDisk].map((path) => ({ path, reason: 'not generated' as const })));
  return stale.sort((a, b) => byCodePoint(a.path, b.path));
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}
