/**
 * Runs one side of the benchmark alone, for a CPU profile of just that client:
 *
 *   cd test && node --cpu-prof --cpu-prof-dir=/tmp/wechatpay-prof --import tsx bench/profile.ts ours 3000
 *
 * (side: `ours` or `baseline`; the server runs in a child process, so it is not in the profile).
 * Open the .cpuprofile in Chrome DevTools or summarise it with `node bench/summarize-profile.mjs`.
 */
import { createCall, startBenchServer } from './setup.js';

const side = process.argv[2] ?? 'ours';
const count = Number(process.argv[3] ?? 3000);
if (side !== 'ours' && side !== 'baseline') {
  throw new Error('usage: bench/profile.ts [ours|baseline] [requests]');
}

const server = await startBenchServer();
try {
  const call = createCall(side, server.url, server.keys);
  const cpuStart = process.cpuUsage();
  for (let index = 0; index < count; index += 1) {
    await call();
  }
  const cpu = process.cpuUsage(cpuStart);
  console.log(
    `${side}: ${((cpu.user + cpu.system) / count).toFixed(0)} µs CPU per request over ${count}`,
  );
} finally {
  server.close();
}
