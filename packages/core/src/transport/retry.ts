/** When and how long to retry. Retries are always signed afresh. */
export interface RetryOptions {
  /** Attempts after the first. @default 2 */
  retries?: number;
  /** The n-th retry waits a random time up to `baseDelayMs · 2^n` (full jitter). @default 200 */
  baseDelayMs?: number;
  /** Upper bound of one wait, also for `Retry-After`. @default 5000 */
  maxDelayMs?: number;
  /**
   * Also retry POST and PATCH on 429, 5xx and timeouts. Only for calls you know are idempotent:
   * WeChat Pay may have acted on the first attempt. @default false
   */
  unsafeMethods?: boolean;
}

export type ResolvedRetry = Required<RetryOptions>;

export function resolveRetry(retry: false | RetryOptions | undefined): ResolvedRetry {
  if (retry === false) {
    return { retries: 0, baseDelayMs: 0, maxDelayMs: 0, unsafeMethods: false };
  }
  return { retries: 2, baseDelayMs: 200, maxDelayMs: 5000, unsafeMethods: false, ...retry };
}

/** What happened on one attempt. */
export type AttemptOutcome =
  { kind: 'network' } | { kind: 'timeout' } | { kind: 'status'; status: number };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Network errors before any response are always retried (the request never got an answer);
 * 429, 5xx and timeouts only on safe methods, or on POST/PATCH when the caller opted in.
 */
export function isRetryable(
  method: string,
  outcome: AttemptOutcome,
  policy: ResolvedRetry,
): boolean {
  if (outcome.kind === 'network') {
    return true;
  }
  const safe = SAFE_METHODS.has(method.toUpperCase()) || policy.unsafeMethods;
  if (outcome.kind === 'timeout') {
    return safe;
  }
  return safe && (outcome.status === 429 || outcome.status >= 500);
}

/** Full-jitter exponential backoff, or the server's `Retry-After` (seconds) when it sent one. */
export function retryDelay(
  retryIndex: number,
  policy: ResolvedRetry,
  retryAfter?: string | null,
): number {
  const seconds = Number(retryAfter);
  if (retryAfter && Number.isFinite(seconds) && seconds >= 0) {
    return Math.min(seconds * 1000, policy.maxDelayMs);
  }
  return Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
}

/** Waits, unless the caller aborts first. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
