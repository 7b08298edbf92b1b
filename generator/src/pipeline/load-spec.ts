import { isAbsolute, relative } from 'node:path';
import {
  BaseResolver,
  bundle,
  createConfig,
  lint,
  loadConfig,
  type Config,
  type NormalizedProblem,
} from '@redocly/openapi-core';
import { SpecError, type SpecProblem } from '../errors.js';
import type { Node } from '../lib/document.js';

export interface LoadedSpec {
  /** The spec bundled into one document, every `$ref` local. */
  document: Node;
  /** The entry file as problems name it. */
  file: string;
  /** Lint warnings that do not stop generation (those of a spec without its own rule set). */
  warnings: SpecProblem[];
  /**
   * Lint problems that stop generation, though the document can be read: the caller adds what
   * the transforms find, so that one report names them all.
   */
  errors: SpecProblem[];
}

/**
 * Rules whose errors stop generation of a spec without a rule set of its own: a document that
 * breaks them cannot be read. Redocly's other `spec` rules (e.g. `nullable` without `type`) flag
 * what tools read all the same, as warnings.
 */
const UNREADABLE = new Set(['struct', 'no-unresolved-refs']);

/**
 * Lints the spec and bundles it into one document. A document that cannot be read (a syntax or
 * structure error, a `$ref` to nothing) is a SpecError naming every such problem. With its own
 * Redocly config (our rule set) any other lint error or warning stops generation too, so the
 * generated code never comes from a spec CI would reject: those are returned as `errors`.
 * Without one, the spec is checked against the OpenAPI specification (Redocly's `spec` rule set)
 * and the other findings are returned as warnings.
 */
export async function loadSpec(
  specPath: string,
  redoclyConfigPath?: string,
  cwd = process.cwd(),
): Promise<LoadedSpec> {
  const ownRules = redoclyConfigPath !== undefined;
  const config = await configFor(redoclyConfigPath);
  // One resolver for both steps: each spec file is read and parsed once.
  const externalRefResolver = new BaseResolver(config.resolve);
  const lintProblems = await guard(specPath, cwd, () =>
    lint({ ref: specPath, config, externalRefResolver }),
  );
  const bundled = await guard(specPath, cwd, () =>
    bundle({ ref: specPath, config, dereference: false, externalRefResolver }),
  );
  const problems = [...lintProblems, ...bundled.problems]
    .filter((problem) => !problem.ignored)
    .map((problem) => toSpecProblem(problem, cwd))
    .map((problem) => (ownRules || isUnreadable(problem) ? problem : asWarning(problem)));
  const unreadable = problems.filter((problem) => isUnreadable(problem));
  if (unreadable.length > 0) {
    throw new SpecError(unique(unreadable));
  }
  const fatal = problems.filter((problem) => ownRules || problem.severity === 'error');
  return {
    document: bundled.bundle.parsed as Node,
    file: displayPath(specPath, cwd),
    warnings: ownRules ? [] : unique(problems),
    errors: unique(fatal),
  };
}

function isUnreadable(problem: SpecProblem): boolean {
  return (
    problem.severity === 'error' && (problem.rule === undefined || UNREADABLE.has(problem.rule))
  );
}

function asWarning(problem: SpecProblem): SpecProblem {
  return { ...problem, severity: 'warn' };
}

function configFor(redoclyConfigPath: string | undefined): Promise<Config> {
  return redoclyConfigPath === undefined
    ? createConfig({ extends: ['spec'] })
    : loadConfig({ configPath: redoclyConfigPath });
}

/** Lint and bundle (or the transforms) may report the same problem: name it once. */
export function unique(problems: readonly SpecProblem[]): SpecProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}${problem.pointer}\n${problem.message}`;
    const fresh = !seen.has(key);
    seen.add(key);
    return fresh;
  });
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
