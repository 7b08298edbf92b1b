import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { StatementStructures } from 'ts-morph';
import { printStatements } from '../../src/emit/source-file.js';

const repoConfig = resolveConfig(join(import.meta.dirname, '../../../generated.ts'));

/**
 * What an emitter's statements say, printed and then normalised by Prettier with the
 * repository's config, so the expectations read as the repository's code does. (Generation
 * itself formats with TypeScript's formatter; the golden files pin its exact output.)
 */
export async function printed(statements: StatementStructures[]): Promise<string> {
  const config = (await repoConfig) ?? {};
  return format(printStatements('out.ts', statements), { ...config, filepath: 'out.ts' });
}
