import { constants, createVerify, privateDecrypt, publicEncrypt } from 'node:crypto';
import { createTestKeyPair, type TestKeyPair } from '@wechatpay-kit/core/testing';
import { startWechatServer, type WechatServer } from './wechat-server.js';

export const MCHID = '1900000001';
export const MERCHANT_SERIAL_NO = '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C';
export const WECHATPAY_KEY_ID = 'PUB_KEY_ID_0114232134912410000000000000';

export interface Keys {
  merchant: TestKeyPair;
  wechatpay: TestKeyPair;
}

/** Two throwaway key pairs: the merchant's and (simulated) WeChat Pay's. */
export async function createKeys(): Promise<Keys> {
  const [merchant, wechatpay] = await Promise.all([createTestKeyPair(), createTestKeyPair()]);
  return { merchant, wechatpay };
}

/** Starts the WeChat-like server for these keys; `now` is its clock (default `Date.now`). */
export function startServerFor(keys: Keys, now?: () => number): Promise<WechatServer> {
  return startWechatServer({
    mchid: MCHID,
    merchantSerialNo: MERCHANT_SERIAL_NO,
    merchantPublicKey: keys.merchant.publicKey,
    wechatpayPublicKeyId: WECHATPAY_KEY_ID,
    wechatpayPrivateKey: keys.wechatpay.privateKey,
    ...(now ? { now } : {}),
  });
}

/** The client options a merchant would write, for these keys. */
export function clientCredentials(keys: Keys) {
  return {
    mchid: MCHID,
    merchant: { serialNo: MERCHANT_SERIAL_NO, privateKey: keys.merchant.privateKey },
    wechatpay: { publicKeyId: WECHATPAY_KEY_ID, publicKey: keys.wechatpay.publicKey },
  };
}

const OAEP = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' } as const;

/** RSA-OAEP/SHA-1 with node:crypto, independent of core. */
export function oaepEncrypt(publicKeyPem: string, plaintext: string): string {
  return publicEncrypt({ key: publicKeyPem, ...OAEP }, Buffer.from(plaintext, 'utf8')).toString(
    'base64',
  );
}

export function oaepDecrypt(privateKeyPem: string, ciphertext: string): string {
  return privateDecrypt(
    { key: privateKeyPem, ...OAEP },
    Buffer.from(ciphertext, 'base64'),
  ).toString('utf8');
}

/** Checks a signed answer with node:crypto: `Wechatpay-Signature` over `ts\nnonce\nbody\n`. */
export function answerSignatureValid(
  headers: Headers,
  body: string,
  publicKeyPem: string,
): boolean {
  const [timestamp, nonce, signature] = [
    'Wechatpay-Timestamp',
    'Wechatpay-Nonce',
    'Wechatpay-Signature',
  ].map((name) => headers.get(name) ?? '');
  return createVerify('RSA-SHA256')
    .update(`${timestamp}\n${nonce}\n${body}\n`)
    .verify(publicKeyPem, signature as string, 'base64');
}
