import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { MINI_DIR } from './fixture-target.js';

const REPO = resolve(import.meta.dirname, '../..');
const MOCK = join(REPO, 'packages/mock');

const scratchRepos: string[] = [];

/**
 * A repository in a temp folder with one product, `spec/<name>/` (the mini fixture), and what a
 * generated package needs around it: the workspace's tsconfig, the real mock runtime (linked
 * file by file, its `generated/` and `products/` left empty) and the runtime packages.
 */
export async function scratchRepo(
  name: string,
  edit?: (specDir: string) => Promise<void>,
): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'wechatpay-kit-repo-'));
  scratchRepos.push(root);
  await cp(MINI_DIR, join(root, 'spec', name), { recursive: true });
  await edit?.(join(root, 'spec', name));
  await cp(join(REPO, 'tsconfig.base.json'), join(root, 'tsconfig.base.json'));
  await writeFile(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n');
  const mock = join(root, 'packages/mock');
  await mkdir(join(mock, 'src'), { recursive: true });
  for (const file of ['package.json', 'tsconfig.json']) {
    await cp(join(MOCK, file), join(mock, file));
  }
  await symlink(join(MOCK, 'node_modules'), join(mock, 'node_modules'));
  for (const entry of await readdir(join(MOCK, 'src'))) {
    if (entry !== 'generated' && entry !== 'products') {
      await symlink(join(MOCK, 'src', entry), join(mock, 'src', entry));
    }
  }
  const client = join(REPO, 'packages/inspolicymgr/node_modules');
  await link(root, '@wechatpay-kit/core', join(REPO, 'packages/core'));
  await link(root, 'openapi-fetch', join(client, 'openapi-fetch'));
  await link(root, '@types/node', join(client, '@types/node'));
  await link(root, `@wechatpay-kit/${name}`, join(root, 'packages', name));
  return root;
}

async function link(root: string, packageName: string, target: string): Promise<void> {
  const path = join(root, 'node_modules', packageName);
  await mkdir(dirname(path), { recursive: true });
  await symlink(target, path);
}

/** Removes every repository `scratchRepo` has made. */
export async function removeScratchRepos(): Promise<void> {
  await Promise.all(scratchRepos.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
