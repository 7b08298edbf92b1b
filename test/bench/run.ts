/**
 * `pnpm bench`: CPU time per request of the generated client's `queryAuthorization` against a
 * hand-rolled fetch + node:crypto client doing the same protocol work (see baseline.ts).
 *
 * The signing WeChat-like server runs in a child process, so only the client's CPU is counted
 * (`process.cpuUsage()`: user + system, all threads of this process, which includes WebCrypto
 * work on the libuv pool). Requests are sequential. After a warm-up, rounds alternate
 * baseline/ours (and which goes first), with a GC before each batch when `--expose-gc` is on;
 * the result is the median over rounds. It is a measurement: it exits 0 whatever the ratio,
 * unless something fails.
 *
 * Tunables (environment): BENCH_ROUNDS (9), BENCH_REQUESTS (300 per side and round),
 * BENCH_WARMUP (3000 per side: undici and V8 need a few thousand requests to settle).
 */
import { availableParallelism, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setUp, type Call } from './setup.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3000);
const TARGET = 1.15;

interface Sample {
  /** CPU µs per request. */
  cpu: number;
  /** Wall-clock µs per request. */
  wall: number;
}

async function measure(call: Call, count: number): Promise<Sample> {
  (globalThis as { gc?: () => void }).gc?.();
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  for (let index = 0; index < count; index += 1) {
    await call();
  }
  const cpu = process.cpuUsage(cpuStart);
  const wall = performance.now() - wallStart;
  return { cpu: (cpu.user + cpu.system) / count, wall: (wall * 1000) / count };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function main(): Promise<void> {
  const started = performance.now();
  const bench = await setUp();
  try {
    // Warm up both, interleaved (JIT, connection pool, lazily imported keys).
    for (let step = 0; step < 6; step += 1) {
      await measure(bench.baseline, Math.ceil(WARMUP / 6));
      await measure(bench.ours, Math.ceil(WARMUP / 6));
    }

    const rows: { baseline: Sample; ours: Sample; ratio: number }[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      let baseline: Sample;
      let ours: Sample;
      if (round % 2) {
        baseline = await measure(bench.baseline, REQUESTS);
        ours = await measure(bench.ours, REQUESTS);
      } else {
        ours = await measure(bench.ours, REQUESTS);
        baseline = await measure(bench.baseline, REQUESTS);
      }
      rows.push({ baseline, ours, ratio: ours.cpu / baseline.cpu });
    }

    const ratio = median(rows.map((row) => row.ratio));
    const mid = (pick: (row: (typeof rows)[number]) => Sample): Sample => ({
      cpu: median(rows.map((row) => pick(row).cpu)),
      wall: median(rows.map((row) => pick(row).wall)),
    });
    const line = (cells: string[]) =>
      console.log(
        cells.map((cell, index) => (index === 0 ? cell.padEnd(8) : cell.padStart(18))).join(''),
      );
    const show = (sample: Sample) => `${sample.cpu.toFixed(0)} (${sample.wall.toFixed(0)})`;

    console.log(
      `queryAuthorization: ${ROUNDS} rounds × ${REQUESTS} sequential requests per side, warm-up ${WARMUP}; ` +
        `node ${process.version}, ${availableParallelism()} × ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
        `gc between batches: ${typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'yes' : 'no'}`,
    );
    console.log('CPU µs per request, this process only (wall µs per request in brackets)');
    line(['round', 'baseline', 'ours', 'ours/baseline']);
    rows.forEach((row, index) =>
      line([String(index + 1), show(row.baseline), show(row.ours), `${row.ratio.toFixed(2)}×`]),
    );
    line([
      'median',
      show(mid((row) => row.baseline)),
      show(mid((row) => row.ours)),
      `${ratio.toFixed(2)}×`,
    ]);
    console.log(`ratio: ${ratio.toFixed(2)}× (target ≤ ${TARGET.toFixed(2)}×)`);
    console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
