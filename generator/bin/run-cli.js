// Runs a compiled CLI of the generator (built by `pnpm --filter @wechatpay-kit/generator build`,
// which turbo runs first); no TypeScript is transpiled at run time.
import module from 'node:module';

// Node ≥ 22.1 caches the compiled code of the generator and its dependencies on disk.
module.enableCompileCache?.();

/** Imports `dist/<entry>` and runs its `main`, exiting with its code. */
export async function runCli(entry) {
  const { main } = await import(`../dist/${entry}`);
  // pnpm runs scripts in a package or the root; INIT_CWD is where the user typed the command.
  process.exitCode = await main(process.argv.slice(2), {
    cwd: process.env.INIT_CWD ?? process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
  });
}
