import { aesGcmDecrypt, importAesKey } from '../crypto/aes-gcm.js';
import { fromUtf8, utf8 } from '../crypto/base64.js';
import { WechatpayDecryptionError } from '../errors.js';
import {
  wechatpayKeys,
  type WechatpayKeys,
  type WechatpayKeysOptions,
} from '../protocol/credentials.js';
import { verifySignature } from '../protocol/verify.js';
import { toHeaders, type HeaderRecord } from '../transport/headers.js';

/** A callback as received: its headers and the raw body, or a standard `Request`. */
export interface NotificationInput {
  headers: Headers | HeaderRecord;
  /** The raw body exactly as received; never a re-serialized object. */
  body: string | Uint8Array;
}

export interface NotificationOptions {
  /** The 32-character APIv3 key from the merchant portal. */
  apiV3Key: string;
  wechatpay: WechatpayKeysOptions;
  now?: (() => number) | undefined;
}

/** The plaintext fields of every callback, around its encrypted `resource`. */
export interface NotificationEnvelope {
  id: string;
  create_time: string;
  resource_type: string;
  summary: string;
}

/** A verified, decrypted callback; `event_type` narrows `resource` to its decrypted type. */
export type NotificationEvent<TResources extends object = Record<string, unknown>> = {
  [K in keyof TResources & string]: NotificationEnvelope & {
    event_type: K;
    resource: TResources[K];
  };
}[keyof TResources & string];

interface ParserKeys {
  wechatpay: WechatpayKeys;
  aes: Promise<CryptoKey>;
}

// Keys are imported once per options object: reuse the same object across callbacks.
const parsers = new WeakMap<NotificationOptions, ParserKeys>();

/**
 * Verifies a WeChat Pay callback over its raw body (same rules as API answers, fail-closed),
 * then decrypts its `AEAD_AES_256_GCM` resource with the APIv3 key.
 * @example
 * const event = await parseNotification<WebhookResources>(request, { apiV3Key, wechatpay });
 * if (event.event_type === 'INSURANCE_POLICY_MANAGEMENT.GRANTED') event.resource.auth_state;
 */
export async function parseNotification<TResources extends object = Record<string, unknown>>(
  input: Request | NotificationInput,
  options: NotificationOptions,
): Promise<NotificationEvent<TResources>> {
  const keys = keysFor(options);
  const { headers, body } = await readInput(input);
  await verifySignature(headers, body, { wechatpay: keys.wechatpay, now: options.now });
  const envelope = parseJson(utf8Body(body), 'the notification body') as NotificationEnvelope & {
    event_type?: unknown;
    resource?: {
      algorithm?: unknown;
      ciphertext?: unknown;
      nonce?: unknown;
      associated_data?: unknown;
    };
  };
  const resource = envelope.resource;
  if (
    resource?.algorithm !== 'AEAD_AES_256_GCM' ||
    typeof resource.ciphertext !== 'string' ||
    typeof resource.nonce !== 'string'
  ) {
    throw new WechatpayDecryptionError(
      'resource',
      'expected an AEAD_AES_256_GCM resource with ciphertext and nonce',
    );
  }
  const aesKey = await keys.aes;
  let plaintext: string;
  try {
    plaintext = await aesGcmDecrypt(aesKey, {
      ciphertext: resource.ciphertext,
      nonce: resource.nonce,
      associatedData: typeof resource.associated_data === 'string' ? resource.associated_data : '',
    });
  } catch {
    throw new WechatpayDecryptionError(
      'resource',
      'AES-GCM authentication failed; check the APIv3 key',
    );
  }
  return {
    ...envelope,
    resource: parseJson(plaintext, 'the decrypted resource'),
  } as NotificationEvent<TResources>;
}

function keysFor(options: NotificationOptions): ParserKeys {
  let keys = parsers.get(options);
  if (!keys) {
    keys = {
      wechatpay: wechatpayKeys(options.wechatpay),
      aes: importAesKey(options.apiV3Key, 'decrypt'),
    };
    keys.aes.catch(() => undefined); // reported when awaited
    parsers.set(options, keys);
  }
  return keys;
}

async function readInput(
  input: Request | NotificationInput,
): Promise<{ headers: Headers; body: Uint8Array }> {
  if (input instanceof Request) {
    return { headers: input.headers, body: new Uint8Array(await input.arrayBuffer()) };
  }
  const body = typeof input.body === 'string' ? utf8(input.body) : input.body;
  return { headers: toHeaders(input.headers), body };
}

function utf8Body(bytes: Uint8Array): string {
  try {
    return fromUtf8(bytes);
  } catch {
    throw new WechatpayDecryptionError('body', 'the notification body is not UTF-8');
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new WechatpayDecryptionError('body', `${what} is not JSON`);
  }
}

/** A reply for the HTTP framework at hand; `toResponse` makes a standard `Response` of it. */
export interface NotificationReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Tells WeChat Pay the callback was handled (204, no body). */
export function notificationSuccess(): NotificationReply {
  return { status: 204, headers: {}, body: '' };
}

/** Tells WeChat Pay to send the callback again later (500 with `{"code":"FAIL",…}`). */
export function notificationFailure(message = '处理失败', status = 500): NotificationReply {
  return {
    status,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: 'FAIL', message }),
  };
}

export function toResponse(reply: NotificationReply): Response {
  return new Response(reply.body || null, { status: reply.status, headers: reply.headers });
}
