#!/usr/bin/env node
// Runs the compiled CLI (`pnpm --filter @wechatpay-kit/generator build`, which turbo runs
// before `generate`); no TypeScript is transpiled at run time.
import module from 'node:module';

// Node ≥ 22.1 caches the compiled code of the generator and its dependencies on disk.
module.enableCompileCache?.();
const { main } = await import('../dist/cli.js');
// pnpm runs the script in the package folder; INIT_CWD is where the user typed the command.
process.exitCode = await main(process.argv.slice(2), {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
