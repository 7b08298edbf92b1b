#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so the generator needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
// pnpm runs the script in the package folder; INIT_CWD is where the user typed the command.
process.exitCode = await main(process.argv.slice(2), {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
