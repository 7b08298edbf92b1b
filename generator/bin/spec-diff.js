#!/usr/bin/env node
// `pnpm spec:diff`: the API changes of every product since a git ref.
import { runCli } from './run-cli.js';

await runCli('diff/cli.js');
