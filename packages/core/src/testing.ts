/**
 * Helpers for tests and simulators: throwaway keys, and answers or callbacks signed the way
 * WeChat Pay signs them. Import from `@wechatpay-kit/core/testing`; never use these keys live.
 */
import { aesGcmEncrypt } from './crypto/aes-gcm.js';
import { toBase64 } from './crypto/base64.js';
import { importRsaKey } from './crypto/keys.js';
import { rsaSign } from './crypto/rsa.js';
import { responseMessage } from './protocol/messages.js';
import { unixSeconds } from './protocol/clock.js';
import { createNonce } from './protocol/nonce.js';

export interface TestKeyPair {
  /** PKCS#8 PEM. */
  privateKey: string;
  /** SPKI PEM. */
  publicKey: string;
}

/** A fresh RSA-2048 key pair as PEM text. */
export async function createTestKeyPair(): Promise<TestKeyPair> {
  const pair = await crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  );
  const der = async (format: 'pkcs8' | 'spki', key: CryptoKey) =>
    new Uint8Array(await crypto.subtle.exportKey(format, key));
  return {
    privateKey: pem('PRIVATE KEY', await der('pkcs8', pair.privateKey)),
    publicKey: pem('PUBLIC KEY', await der('spki', pair.publicKey)),
  };
}

function pem(label: string, der: Uint8Array): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export interface SignAsWechatpayOptions {
  /** WeChat Pay's (simulated) private key, PKCS#8 PEM. */
  privateKey: string;
  /** Sent as `Wechatpay-Serial`, e.g. `PUB_KEY_ID_…`. */
  serial: string;
  now?: number;
}

// Mock servers sign every answer with the same key: import each PEM once.
const signingKeys = new Map<string, Promise<CryptoKey>>();

function signingKey(privateKey: string): Promise<CryptoKey> {
  let key = signingKeys.get(privateKey);
  if (!key) {
    key = importRsaKey(privateKey, 'sign', 'privateKey');
    key.catch(() => signingKeys.delete(privateKey));
    signingKeys.set(privateKey, key);
  }
  return key;
}

/** The `Wechatpay-*` headers WeChat Pay would send with `body`. */
export async function signAsWechatpay(
  body: string,
  options: SignAsWechatpayOptions,
): Promise<Record<string, string>> {
  const timestamp = String(unixSeconds(options.now));
  const nonce = createNonce();
  const key = await signingKey(options.privateKey);
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Serial': options.serial,
    'Wechatpay-Signature': await rsaSign(key, responseMessage({ timestamp, nonce, body })),
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
  };
}

/** A callback body whose `resource` is `payload` sealed with AEAD_AES_256_GCM under `apiV3Key`. */
export async function encryptNotification(options: {
  apiV3Key: string;
  eventType: string;
  payload: unknown;
  originalType: string;
  summary: string;
  id?: string;
  createTime?: string;
}): Promise<string> {
  const nonce = createNonce(12);
  const ciphertext = await aesGcmEncrypt(options.apiV3Key, JSON.stringify(options.payload), {
    nonce,
    associatedData: options.originalType,
  });
  return JSON.stringify({
    id: options.id ?? crypto.randomUUID(),
    create_time: options.createTime ?? new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    resource_type: 'encrypt-resource',
    event_type: options.eventType,
    summary: options.summary,
    resource: {
      original_type: options.originalType,
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext,
      associated_data: options.originalType,
      nonce,
    },
  });
}
