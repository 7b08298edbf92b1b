import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StaleFile } from './write-output.js';

/** One generated file in a folder that also holds others (a package's manifest, configs). */
export interface PackageFile {
  /** Absolute path. */
  path: string;
  content: string;
  /** Written only when missing: a starting point the developer may change (`src/index.ts`). */
  createOnly?: true;
}

/** Writes each file whose content changed; a `createOnly` file only when it is missing. */
export async function writePackageFiles(files: readonly PackageFile[]): Promise<void> {
  for (const file of files) {
    if (
      existsSync(file.path) &&
      (file.createOnly || (await readFile(file.path, 'utf8')) === file.content)
    ) {
      continue;
    }
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, file.content);
  }
}

/** The files that differ from what generation writes, or are missing (path as given). */
export async function findStalePackageFiles(files: readonly PackageFile[]): Promise<StaleFile[]> {
  const stale: StaleFile[] = [];
  for (const file of files) {
    if (!existsSync(file.path)) {
      stale.push({ path: file.path, reason: 'missing' });
    } else if (!file.createOnly && (await readFile(file.path, 'utf8')) !== file.content) {
      stale.push({ path: file.path, reason: 'differs' });
    }
  }
  return stale;
}
