import { isAbsolute, relative } from 'node:path';
import {
  BaseResolver,
  bundle,
  lint,
  loadConfig,
  type NormalizedProblem,
} from '@redocly/openapi-core';
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
export async function loadSpec(
  specPath: string,
  redoclyConfigPath?: string,
  cwd = process.cwd(),
): Promise<LoadedSpec> {
  const config = await loadConfig(redoclyConfigPath ? { configPath: redoclyConfigPath } : {});
  // One resolver for both steps: each spec file is read and parsed once.
  const externalRefResolver = new BaseResolver(config.resolve);
  const lintProblems = await guard(specPath, cwd, () =>
    lint({ ref: specPath, config, externalRefResolver }),
  );
  failOn(lintProblems, cwd);
  const bundled = await guard(specPath, cwd, () =>
    bundle({ ref: specPath, config, dereference: false, externalRefResolver }),
  );
  failOn(bundled.problems, cwd);
  return { document: bundled.bundle.parsed as Node };
}

function failOn(problems: readonly NormalizedProblem[], cwd: string): void {
  const relevant = problems.filter((problem) => !problem.ignored);
  if (relevant.length > 0) {
    throw new SpecError(relevant.map((problem) => toSpecProblem(problem, cwd)));
  }
}

function toSpecProblem(problem: NormalizedProblem, cwd: string): SpecProblem {
  const location = problem.location[0];
  return {
    file: location ? displayPath(location.source.absoluteRef, cwd) : '(spec)',
    pointer: location?.pointer ?? '#/',
    message: problem.message,
    rule: problem.ruleId,
    severity: problem.severity === 'error' ? 'error' : 'warn',
  };
}

/** Turns a parse or resolve failure into a SpecError that names the file. */
async function guard<T>(specPath: string, cwd: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SpecError([
      { file: displayPath(specPath, cwd), pointer: '#/', message, severity: 'error' },
    ]);
  }
}

export function displayPath(file: string, cwd: string): string {
  const fromCwd = relative(cwd, file);
  return fromCwd.startsWith('..') || isAbsolute(fromCwd) ? file : fromCwd;
}
