/** Ticks per timeout: an attempt ends less than two ticks (1/16 of the timeout) late. */
const TICKS_PER_TIMEOUT = 32;

type Timer = ReturnType<typeof setInterval>;

/**
 * Per-attempt timeouts on one ticker per client instead of a timer per attempt. On Node a
 * setTimeout/clearTimeout pair per call cost some 10 µs of CPU (the timer list is built and torn
 * down each time, `pnpm bench`), a third of the transport's own work. The ticker runs while
 * attempts are in flight and for one timeout after, so back-to-back calls share it, and it never
 * keeps the process alive. An attempt is aborted once `timeoutMs` has passed, never before, and
 * less than two ticks after (a tick is 1/32 of the timeout, at least 1 ms).
 */
export class Deadlines {
  readonly #tickMs: number;
  readonly #ticks: number;
  /** Each attempt in flight, with the tick at which it is aborted. */
  readonly #pending = new Map<AbortController, number>();
  #tick = 0;
  #idleTicks = 0;
  #timer: Timer | undefined;

  constructor(timeoutMs: number) {
    this.#tickMs = Math.max(1, Math.floor(timeoutMs / TICKS_PER_TIMEOUT));
    this.#ticks = Math.ceil(timeoutMs / this.#tickMs);
  }

  /** A controller the timeout aborts; pass it to `end` when the attempt is over. */
  start(): AbortController {
    const controller = new AbortController();
    // The current tick began up to one tick ago: one more keeps the wait at least the timeout.
    this.#pending.set(controller, this.#tick + this.#ticks + 1);
    this.#timer ??= this.#startTicker();
    return controller;
  }

  end(controller: AbortController): void {
    this.#pending.delete(controller);
  }

  #startTicker(): Timer {
    this.#idleTicks = 0;
    const timer = setInterval(() => this.#onTick(), this.#tickMs);
    unref(timer);
    return timer;
  }

  #onTick(): void {
    this.#tick += 1;
    for (const [controller, due] of this.#pending) {
      if (due <= this.#tick) {
        this.#pending.delete(controller);
        controller.abort();
      }
    }
    this.#idleTicks = this.#pending.size > 0 ? 0 : this.#idleTicks + 1;
    if (this.#idleTicks > this.#ticks) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }
}

/** Lets the process exit while the ticker runs (Node and Bun; Deno through its own call). */
function unref(timer: Timer): void {
  const handle = timer as { unref?: () => void } | number;
  if (typeof handle === 'object' && typeof handle.unref === 'function') {
    handle.unref();
    return;
  }
  const deno = (globalThis as { Deno?: { unrefTimer?: (id: unknown) => void } }).Deno;
  deno?.unrefTimer?.(timer);
}
