import {
  WechatpayConfigError,
  WechatpayNetworkError,
  WechatpayResponseTooLargeError,
  WechatpayTimeoutError,
} from '../errors.js';
import type { MerchantKeys, WechatpayKeys } from '../protocol/credentials.js';
import { authorizationFor } from '../protocol/sign.js';
import { verifySignature } from '../protocol/verify.js';
import { DEFAULT_MAX_RESPONSE_BYTES, readBoundedBody } from './bounded-body.js';
import { BufferedRequest } from './buffered-request.js';
import { BufferedResponse } from './buffered-response.js';
import { Deadlines } from './deadlines.js';
import { BACKUP_BASE_URL, DEFAULT_BASE_URL } from './hosts.js';
import {
  isRetryable,
  resolveRetry,
  retryDelay,
  sleep,
  type AttemptOutcome,
  type RetryOptions,
} from './retry.js';

export interface WechatpayFetchOptions {
  mchid: string;
  merchant: MerchantKeys;
  wechatpay: WechatpayKeys;
  /** The fetch that sends; by default `globalThis.fetch`, looked up on each call. */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /**
   * Per-attempt timeout, covering the answer's body too; an attempt ends less than 1/16 of it
   * (or 2 ms) late. @default 30000
   */
  timeoutMs?: number | undefined;
  /**
   * Largest answer body read, in bytes; a larger one is dropped unread past the limit and the
   * call rejects with `WechatpayResponseTooLargeError`. @default 10485760 (10 MiB)
   */
  maxResponseBytes?: number | undefined;
  retry?: false | RetryOptions | undefined;
  /** Verify 2xx answers. Turning this off trusts the network; never do it in production. @default true */
  verify?: boolean | undefined;
  /** Sent as `User-Agent`. */
  userAgent: string;
  now?: (() => number) | undefined;
}

/**
 * A `fetch` that speaks APIv3: each attempt is signed afresh over the exact body it sends,
 * 2xx answers are verified over their raw bytes before anything reads them, safe failures
 * are retried with backoff, and connection failures move to the backup host.
 */
export function createWechatpayFetch(
  options: WechatpayFetchOptions,
): (request: Request) => Promise<Response> {
  const policy = resolveRetry(options.retry);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const limits = {
    deadlines: new Deadlines(timeoutMs),
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  };
  if (!(limits.maxResponseBytes > 0)) {
    throw new WechatpayConfigError(
      'maxResponseBytes',
      `give a positive number of bytes (default ${DEFAULT_MAX_RESPONSE_BYTES})`,
    );
  }
  return async (request) => {
    // A BufferedRequest hands its text over without a stream.
    const body = request instanceof BufferedRequest || request.body ? await request.text() : '';
    let url = request.url;
    for (let attempt = 1; ; attempt += 1) {
      const result = await attemptOnce(request, url, body, limits, options);
      const last = attempt > policy.retries;
      const outcome: AttemptOutcome =
        'response' in result ? { kind: 'status', status: result.response.status } : result.outcome;
      if (last || !isRetryable(request.method, outcome, policy)) {
        if ('response' in result) {
          return result.response;
        }
        throw outcome.kind === 'timeout'
          ? new WechatpayTimeoutError(request.method, url, timeoutMs)
          : new WechatpayNetworkError(request.method, url, attempt, { cause: result.cause });
      }
      if (outcome.kind === 'network') {
        url = failover(url);
      }
      const retryAfter = 'response' in result ? result.response.headers.get('Retry-After') : null;
      await sleep(retryDelay(attempt - 1, policy, retryAfter), request.signal);
    }
  };
}

type Attempt = { response: Response } | { outcome: AttemptOutcome; cause?: unknown };

/**
 * One signed attempt. The timeout covers the whole answer, body included, which is read
 * here once, up to `maxResponseBytes`: 2xx bodies are verified before the caller's code sees
 * a byte.
 */
async function attemptOnce(
  request: Request,
  url: string,
  body: string,
  limits: { deadlines: Deadlines; maxResponseBytes: number },
  options: WechatpayFetchOptions,
): Promise<Attempt> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  headers.authorization = await authorizationFor({ method: request.method, url, body }, options);
  headers.accept = 'application/json';
  headers['user-agent'] = options.userAgent;
  // Names the WeChat Pay key to sign the answer with (and, with encrypted fields, the one used).
  headers['wechatpay-serial'] ??= options.wechatpay.encryptionSerial;
  if (body) {
    headers['content-type'] = 'application/json';
  }
  const callerSignal = request instanceof BufferedRequest ? request.callerSignal : request.signal;
  const controller = limits.deadlines.start();
  const onAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onAbort, { once: true });
  let answer: Response;
  let bytes: Uint8Array<ArrayBuffer> | undefined;
  try {
    callerSignal?.throwIfAborted();
    const init = { method: request.method, headers, body: body || null, signal: controller.signal };
    // The global fetch takes url and init directly, which spares building one more Request.
    answer = await (options.fetch
      ? options.fetch(new Request(url, init))
      : globalThis.fetch(url, init));
    bytes = await readBoundedBody(answer, limits.maxResponseBytes);
  } catch (cause) {
    if (callerSignal?.aborted) {
      throw callerSignal.reason; // the caller's own abort is not ours to retry or rename
    }
    return controller.signal.aborted
      ? { outcome: { kind: 'timeout' } }
      : { outcome: { kind: 'network' }, cause };
  } finally {
    limits.deadlines.end(controller);
    callerSignal?.removeEventListener('abort', onAbort);
  }
  if (!bytes) {
    throw new WechatpayResponseTooLargeError(request.method, url, limits.maxResponseBytes);
  }
  if (answer.ok && options.verify !== false) {
    await verifySignature(answer.headers, bytes, options);
  }
  return { response: BufferedResponse.of(answer, bytes) };
}

/** After a connection failure on the primary host, the next attempt goes to the backup host. */
function failover(url: string): string {
  return url.startsWith(`${DEFAULT_BASE_URL}/`)
    ? BACKUP_BASE_URL + url.slice(DEFAULT_BASE_URL.length)
    : url;
}
