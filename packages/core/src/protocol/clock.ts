/** Largest accepted distance, in seconds, between a signed timestamp and the local clock. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** Current Unix time in whole seconds. */
export function unixSeconds(nowMs: number = Date.now()): number {
  return Math.floor(nowMs / 1000);
}

/**
 * Whether a signed `timestamp` (decimal Unix seconds, as in `Wechatpay-Timestamp` or the
 * Authorization header) is within `MAX_CLOCK_SKEW_SECONDS` of the clock, either way.
 */
export function isFreshTimestamp(timestamp: string, nowMs?: number): boolean {
  return (
    /^\d+$/.test(timestamp) &&
    Math.abs(unixSeconds(nowMs) - Number(timestamp)) <= MAX_CLOCK_SKEW_SECONDS
  );
}
