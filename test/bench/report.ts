/** Prints the benchmark's rounds and its result. */
import { availableParallelism, cpus } from 'node:os';
import { OPERATIONS } from './setup.js';
import type { Sample } from './side-process.js';

export interface Row {
  baseline: Sample;
  ours: Sample;
}

const TARGET = 1.05;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

function line(cells: readonly string[]): void {
  console.log(cells.map((cell, index) => (index ? cell.padStart(18) : cell.padEnd(8))).join(''));
}

const show = (sample: Pick<Sample, 'cpu' | 'wall'>) =>
  `${sample.cpu.toFixed(0)} (${sample.wall.toFixed(0)})`;

/** `bun 1.x` or `node v2x`, so runs under several runtimes can be told apart. */
export function runtime(): string {
  const bun = (process.versions as { bun?: string }).bun;
  return bun ? `bun ${bun}` : `node ${process.version}`;
}

/**
 * The headline is total CPU over total CPU: every garbage collection and slow round counts,
 * as it would for a merchant. The median of the per-round ratios is shown beside it, and the
 * same total ratio for each operation of the mix.
 */
export function report(rows: readonly Row[], shape: string): void {
  const pick = (side: keyof Row, field: 'cpu' | 'wall') => rows.map((row) => row[side][field]);
  const ratios = rows.map((row) => row.ours.cpu / row.baseline.cpu);
  const ratio = sum(pick('ours', 'cpu')) / sum(pick('baseline', 'cpu'));
  const mean = (side: keyof Row) => ({
    cpu: sum(pick(side, 'cpu')) / rows.length,
    wall: sum(pick(side, 'wall')) / rows.length,
  });

  const machine = `${runtime()}, ${availableParallelism()} × ${cpus()[0]?.model ?? 'unknown CPU'}`;
  console.log(`${OPERATIONS.join(' / ')} in turn: ${shape}; ${machine}`);
  console.log('CPU µs per request, each client in its own process (wall µs in brackets)');
  line(['round', 'baseline', 'ours', 'ours/baseline']);
  rows.forEach((row, index) =>
    line([String(index + 1), show(row.baseline), show(row.ours), `${ratios[index]?.toFixed(2)}×`]),
  );
  line(['mean', show(mean('baseline')), show(mean('ours')), `${ratio.toFixed(2)}×`]);
  for (const operation of OPERATIONS) {
    const cpu = (side: keyof Row) => sum(rows.map((row) => row[side].operations[operation]));
    const [baseline, ours] = [cpu('baseline') / rows.length, cpu('ours') / rows.length];
    console.log(
      `${operation}: baseline ${baseline.toFixed(0)} µs, ours ${ours.toFixed(0)} µs CPU per request: ${(ours / baseline).toFixed(2)}×`,
    );
  }
  const spread = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
  console.log(
    `ratio: ${ratio.toFixed(2)}× (target ≤ ${TARGET.toFixed(2)}×); ` +
      `median round ${median(ratios).toFixed(2)}×, rounds ranged ${spread}`,
  );
}
