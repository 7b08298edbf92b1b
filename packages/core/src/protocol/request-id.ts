/**
 * A `Request-ID` in WeChat Pay's shape: 40 upper-case hex digits, a dash and the send counter
 * (0 for a first answer, n for the n-th re-send of a callback). Simulators stamp it on answers.
 */
export function createRequestId(resend = 0): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.toUpperCase()}-${resend}`;
}
