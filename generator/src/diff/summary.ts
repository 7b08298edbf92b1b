import { SpecDiffError } from './errors.js';
import { formatShortReport } from './report.js';
import { diffSpecs } from './run.js';

/**
 * The short API change report since `HEAD` that `pnpm generate` prints, for the repository
 * holding `cwd`; nothing outside a git repository or before the first commit. Never throws:
 * the report must not fail a generation that succeeded.
 */
export async function specChangeSummary(cwd: string): Promise<string | undefined> {
  try {
    return formatShortReport(await diffSpecs({ cwd }));
  } catch (error) {
    if (error instanceof SpecDiffError) {
      return undefined;
    }
    return `API change report failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}
