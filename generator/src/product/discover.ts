import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import { SpecError, type SpecProblem } from '../errors.js';
import { displayPath } from '../pipeline/load-spec.js';
import { isNode } from '../lib/document.js';
import { pascalCase } from './names.js';

/** What the package files are written from: the spec's `info`. */
export interface SpecInfo {
  title: string;
  version: string;
  summary?: string;
  description?: string;
}

/** One `spec/<name>/openapi.yaml`: a product, with the names of its packages and exports. */
export interface Product {
  /** The folder name, e.g. `papay-insurance`; also the mock subpath. */
  name: string;
  specPath: string;
  /** `redocly.yaml` beside the spec, when there is one. */
  redoclyConfigPath?: string;
  /** `PapayInsurance`: gives `createPapayInsuranceClient` and `createPapayInsuranceHandlers`. */
  clientName: string;
  /** `@wechatpay-kit/papay-insurance`. */
  packageName: string;
  info: SpecInfo;
}

const FOLDER_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const IDENTIFIER = /^[A-Z][A-Za-z0-9]*$/;

/**
 * Every product under `<root>/spec`, sorted by name: each folder with an `openapi.yaml`. Names
 * come from the folder; `info.x-wechatpay-kit: { clientName, packageName }` overrides them.
 */
export async function findProducts(root: string, cwd = root): Promise<Product[]> {
  const specRoot = join(root, 'spec');
  const entries = existsSync(specRoot) ? await readdir(specRoot, { withFileTypes: true }) : [];
  const folders = entries
    .filter(
      (entry) => entry.isDirectory() && existsSync(join(specRoot, entry.name, 'openapi.yaml')),
    )
    .map((entry) => entry.name)
    .sort();
  const problems: SpecProblem[] = [];
  const products: Product[] = [];
  for (const name of folders) {
    const product = await readProduct(join(specRoot, name), name, cwd, problems);
    if (product) {
      products.push(product);
    }
  }
  if (problems.length > 0) {
    throw new SpecError(problems);
  }
  return products;
}

async function readProduct(
  dir: string,
  name: string,
  cwd: string,
  problems: SpecProblem[],
): Promise<Product | undefined> {
  const specPath = join(dir, 'openapi.yaml');
  const file = displayPath(specPath, cwd);
  const problem = (pointer: string, message: string) =>
    problems.push({ file, pointer, message, severity: 'error' });
  if (!FOLDER_NAME.test(name)) {
    problem(
      '#/',
      `product folder "${name}" must be lower-case words joined by "-" (e.g. papay-insurance)`,
    );
    return undefined;
  }
  let info: unknown;
  try {
    info = (parseYaml(await readFile(specPath, 'utf8')) as { info?: unknown } | null)?.info;
  } catch (error) {
    problem('#/', error instanceof Error ? error.message : String(error));
    return undefined;
  }
  if (!isNode(info) || typeof info.title !== 'string' || typeof info.version !== 'string') {
    problem('#/info', 'needs a title and a version (they name the package and head the code)');
    return undefined;
  }
  const names = isNode(info['x-wechatpay-kit']) ? info['x-wechatpay-kit'] : {};
  const clientName = typeof names.clientName === 'string' ? names.clientName : pascalCase(name);
  if (!IDENTIFIER.test(clientName)) {
    problem('#/info/x-wechatpay-kit/clientName', `"${clientName}" must be a PascalCase identifier`);
  }
  const config = join(dir, 'redocly.yaml');
  return {
    name,
    specPath,
    ...(existsSync(config) ? { redoclyConfigPath: config } : {}),
    clientName,
    packageName:
      typeof names.packageName === 'string' ? names.packageName : `@wechatpay-kit/${name}`,
    info: {
      title: info.title,
      version: info.version,
      ...(typeof info.summary === 'string' ? { summary: info.summary } : {}),
      ...(typeof info.description === 'string' ? { description: info.description } : {}),
    },
  };
}
