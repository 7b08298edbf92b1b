import {
  createRequestId,
  importRsaKey,
  mapPointers,
  oaepEncrypt,
  type OperationDescriptor,
} from '@wechatpay-kit/core/internal';
import { signAsWechatpay } from '@wechatpay-kit/core/testing';
import type { HandlerOptions } from './options.js';

/** An answer to send: a status and, unless it has none, a JSON body. */
export interface Reply {
  status: number;
  body?: unknown;
}

const merchantKeys = new WeakMap<object, Promise<CryptoKey>>();

/**
 * The HTTP answer WeChat Pay would send for `reply`: a 2xx has its encrypted response fields
 * (the descriptor's JSON pointers) encrypted with the merchant public key and is signed with
 * the WeChat Pay private key over its exact bytes; any other status goes out unsigned, as
 * WeChat Pay's errors do. A plain `Response`, so any server (MSW or not) can send it.
 */
export async function wechatpayResponse(
  descriptor: OperationDescriptor,
  reply: Reply,
  options: HandlerOptions,
): Promise<Response> {
  const headers: Record<string, string> = { 'Request-ID': createRequestId() };
  const success = reply.status >= 200 && reply.status < 300;
  let body = reply.body;
  if (success && body !== undefined && descriptor.encryptedFields.response.length > 0) {
    body = await encryptFields(descriptor, body, options);
  }
  const text = body === undefined ? '' : JSON.stringify(body);
  if (text) {
    headers['Content-Type'] = 'application/json';
  }
  if (success) {
    const signer = { ...options.wechatpay, ...(options.now ? { now: options.now() } : {}) };
    Object.assign(headers, await signAsWechatpay(text, signer));
  }
  return new Response(text || null, { status: reply.status, headers });
}

async function encryptFields(
  descriptor: OperationDescriptor,
  body: unknown,
  options: HandlerOptions,
): Promise<unknown> {
  const merchant = options.merchant;
  if (!merchant) {
    throw new Error(
      `${descriptor.operationId} answers encrypted fields: pass merchant.publicKey to the handler options`,
    );
  }
  let key = merchantKeys.get(merchant);
  if (!key) {
    key = importRsaKey(merchant.publicKey, 'encrypt', 'merchant.publicKey');
    merchantKeys.set(merchant, key);
  }
  const encryptWith = await key;
  const copy = structuredClone(body);
  await mapPointers(copy, descriptor.encryptedFields.response, async (value) =>
    typeof value === 'string' ? oaepEncrypt(encryptWith, value) : value,
  );
  return copy;
}
