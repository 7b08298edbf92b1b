import { formatAuthorization } from './authorization.js';
import type { MerchantKeys } from './credentials.js';
import { requestMessage, signedUrl } from './messages.js';
import { unixSeconds } from './clock.js';
import { createNonce } from './nonce.js';

export interface SignOptions {
  mchid: string;
  merchant: MerchantKeys;
  /** Local clock in milliseconds. @default Date.now */
  now?: (() => number) | undefined;
}

/**
 * The `Authorization` header for one request: signed over method, path with query,
 * a fresh timestamp and nonce, and `body` exactly as it will be sent.
 */
export async function authorizationFor(
  request: { method: string; url: string; body: string },
  options: SignOptions,
): Promise<string> {
  const timestamp = String(unixSeconds(options.now?.()));
  const nonce = createNonce();
  const message = requestMessage({
    method: request.method,
    url: signedUrl(request.url),
    timestamp,
    nonce,
    body: request.body,
  });
  return formatAuthorization({
    mchid: options.mchid,
    nonce_str: nonce,
    timestamp,
    serial_no: options.merchant.serialNo,
    signature: await options.merchant.sign(message),
  });
}
