#!/usr/bin/env node
// `pnpm spec:diff`: runs the compiled CLI, as bin/generate.js does.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../dist/diff/cli.js');
// pnpm runs root scripts in the repository root; INIT_CWD is where the user typed the command.
process.exitCode = await main(process.argv.slice(2), {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
