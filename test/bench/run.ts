/**
 * `pnpm bench`: CPU time per request of the generated client against a hand-rolled fetch +
 * node:crypto client doing the same protocol work (see baseline.ts), on a fair mix: half
 * `submitAuthorization` (signed POST), half `queryPolicy` (GET whose answer carries RSA-OAEP
 * encrypted names to decrypt), taken in turn (see setup.ts).
 *
 * Three child processes: the signing WeChat-like server, and one per client (side-process.ts).
 * Each client counts only its own process's CPU, garbage collection included, so neither pays
 * for the other's garbage. (Measured in one process, each side's GC debt landed on whichever
 * side ran next: the same code gave 0.90× to 1.19× depending on when GC ran.) Requests are
 * sequential. After a warm-up, short rounds alternate baseline/ours (and which goes first), so
 * both sides see the same machine; the result is total CPU over total CPU. It is a
 * measurement: it exits 0 whatever the ratio, unless something fails.
 *
 * Other runtimes, from `test/` once the packages are built: `npx -y node@24 --import tsx
 * bench/run.ts`, `npx -y bun@1 bench/run.ts` (the child processes run in the same runtime).
 *
 * Tunables (environment): BENCH_ROUNDS (41), BENCH_REQUESTS (250 per side and round),
 * BENCH_WARMUP (3000 per side: undici and V8 need a few thousand requests to settle). Request
 * counts are rounded up to even, so each batch holds as many of each operation.
 */
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { report, type Row } from './report.js';
import { ask, forkBench, SIDES, startBenchServer, type Side } from './setup.js';
import type { Sample } from './side-process.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 41);
const even = (count: number) => 2 * Math.ceil(count / 2);
const REQUESTS = even(Number(process.env.BENCH_REQUESTS ?? 250));
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3000);

async function measure(url: string, keys: unknown): Promise<Row[]> {
  const clients = new Map<Side, ChildProcess>(
    SIDES.map((side) => [side, forkBench('./side-process.ts')]),
  );
  const run = (side: Side, requests: number) =>
    ask<Sample>(clients.get(side) as ChildProcess, { requests });
  try {
    await Promise.all(
      SIDES.map((side) => ask(clients.get(side) as ChildProcess, { side, url, keys })),
    );
    // Warm-up, interleaved (JIT, connection pool, lazily imported keys).
    for (let step = 0; step < 6; step += 1) {
      for (const side of SIDES) {
        await run(side, even(WARMUP / 6));
      }
    }
    const rows: Row[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const samples = new Map<Side, Sample>();
      for (const side of round % 2 ? SIDES : [...SIDES].reverse()) {
        samples.set(side, await run(side, REQUESTS));
      }
      rows.push({
        baseline: samples.get('baseline') as Sample,
        ours: samples.get('ours') as Sample,
      });
    }
    return rows;
  } finally {
    for (const child of clients.values()) {
      child.disconnect();
    }
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const server = await startBenchServer();
  try {
    const rows = await measure(server.url, server.keys);
    report(rows, `${ROUNDS} rounds × ${REQUESTS} sequential requests per side, warm-up ${WARMUP}`);
    console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
