#!/usr/bin/env node
// `pnpm generate`: every product's client and mock code from spec/<product>/.
import { runCli } from './run-cli.js';

await runCli('cli.js');
