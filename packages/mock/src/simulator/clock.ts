/** The simulator's clock: a base clock (default `Date.now`) plus an offset moved by `advance`. */
export interface SimulatorClock {
  /** Milliseconds since the epoch, simulator time. */
  now(): number;
  /** Moves simulator time forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** Back to the base clock. */
  reset(): void;
}

export function createClock(base: () => number = Date.now): SimulatorClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new Error(
          `advanceTime(ms): expected a non-negative number of milliseconds, got ${ms}`,
        );
      }
      offset += ms;
    },
    reset() {
      offset = 0;
    },
  };
}
