import type { Middleware } from 'openapi-fetch';
import { utf8 } from '../crypto/base64.js';
import { oaepMaxPlaintext } from '../crypto/rsa.js';
import { WechatpayDecryptionError, WechatpayEncryptionError } from '../errors.js';
import type { OperationDescriptor } from '../protocol/operation.js';
import type { MerchantKeys, WechatpayKeys } from '../protocol/credentials.js';
import { BufferedRequest } from '../transport/buffered-request.js';
import { BufferedResponse } from '../transport/buffered-response.js';
import { mapPointers } from '../protocol/fields.js';

export interface FieldCryptoOptions {
  operations: Readonly<Record<string, OperationDescriptor>>;
  merchant: MerchantKeys;
  wechatpay: WechatpayKeys;
  /** Encrypt `x-wechatpay-encrypted` request fields. Off for callers who encrypt themselves. @default true */
  encrypt?: boolean | undefined;
}

/**
 * openapi-fetch middleware for sensitive fields, driven by the operation table: request
 * fields are encrypted with the WeChat Pay key, which `Wechatpay-Serial` then names, and
 * response fields decrypted with the merchant key, so callers only ever see plaintext.
 */
export function fieldCryptoMiddleware(options: FieldCryptoOptions): Middleware {
  // Path, then method: two lookups per call and no key string built on every call.
  const byRoute = new Map<string, Map<string, OperationDescriptor>>();
  for (const operation of Object.values(options.operations)) {
    const methods = byRoute.get(operation.path) ?? new Map<string, OperationDescriptor>();
    byRoute.set(operation.path, methods.set(operation.method, operation));
  }
  const find = (method: string, schemaPath: string) =>
    byRoute.get(schemaPath)?.get(method.toUpperCase());
  return {
    // Synchronous when there is nothing to do: this runs on every request.
    onRequest({ request, schemaPath }) {
      const pointers = find(request.method, schemaPath)?.encryptedFields.request ?? [];
      if (options.encrypt === false || pointers.length === 0 || !request.body) {
        return undefined;
      }
      return encryptBody(request, pointers, options);
    },
    onResponse({ request, response, schemaPath }) {
      const pointers = find(request.method, schemaPath)?.encryptedFields.response ?? [];
      if (!response.ok || pointers.length === 0) {
        return undefined;
      }
      return decryptBody(response, pointers, options.merchant);
    },
  };
}

async function encryptBody(
  request: Request,
  pointers: readonly string[],
  options: FieldCryptoOptions,
): Promise<Request> {
  const body = JSON.parse(await request.text()) as unknown;
  await mapPointers(body, pointers, (value, field) => encryptField(value, field, options));
  const headers = new Headers(request.headers);
  // The serial must name the key the fields were encrypted with, whatever the caller passed.
  headers.set('Wechatpay-Serial', options.wechatpay.encryptionSerial);
  const init = { headers, body: JSON.stringify(body) };
  // Stays a BufferedRequest when it was one: only our own code sees it (see wechatpay-client).
  return request instanceof BufferedRequest
    ? new BufferedRequest(request, init)
    : new Request(request, init);
}

async function decryptBody(
  response: Response,
  pointers: readonly string[],
  merchant: MerchantKeys,
): Promise<Response> {
  const body = JSON.parse(await response.text()) as unknown;
  await mapPointers(body, pointers, (value, field) => decryptField(value, field, merchant));
  const bytes = utf8(JSON.stringify(body));
  const { status, statusText, headers } = response;
  const decrypted = new BufferedResponse(bytes, { status, statusText, headers }, { value: body });
  // With a Content-Length, openapi-fetch reads `json()`, which hands `body` over unparsed.
  decrypted.headers.set('Content-Length', String(bytes.length));
  return decrypted;
}

async function encryptField(
  value: unknown,
  field: string,
  options: FieldCryptoOptions,
): Promise<string> {
  if (typeof value !== 'string') {
    throw new WechatpayEncryptionError(field, `expected a plaintext string, got ${typeof value}`);
  }
  const max = oaepMaxPlaintext(await options.wechatpay.encryptionModulusBits());
  const size = utf8(value).length;
  if (size > max) {
    throw new WechatpayEncryptionError(
      field,
      `the value is ${size} UTF-8 bytes; RSA-OAEP with the WeChat Pay key takes at most ${max}. Shorten it.`,
    );
  }
  return options.wechatpay.encrypt(value);
}

async function decryptField(
  value: unknown,
  field: string,
  merchant: MerchantKeys,
): Promise<string> {
  if (typeof value !== 'string') {
    throw new WechatpayDecryptionError(field, `expected base64 ciphertext, got ${typeof value}`);
  }
  if (value === '') {
    return value; // nothing was encrypted (the Go SDK's convention too)
  }
  try {
    return await merchant.decrypt(value);
  } catch {
    throw new WechatpayDecryptionError(
      field,
      'it is not RSA-OAEP ciphertext for the merchant private key',
    );
  }
}
