/**
 * Runs one side of the benchmark alone, for a CPU profile of just that client:
 *
 *   cd test && node --cpu-prof --cpu-prof-dir=/tmp/wechatpay-prof --import tsx bench/profile.ts ours 3000
 *
 * (side: `ours` or `baseline`; operation: `submitAuthorization`, `queryPolicy` or, by default,
 * both in turn as in the benchmark; the server runs in a child process, so it is not in the
 * profile). Open the .cpuprofile in Chrome DevTools or summarise it with
 * `node bench/summarize-profile.mjs`.
 */
import { createCalls, OPERATIONS, startBenchServer, type Operation } from './setup.js';

const [side = 'ours', countArg = '3000', only] = process.argv.slice(2);
const count = Number(countArg);
const operations = only ? [only as Operation] : OPERATIONS;
if ((side !== 'ours' && side !== 'baseline') || !operations.every((o) => OPERATIONS.includes(o))) {
  throw new Error(`usage: bench/profile.ts [ours|baseline] [requests] [${OPERATIONS.join('|')}]`);
}

const server = await startBenchServer();
try {
  const calls = createCalls(side, server.url, server.keys);
  const cpuStart = process.cpuUsage();
  for (let index = 0; index < count; index += 1) {
    await calls[operations[index % operations.length] as Operation]();
  }
  const cpu = process.cpuUsage(cpuStart);
  console.log(
    `${side} ${operations.join('/')}: ${((cpu.user + cpu.system) / count).toFixed(0)} µs CPU per request over ${count}`,
  );
} finally {
  server.close();
}
