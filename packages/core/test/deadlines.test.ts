import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Deadlines } from '../src/transport/deadlines.js';

const activeTimers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout');

describe('Deadlines (fake time)', () => {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }));
  afterEach(() => void vi.useRealTimers());

  it('aborts an attempt after the timeout, never before, less than two ticks late', async () => {
    for (const [timeoutMs, tick] of [
      [1, 1],
      [20, 1],
      [1000, 31],
      [30_000, 937],
    ] as const) {
      const deadlines = new Deadlines(timeoutMs);
      // Start at every phase of the ticker, not only when it starts.
      for (const offset of [0, Math.floor(tick / 2), tick - 1]) {
        vi.advanceTimersByTime(offset);
        const attempt = deadlines.start();
        vi.advanceTimersByTime(timeoutMs - 1);
        expect(attempt.signal.aborted, `${timeoutMs} ms, +${offset}`).toBe(false);
        vi.advanceTimersByTime(1 + 2 * tick);
        expect(attempt.signal.aborted, `${timeoutMs} ms, +${offset}`).toBe(true);
      }
      vi.clearAllTimers();
    }
  });

  it('leaves an ended attempt alone and times each attempt on its own', () => {
    const deadlines = new Deadlines(100);
    const early = deadlines.start();
    vi.advanceTimersByTime(50);
    const late = deadlines.start();
    deadlines.end(early);
    vi.advanceTimersByTime(60);
    expect(early.signal.aborted).toBe(false);
    expect(late.signal.aborted).toBe(false);
    vi.advanceTimersByTime(50);
    expect(late.signal.aborted).toBe(true);
  });

  it('shares one ticker between attempts, and stops it one timeout after the last', () => {
    const deadlines = new Deadlines(100);
    for (let index = 0; index < 50; index += 1) {
      deadlines.end(deadlines.start());
      vi.advanceTimersByTime(10);
    }
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(110);
    expect(vi.getTimerCount()).toBe(0);
    const again = deadlines.start();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(110);
    expect(again.signal.aborted).toBe(true);
  });
});

describe('Deadlines (real time)', () => {
  it('never keeps the process alive', () => {
    const before = activeTimers().length;
    const deadlines = new Deadlines(30_000);
    const attempt = deadlines.start();
    expect(activeTimers()).toHaveLength(before);
    deadlines.end(attempt);
  });
});
