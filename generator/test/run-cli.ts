import type { CliContext } from '../src/lib/cli-context.js';

type Main = (argv: readonly string[], context: CliContext) => Promise<number>;

/** Runs a CLI's `main` in this process from `cwd`; returns its exit code and what it printed. */
export async function runCli(
  main: Main,
  argv: readonly string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const printed = { stdout: '', stderr: '' };
  const code = await main(argv, {
    cwd,
    stdout: { write: (text: string) => (printed.stdout += text) },
    stderr: { write: (text: string) => (printed.stderr += text) },
  });
  return { code, ...printed };
}
