#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so the generator needs no build step.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
// The workspace packages the generator imports (core's JSON-pointer helpers) are read from
// source too, through their `@wechatpay-kit/source` export condition: no build needed first.
register('./source-condition.js', import.meta.url);
const { main } = await import('../src/cli.ts');
// pnpm runs the script in the package folder; INIT_CWD is where the user typed the command.
process.exitCode = await main(process.argv.slice(2), {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
