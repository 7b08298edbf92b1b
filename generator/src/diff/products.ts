import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { byCodePoint } from '../lib/compare.js';

/** The product a spec at the root of `spec/` stands for: the layout before products had folders. */
export const ROOT_SPEC_PRODUCT = 'inspolicymgr';

/**
 * The products under a `spec/` folder, by name, each with its entry file: every
 * `spec/<product>/openapi.yaml`, and `spec/openapi.yaml` as `inspolicymgr` (a folder of that
 * name wins). A missing folder has none.
 */
export async function findProducts(specDir: string): Promise<Map<string, string>> {
  const products = new Map<string, string>();
  const rootSpec = join(specDir, 'openapi.yaml');
  if (await exists(rootSpec)) {
    products.set(ROOT_SPEC_PRODUCT, rootSpec);
  }
  const folders = await readdir(specDir, { withFileTypes: true }).catch(() => []);
  for (const folder of folders.filter((entry) => entry.isDirectory())) {
    const entry = join(specDir, folder.name, 'openapi.yaml');
    if (await exists(entry)) {
      products.set(folder.name, entry);
    }
  }
  return new Map([...products].sort(([a], [b]) => byCodePoint(a, b)));
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
