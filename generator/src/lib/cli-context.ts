export type Output = { write(text: string): unknown };

/** Where a CLI runs: the folder relative paths start from, and where it prints. */
export interface CliContext {
  cwd: string;
  stdout: Output;
  stderr: Output;
}

/** An unknown option or a missing value, as `parseArgs` reports it. */
export function isUsageError(error: unknown): error is Error {
  return error instanceof Error && String(Reflect.get(error, 'code')).startsWith('ERR_PARSE_ARGS');
}
