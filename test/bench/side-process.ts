/**
 * Child-process entry of the benchmark: one client under test, alone in its process, so its
 * garbage collection and JIT work are charged to it and to nothing else. The parent sends
 * `{ side, url, keys }`, then `{ requests }` batches that alternate the operations of the mix;
 * each batch answers with this process's CPU time (`process.cpuUsage()`: user + system, all
 * threads) per request, overall and per operation, and the wall time per request.
 */
import { performance } from 'node:perf_hooks';
import type { Keys } from '../support/credentials.js';
import { createCalls, OPERATIONS, type Calls, type Operation, type Side } from './setup.js';

export interface Sample {
  /** CPU µs per request. */
  cpu: number;
  /** Wall-clock µs per request. */
  wall: number;
  /**
   * CPU µs per request of each operation, from the end of the previous call to the end of this
   * one: work a call leaves behind (garbage, stream teardown) lands on the next, so only the
   * overall figure is exact.
   */
  operations: Record<Operation, number>;
}

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

async function measure(calls: Calls, requests: number): Promise<Sample> {
  const spent = Object.fromEntries(OPERATIONS.map((name) => [name, 0])) as Record<
    Operation,
    number
  >;
  const wallStart = performance.now();
  const cpuStart = cpuNow();
  let before = cpuStart;
  for (let index = 0; index < requests; index += 1) {
    const operation = OPERATIONS[index % OPERATIONS.length] as Operation;
    await calls[operation]();
    const after = cpuNow();
    spent[operation] += after - before;
    before = after;
  }
  const cpu = before - cpuStart;
  const wall = performance.now() - wallStart;
  const each = requests / OPERATIONS.length;
  return {
    cpu: cpu / requests,
    wall: (wall * 1000) / requests,
    operations: Object.fromEntries(OPERATIONS.map((name) => [name, spent[name] / each])) as Record<
      Operation,
      number
    >,
  };
}

process.once('message', ({ side, url, keys }: { side: Side; url: string; keys: Keys }) => {
  const calls = createCalls(side, url, keys);
  process.on('message', ({ requests }: { requests: number }) => {
    measure(calls, requests).then(
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
