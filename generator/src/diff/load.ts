import { relative } from 'node:path';
import { bundle, createConfig, type Config } from '@redocly/openapi-core';
import type { Node } from '../lib/document.js';
import { SpecDiffError } from './errors.js';

let plainConfig: Promise<Config> | undefined;

/**
 * Bundles a (split) spec into one document whose `$ref`s are all local. The product's own
 * Redocly config is not loaded: lint rules do not matter here, and an old commit's plugins
 * may not run from a temporary folder. Files in errors are named from `root`, plus `where`
 * (e.g. `at HEAD`).
 */
export async function bundleForDiff(entry: string, root: string, where: string): Promise<Node> {
  plainConfig ??= createConfig({});
  const name = (file: string) => `${relative(root, file)} (${where})`;
  let result;
  try {
    result = await bundle({ ref: entry, config: await plainConfig, dereference: false });
  } catch (error) {
    const source = Reflect.get(Object(error), 'source');
    const file = typeof source?.absoluteRef === 'string' ? source.absoluteRef : entry;
    throw new SpecDiffError(`${name(file)}: ${error instanceof Error ? error.message : error}`);
  }
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    const lines = errors.map((problem) => {
      const location = problem.location[0];
      const file = location ? name(location.source.absoluteRef) : name(entry);
      return `  ${file}${location?.pointer ?? ''}: ${problem.message}`;
    });
    throw new SpecDiffError(`Cannot read the spec:\n${lines.join('\n')}`);
  }
  return result.bundle.parsed as Node;
}
