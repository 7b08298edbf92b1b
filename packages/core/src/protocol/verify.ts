import { WechatpayVerificationError } from '../errors.js';
import type { WechatpayKeys } from './credentials.js';
import { MAX_CLOCK_SKEW_SECONDS, isFreshTimestamp } from './clock.js';

export const SIGNATURE_HEADERS = [
  'Wechatpay-Timestamp',
  'Wechatpay-Nonce',
  'Wechatpay-Signature',
  'Wechatpay-Serial',
] as const;

/** WeChat Pay puts these deliberately wrong signatures into a few answers to test merchants. */
export const PROBE_SIGNATURE_PREFIX = 'WECHATPAY/SIGNTEST/';

export interface VerifyOptions {
  wechatpay: WechatpayKeys;
  /** Local clock in milliseconds. @default Date.now */
  now?: (() => number) | undefined;
}

/**
 * Checks the `Wechatpay-*` headers and signature of a response or callback over its raw body
 * bytes: `timestamp\nnonce\nbody\n`. Throws `WechatpayVerificationError` on any doubt.
 */
export async function verifySignature(
  headers: Headers,
  body: Uint8Array,
  options: VerifyOptions,
): Promise<void> {
  const requestId = headers.get('Request-ID') ?? undefined;
  const fail = (reason: WechatpayVerificationError['reason'], message: string) =>
    new WechatpayVerificationError(reason, message, requestId);
  const values = SIGNATURE_HEADERS.map((name) => headers.get(name));
  const missing = SIGNATURE_HEADERS.filter((_, index) => !values[index]);
  if (missing.length > 0) {
    throw fail('missing-header', `the answer lacks ${missing.join(', ')}`);
  }
  const [timestamp, nonce, signature, serial] = values as string[];
  if (!options.wechatpay.serials.includes(serial as string)) {
    throw fail('unknown-serial', `Wechatpay-Serial "${serial}" is not a configured WeChat Pay key`);
  }
  if (!isFreshTimestamp(timestamp as string, options.now?.())) {
    throw fail(
      'stale-timestamp',
      `Wechatpay-Timestamp "${timestamp}" is more than ${MAX_CLOCK_SKEW_SECONDS} s from the local clock`,
    );
  }
  if (signature?.startsWith(PROBE_SIGNATURE_PREFIX)) {
    throw fail(
      'probe-signature',
      'WeChat Pay sent a probe signature; the answer must not be trusted',
    );
  }
  const message = [`${timestamp}\n${nonce}\n`, body, '\n'];
  if (!(await options.wechatpay.verify(serial as string, message, signature as string))) {
    throw fail('bad-signature', 'the signature does not match the body');
  }
}
