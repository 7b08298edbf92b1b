import { isAbsolute, relative } from 'node:path';
import { bundle, lint, loadConfig, type NormalizedProblem } from '@redocly/openapi-core';
import { SpecError, type SpecProblem } from '../errors.js';
import type { Node } from '../lib/document.js';

export interface LoadedSpec {
  /** The spec bundled into one document, every `$ref` local. */
  document: Node;
}

/**
 * Lints the spec with its Redocly config and bundles it into one document. Any lint error or
 * warning stops generation, so the generated code never comes from a spec CI would reject.
 */
export async function loadSpec(specPath: string, redoclyConfigPath?: string): Promise<LoadedSpec> {
  const config = await loadConfig(redoclyConfigPath ? { configPath: redoclyConfigPath } : {});
  const lintProblems = await guard(specPath, () => lint({ ref: specPath, config }));
  failOn(lintProblems);
  const bundled = await guard(specPath, () =>
    bundle({ ref: specPath, config, dereference: false }),
  );
  failOn(bundled.problems);
  return { document: bundled.bundle.parsed as Node };
}

function failOn(problems: readonly NormalizedProblem[]): void {
  const relevant = problems.filter((problem) => !problem.ignored);
  if (relevant.length > 0) {
    throw new SpecError(relevant.map(toSpecProblem));
  }
}

function toSpecProblem(problem: NormalizedProblem): SpecProblem {
  const location = problem.location[0];
  return {
    file: location ? displayPath(location.source.absoluteRef) : '(spec)',
    pointer: location?.pointer ?? '#/',
    message: problem.message,
    rule: problem.ruleId,
    severity: problem.severity === 'error' ? 'error' : 'warn',
  };
}

/** Turns a parse or resolve failure into a SpecError that names the file. */
async function guard<T>(specPath: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SpecError([
      { file: displayPath(specPath), pointer: '#/', message, severity: 'error' },
    ]);
  }
}

export function displayPath(file: string): string {
  const fromCwd = relative(process.cwd(), file);
  return fromCwd.startsWith('..') || isAbsolute(fromCwd) ? file : fromCwd;
}
