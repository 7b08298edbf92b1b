import { join } from 'node:path';
import { format, resolveConfig, type Options } from 'prettier';
import { REPO_ROOT } from '../target.js';

let repoConfig: Promise<Options> | undefined;

/**
 * Formats generated text exactly as the repository's Prettier setup would. The config is the
 * repository's own wherever the output goes, so output is the same in a temp dir and in CI.
 */
export async function formatLikeRepo(text: string, filePath: string): Promise<string> {
  repoConfig ??= resolveConfig(join(REPO_ROOT, 'generated.ts')).then((config) => config ?? {});
  return format(text, { ...(await repoConfig), filepath: filePath });
}
