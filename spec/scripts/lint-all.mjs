#!/usr/bin/env node
// Lints every product spec (`<product>/openapi.yaml`) with the Redocly CLI: the split sources,
// then the bundle `dist/<product>.yaml` (only the bundle shows unused components). `--bundle-only`
// just writes the bundles. Exits non-zero when any product fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const specDir = join(import.meta.dirname, '..');
const products = readdirSync(specDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(specDir, entry.name, 'openapi.yaml')))
  .map((entry) => entry.name)
  .sort();
const bundleOnly = process.argv.includes('--bundle-only');

function redocly(...args) {
  const result = spawnSync('redocly', args, { cwd: specDir, stdio: 'inherit', shell: false });
  return result.status === 0;
}

/** Lints and bundles one product; false when Redocly reports a problem. */
function check(product) {
  const config = existsSync(join(specDir, product, 'redocly.yaml'))
    ? ['--config', `${product}/redocly.yaml`]
    : [];
  const root = `${product}/openapi.yaml`;
  const bundled = `dist/${product}.yaml`;
  return (
    (bundleOnly || redocly('lint', root, ...config)) &&
    redocly('bundle', root, ...config, '-o', bundled) &&
    (bundleOnly || redocly('lint', bundled, ...config))
  );
}

// Every product is checked, also after one fails, so one run shows every problem.
const failed = products.filter((product) => !check(product));
process.exitCode = failed.length === 0 ? 0 : 1;
