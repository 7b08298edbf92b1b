#!/usr/bin/env node
// The standalone simulator server; needs the package built (dist/).
import { main } from '../dist/node/cli.js';

await main(process.argv.slice(2));
