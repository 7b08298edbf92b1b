import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpecError } from '../errors.js';
import { byCodePoint } from '../lib/compare.js';
import type { Node } from '../lib/document.js';
import { compareDocuments } from './compare.js';
import { SpecDiffError } from './errors.js';
import { extractSpecFolder, gitRoot, resolveCommit } from './git.js';
import { bundleForDiff } from './load.js';
import type { ApiChange } from './model.js';
import { findProducts } from './products.js';

/** One product's changes; `added` and `removed` products exist on one side only. */
export interface ProductDiff {
  product: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  changes: ApiChange[];
}

/** Every product's changes from `ref` to the working tree. */
export interface SpecDiff {
  ref: string;
  products: ProductDiff[];
}

export interface DiffOptions {
  /** A folder inside the git working tree. */
  cwd: string;
  /** The commit, branch or tag to compare with; default `HEAD`. */
  ref?: string;
  /** Where the ref's temporary folder goes; default the system's. */
  tempDir?: string;
}

/**
 * Compares every product's spec at `ref` with the working tree of the git repository holding
 * `cwd`. The ref's `spec/` folder is unpacked into a temporary folder, removed afterwards.
 */
export async function diffSpecs({ cwd, ref = 'HEAD', tempDir = tmpdir() }: DiffOptions) {
  const root = await gitRoot(cwd);
  const commit = await resolveCommit(root, ref);
  const scratch = await mkdtemp(join(tempDir, 'wechatpay-kit-spec-diff-'));
  try {
    const hasSpec = await extractSpecFolder(root, commit, scratch);
    const before = hasSpec ? await findProducts(join(scratch, 'spec')) : new Map<string, string>();
    const after = await findProducts(join(root, 'spec'));
    const names = [...new Set([...before.keys(), ...after.keys()])].sort(byCodePoint);
    const products = await Promise.all(
      names.map(async (product) => {
        const [old, now] = await Promise.all([
          load(before.get(product), scratch, `at ${ref}`),
          load(after.get(product), root, 'working tree'),
        ]);
        return productDiff(product, old, now);
      }),
    );
    return { ref, products } satisfies SpecDiff;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function load(entry: string | undefined, root: string, where: string) {
  return entry === undefined ? undefined : bundleForDiff(entry, root, where);
}

function productDiff(product: string, before?: Node, after?: Node): ProductDiff {
  let changes: ApiChange[];
  try {
    changes = compareDocuments(before, after);
  } catch (error) {
    if (error instanceof SpecError) {
      throw new SpecDiffError(`${product}: ${error.problems.map((p) => p.message).join('; ')}`);
    }
    throw error;
  }
  const status = !before
    ? 'added'
    : !after
      ? 'removed'
      : changes.length > 0
        ? 'changed'
        : 'unchanged';
  return { product, status, changes };
}
