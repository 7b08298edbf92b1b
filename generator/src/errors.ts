/** A problem found in the spec, located by file and JSON pointer. */
export interface SpecProblem {
  /** File the problem is in, relative to the working directory, or `(bundled spec)`. */
  file: string;
  /** JSON pointer inside that file, e.g. `#/paths/~1v3~1x/post`. */
  pointer: string;
  message: string;
  /** Lint rule id, when the problem comes from `redocly lint`. */
  rule?: string;
  severity: 'error' | 'warn';
}

/** The spec cannot be turned into code; nothing has been written. */
export class SpecError extends Error {
  override readonly name = 'SpecError';

  constructor(readonly problems: readonly SpecProblem[]) {
    super(formatProblems(problems));
  }
}

export function formatProblems(problems: readonly SpecProblem[]): string {
  return `The spec has ${count(problems, 'problem')}; nothing was written:\n${lines(problems)}`;
}

/** Lint warnings that do not stop generation (the spec has no rule set of its own). */
export function formatWarnings(warnings: readonly SpecProblem[]): string {
  return `The spec has ${count(warnings, 'lint warning')}:\n${lines(warnings)}`;
}

function count(problems: readonly SpecProblem[], noun: string): string {
  return problems.length === 1 ? `1 ${noun}` : `${problems.length} ${noun}s`;
}

function lines(problems: readonly SpecProblem[]): string {
  return problems
    .map((problem) => {
      const rule = problem.rule ? ` [${problem.rule}]` : '';
      return `  ${problem.severity}: ${problem.file}${problem.pointer}: ${problem.message}${rule}`;
    })
    .join('\n');
}

/** Raises a SpecError for one problem found while reading the bundled document. */
export function specError(pointer: string, message: string): SpecError {
  return new SpecError([
    { file: '(bundled spec)', pointer: `#${pointer}`, message, severity: 'error' },
  ]);
}
