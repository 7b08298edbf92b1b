import type { Client, ClientOptions, Middleware } from 'openapi-fetch';
import { bindOperations, createApiClient } from './openapi-client.js';
import { WechatpayConfigError } from '../errors.js';
import type { OperationDescriptor } from '../protocol/operation.js';
import {
  merchantKeys,
  wechatpayKeys,
  type MerchantOptions,
  type WechatpayKeysOptions,
} from '../protocol/credentials.js';
import { fieldCryptoMiddleware } from './field-crypto.js';
import { BufferedRequest } from '../transport/buffered-request.js';
import type { RetryOptions } from '../transport/retry.js';
import { createWechatpayFetch } from '../transport/wechatpay-fetch.js';
import { CORE_VERSION } from '../version.js';

/** Options of every generated WeChat Pay client. */
export interface WechatpayClientOptions {
  /** Merchant id (商户号), digits. */
  mchid: string;
  /** The merchant API certificate's serial number and private key; they sign every request. */
  merchant: MerchantOptions;
  /** WeChat Pay's public key and/or platform certificates; they verify every answer. */
  wechatpay: WechatpayKeysOptions;
  /** @default 'https://api.mch.weixin.qq.com' (with failover to api2 on connection failure) */
  baseUrl?: string;
  /** The fetch to send with; by default `globalThis.fetch`, looked up on each call. */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * Per-attempt timeout in milliseconds, covering the answer's body; an attempt ends less than
   * 1/16 of it (or 2 ms) late. @default 30000
   */
  timeoutMs?: number;
  /**
   * Largest answer body read, in bytes: past it the read stops and the call rejects with
   * `WechatpayResponseTooLargeError`. @default 10485760 (10 MiB)
   */
  maxResponseBytes?: number;
  /** Retry policy; `false` turns retries off. */
  retry?: false | RetryOptions;
  /** Encrypt `x-wechatpay-encrypted` request fields for you. Set `false` if you encrypt them yourself. @default true */
  encryptSensitiveFields?: boolean;
  /** Headers sent with every request. */
  headers?: ClientOptions['headers'];
  /** More openapi-fetch middleware; runs after the sensitive-field encryption. */
  middleware?: readonly Middleware[];
  /** Clock in milliseconds, for simulators and tests. @default Date.now */
  now?: () => number;
}

/** What the generated code passes about its API. */
export interface ClientDefinition {
  operations: Readonly<Record<string, OperationDescriptor>>;
  /** Package name for the User-Agent, e.g. `@wechatpay-kit/inspolicymgr`. */
  product: string;
}

/**
 * Creates a client whose every request is signed, every 2xx answer verified (fail-closed) and
 * whose sensitive fields are encrypted and decrypted for the caller. Keys are imported once.
 */
export function createWechatpayClient<TPaths extends {}, TMethods>(
  options: WechatpayClientOptions,
  definition: ClientDefinition,
): Client<TPaths> & TMethods {
  if (!/^\d+$/.test(options?.mchid ?? '')) {
    throw new WechatpayConfigError('mchid', 'give your merchant id (商户号), digits only');
  }
  const merchant = merchantKeys(options.merchant);
  const wechatpay = wechatpayKeys(options.wechatpay);
  const transport = createWechatpayFetch({
    mchid: options.mchid,
    merchant,
    wechatpay,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    maxResponseBytes: options.maxResponseBytes,
    retry: options.retry,
    userAgent: `${definition.product} wechatpay-kit/${CORE_VERSION}`,
    now: options.now,
  });
  const fields = fieldCryptoMiddleware({
    operations: definition.operations,
    merchant,
    wechatpay,
    encrypt: options.encryptSensitiveFields,
  });
  const client = createApiClient<TPaths>({
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    fetch: transport,
    middleware: [fields, ...(options.middleware ?? [])],
    // Requests that only our own code sees keep their body as text (see BufferedRequest).
    ...(options.middleware?.length ? {} : { Request: BufferedRequest }),
  });
  return bindOperations<TMethods, TPaths>(client, definition.operations);
}
