import { join } from 'node:path';
import type { Options } from 'prettier';
import { REPO_ROOT } from '../target.js';

let prettier: Promise<typeof import('prettier')> | undefined;
let repoConfig: Promise<Options> | undefined;

/**
 * Formats a package file (manifest, configs, README) as the repository's Prettier setup would:
 * they sit beside hand-written files and are checked like them. Prettier is loaded on first
 * use only; generated code is formatted by TypeScript instead (see format.ts).
 */
export async function formatLikeRepo(text: string, filePath: string): Promise<string> {
  prettier ??= import('prettier');
  const { format, resolveConfig } = await prettier;
  repoConfig ??= resolveConfig(join(REPO_ROOT, 'generated.ts')).then((config) => config ?? {});
  return format(text, { ...(await repoConfig), filepath: filePath });
}
