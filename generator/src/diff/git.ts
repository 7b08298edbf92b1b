import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SpecDiffError } from './errors.js';

const run = promisify(execFile);

/** Runs git in `cwd`; a missing git or a failing command becomes `fail(stderr)`. */
async function git(cwd: string, args: readonly string[], fail: (stderr: string) => string) {
  try {
    const { stdout } = await run('git', [...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout.trim();
  } catch (error) {
    if (Reflect.get(Object(error), 'code') === 'ENOENT') {
      throw new SpecDiffError('git was not found on the PATH; spec:diff reads old specs with git.');
    }
    throw new SpecDiffError(fail(String(Reflect.get(Object(error), 'stderr') ?? '').trim()));
  }
}

/** The top folder of the git working tree holding `cwd`. */
export async function gitRoot(cwd: string): Promise<string> {
  return git(
    cwd,
    ['rev-parse', '--show-toplevel'],
    () => `${cwd} is not inside a git repository; run spec:diff in a clone of the project.`,
  );
}

/** The commit `ref` names, or a clear error for an unknown ref. */
export async function resolveCommit(root: string, ref: string): Promise<string> {
  if (ref.startsWith('-')) {
    throw new SpecDiffError(`"${ref}" is not a git ref.`);
  }
  return git(
    root,
    ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`],
    () =>
      `Unknown git ref "${ref}": name a commit, branch or tag (e.g. HEAD, HEAD~1, main)` +
      (ref === 'HEAD' ? '; a repository with no commit yet has no HEAD.' : '.'),
  );
}

/**
 * Writes the `spec/` folder of `commit` under `into` (as `into/spec`), through `git archive`
 * and `tar`, leaving the index and working tree alone. False when the commit has no `spec/`.
 */
export async function extractSpecFolder(root: string, commit: string, into: string) {
  const fail = (stderr: string) => `Cannot read spec/ at ${commit}: ${stderr}`;
  if ((await git(root, ['ls-tree', '--name-only', commit, '--', 'spec'], fail)) === '') {
    return false;
  }
  const archive = join(into, 'spec.tar');
  await git(root, ['archive', '--format=tar', '-o', archive, commit, '--', 'spec'], fail);
  try {
    await run('tar', ['-xf', archive, '-C', into]);
  } catch (error) {
    throw new SpecDiffError(`Cannot unpack spec/ at ${commit} with tar: ${String(error)}`);
  }
  return true;
}
