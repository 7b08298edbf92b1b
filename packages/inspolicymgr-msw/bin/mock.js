#!/usr/bin/env node
// The standalone simulator server; needs the package built (dist/).
import { main } from '../dist/node/cli.js';

const mock = await main(process.argv.slice(2));
const stop = () => void mock.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
