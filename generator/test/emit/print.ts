import type { StatementStructures } from 'ts-morph';
import { formatLikeRepo } from '../../src/lib/format.js';
import { printStatements } from '../../src/emit/source-file.js';

/** What an emitter's statements look like once printed and formatted as in the repository. */
export function printed(statements: StatementStructures[]): Promise<string> {
  return formatLikeRepo(printStatements('out.ts', statements), 'out.ts');
}
