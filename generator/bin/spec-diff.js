#!/usr/bin/env node
// `pnpm spec:diff`: runs the TypeScript CLI through tsx, as bin/generate.js does.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
register('./source-condition.js', import.meta.url);
const { main } = await import('../src/diff/cli.ts');
// pnpm runs root scripts in the repository root; INIT_CWD is where the user typed the command.
process.exitCode = await main(process.argv.slice(2), {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
