#!/usr/bin/env node
// The standalone simulator server; needs the package built (dist/).
import { main } from '../dist/node/cli.js';

const running = main(process.argv.slice(2));
// A wrong option or product is a message for the user, not a stack trace.
running.catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
// Listening before the configuration is printed: a signal sent as soon as it is read still stops
// the server and removes the key files, instead of killing the process on the spot.
const stop = () => void running.then((mock) => mock.close()).then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
await running;
