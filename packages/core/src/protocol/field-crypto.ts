import type { Middleware } from 'openapi-fetch';
import { utf8 } from '../crypto/base64.js';
import { oaepMaxPlaintext } from '../crypto/rsa.js';
import { WechatpayDecryptionError, WechatpayEncryptionError } from '../errors.js';
import type { OperationDescriptor } from '../operation.js';
import type { MerchantKeys, WechatpayKeys } from './credentials.js';
import { mapPointers } from './fields.js';

export interface FieldCryptoOptions {
  operations: Readonly<Record<string, OperationDescriptor>>;
  merchant: MerchantKeys;
  wechatpay: WechatpayKeys;
  /** Encrypt `x-wechatpay-encrypted` request fields. Off for callers who encrypt themselves. @default true */
  encrypt?: boolean | undefined;
}

/**
 * openapi-fetch middleware for sensitive fields, driven by the operation table: request
 * fields are encrypted with the WeChat Pay key named in `Wechatpay-Serial`, response fields
 * decrypted with the merchant key, so callers only ever see plaintext.
 */
export function fieldCryptoMiddleware(options: FieldCryptoOptions): Middleware {
  const byRoute = new Map(
    Object.values(options.operations).map((operation) => [
      `${operation.method} ${operation.path}`,
      operation,
    ]),
  );
  const find = (method: string, schemaPath: string) =>
    byRoute.get(`${method.toUpperCase()} ${schemaPath}`);
  return {
    async onRequest({ request, schemaPath }) {
      const operation = find(request.method, schemaPath);
      const encrypting =
        options.encrypt !== false && (operation?.encryptedFields.request.length ?? 0) > 0;
      if (encrypting || !request.headers.has('Wechatpay-Serial')) {
        // Also tells WeChat Pay which of its keys to sign the answer with.
        request.headers.set('Wechatpay-Serial', options.wechatpay.encryptionSerial);
      }
      if (!encrypting || !request.body) {
        return undefined;
      }
      const body = JSON.parse(await request.text()) as unknown;
      await mapPointers(body, operation?.encryptedFields.request ?? [], (value, field) =>
        encryptField(value, field, options),
      );
      return new Request(request, { body: JSON.stringify(body) });
    },
    async onResponse({ request, response, schemaPath }) {
      const pointers = find(request.method, schemaPath)?.encryptedFields.response ?? [];
      if (!response.ok || pointers.length === 0) {
        return undefined;
      }
      const body = JSON.parse(await response.text()) as unknown;
      await mapPointers(body, pointers, (value, field) =>
        decryptField(value, field, options.merchant),
      );
      const headers = new Headers(response.headers);
      headers.delete('Content-Length');
      return new Response(JSON.stringify(body), {
        status: response.status,
        statusText: response.statusText,
        headers,
      });
    },
  };
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
