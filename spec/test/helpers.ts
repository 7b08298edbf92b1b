import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bundle,
  lint,
  lintFromString,
  loadConfig,
  stringifyYaml,
  type Config,
  type NormalizedProblem,
} from '@redocly/openapi-core';

/** The spec package: plugins, tests, and one folder per product. */
export const specDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The insurance policy service: its spec and the Redocly config the plugin tests lint with. */
export const productDir = path.join(specDir, 'inspolicymgr');
export const rootFile = path.join(productDir, 'openapi.yaml');
export const configFile = path.join(productDir, 'redocly.yaml');

/** Every product folder: `<name>/openapi.yaml`, linted with the `redocly.yaml` beside it. */
export const products = readdirSync(specDir, { withFileTypes: true })
  .filter(
    (entry) => entry.isDirectory() && existsSync(path.join(specDir, entry.name, 'openapi.yaml')),
  )
  .map((entry) => entry.name)
  .sort();

/** Lints one product's spec with its own config (Redocly's defaults without one). */
export async function lintProduct(name: string): Promise<NormalizedProblem[]> {
  const dir = path.join(specDir, name);
  const configPath = path.join(dir, 'redocly.yaml');
  const config = await loadConfig(existsSync(configPath) ? { configPath } : {});
  return lint({ ref: path.join(dir, 'openapi.yaml'), config });
}

export function fixture(name: string): string {
  return path.join(specDir, 'test', 'fixtures', name);
}

let configPromise: Promise<Config> | undefined;

/** The real redocly.yaml, including the wechatpay plugin. */
export function getConfig(): Promise<Config> {
  configPromise ??= loadConfig({ configPath: configFile });
  return configPromise;
}

export async function lintFile(file: string): Promise<NormalizedProblem[]> {
  return lint({ ref: file, config: await getConfig() });
}

/** Bundles the spec the way `redocly bundle` does and returns the single-file document. */
export async function bundleSpec(): Promise<Record<string, unknown>> {
  const result = await bundle({ ref: rootFile, config: await getConfig() });
  return result.bundle.parsed as Record<string, unknown>;
}

/** Lints the bundled document; only there does no-unused-components see the real usage. */
export async function lintBundled(): Promise<NormalizedProblem[]> {
  const source = stringifyYaml(await bundleSpec());
  return lintFromString({
    source,
    absoluteRef: path.join(specDir, 'dist', 'inspolicymgr.yaml'),
    config: await getConfig(),
  });
}

export function ofRule(problems: NormalizedProblem[], ruleId: string): NormalizedProblem[] {
  return problems.filter((problem) => problem.ruleId === ruleId);
}

export function pointerOf(problem: NormalizedProblem): string | undefined {
  const location = problem.location[0];
  return location && 'pointer' in location ? location.pointer : undefined;
}

/** One line per problem, so a failing assertion shows what went wrong. */
export function describeProblems(problems: NormalizedProblem[]): string[] {
  return problems.map((problem) => {
    const location = problem.location[0];
    const file = location ? path.relative(specDir, location.source.absoluteRef) : '?';
    return `${problem.severity} ${problem.ruleId} ${file}${pointerOf(problem) ?? ''}: ${problem.message}`;
  });
}
