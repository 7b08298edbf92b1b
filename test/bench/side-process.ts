/**
 * Child-process entry of the benchmark: one client under test, alone in its process, so its
 * garbage collection and JIT work are charged to it and to nothing else. The parent sends
 * `{ side, url, keys }`, then `{ requests }` batches; each batch answers with this process's
 * CPU time (`process.cpuUsage()`: user + system, all threads) and wall time per request.
 */
import { performance } from 'node:perf_hooks';
import type { Keys } from '../support/credentials.js';
import { createCall, type Call, type Side } from './setup.js';

export interface Sample {
  /** CPU µs per request. */
  cpu: number;
  /** Wall-clock µs per request. */
  wall: number;
}

async function measure(call: Call, requests: number): Promise<Sample> {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  for (let index = 0; index < requests; index += 1) {
    await call();
  }
  const cpu = process.cpuUsage(cpuStart);
  const wall = performance.now() - wallStart;
  return { cpu: (cpu.user + cpu.system) / requests, wall: (wall * 1000) / requests };
}

process.once('message', ({ side, url, keys }: { side: Side; url: string; keys: Keys }) => {
  const call = createCall(side, url, keys);
  process.on('message', ({ requests }: { requests: number }) => {
    measure(call, requests).then(
      (sample) => process.send?.(sample),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
  process.once('disconnect', () => process.exit(0));
  process.send?.({ ready: true });
});
