import { WechatpayConfigError } from '../errors.js';
import { fromBase64 } from './base64.js';
import { spkiFromCertificate } from './der.js';
import { nodeTwin, pairNodeKey } from './node-crypto.js';

/** A Node `KeyObject`, recognised by shape so core never imports `node:crypto`. */
export interface KeyObjectLike {
  readonly type: 'private' | 'public' | 'secret';
  export(options: { format: 'der'; type: 'pkcs8' | 'spki' }): Uint8Array;
}

/** A key as callers hold it: PEM text, a WebCrypto `CryptoKey` or a Node `KeyObject`. */
export type KeyInput = string | CryptoKey | KeyObjectLike;

export type RsaUse = 'sign' | 'verify' | 'encrypt' | 'decrypt';

const ALGORITHMS: Record<RsaUse, RsaHashedImportParams> = {
  sign: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  verify: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  // WeChat Pay's OAEP uses SHA-1 for both the hash and MGF1.
  encrypt: { name: 'RSA-OAEP', hash: 'SHA-1' },
  decrypt: { name: 'RSA-OAEP', hash: 'SHA-1' },
};

const PEM = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

/**
 * Imports an RSA key for one use. Private keys: PKCS#8 PEM (`BEGIN PRIVATE KEY`).
 * Public keys: SPKI PEM (`BEGIN PUBLIC KEY`) or an X.509 certificate PEM. The error names
 * `field` and never repeats key material. The key returned is not extractable; on Node it has a
 * twin in `node:crypto` made from the same bytes (see `node-crypto.ts`).
 */
export async function importRsaKey(
  input: KeyInput,
  use: RsaUse,
  field: string,
): Promise<CryptoKey> {
  const isPrivate = use === 'sign' || use === 'decrypt';
  if (isCryptoKey(input)) {
    return adaptCryptoKey(input, use, field);
  }
  const der =
    typeof input === 'string'
      ? pemToDer(input, isPrivate, field)
      : exportKeyObject(input, isPrivate, field);
  return importDer(der, use, field);
}

async function importDer(
  der: Uint8Array<ArrayBuffer>,
  use: RsaUse,
  field: string,
): Promise<CryptoKey> {
  const format = use === 'sign' || use === 'decrypt' ? 'pkcs8' : 'spki';
  try {
    const twin = nodeTwin(der, format); // first: see nodeTwin
    const key = await crypto.subtle.importKey(format, der, ALGORITHMS[use], false, [use]);
    pairNodeKey(key, use, twin);
    return key;
  } catch {
    throw new WechatpayConfigError(
      field,
      `could not import the RSA key; ${format === 'pkcs8' ? 'expected a PKCS#8 private key' : 'expected an RSA public key'}`,
    );
  }
}

function isCryptoKey(input: KeyInput): input is CryptoKey {
  return typeof CryptoKey !== 'undefined' && input instanceof CryptoKey;
}

/**
 * An extractable key is imported afresh from its bytes, non-extractable and for `use`. A
 * non-extractable one is kept as it is when it already fits `use`, and stays on WebCrypto.
 */
async function adaptCryptoKey(key: CryptoKey, use: RsaUse, field: string): Promise<CryptoKey> {
  if (key.extractable) {
    const format = key.type === 'private' ? 'pkcs8' : 'spki';
    return importDer(new Uint8Array(await crypto.subtle.exportKey(format, key)), use, field);
  }
  const wanted = ALGORITHMS[use];
  const algorithm = key.algorithm as RsaHashedKeyAlgorithm;
  if (
    algorithm.name === wanted.name &&
    algorithm.hash?.name === wanted.hash &&
    key.usages.includes(use)
  ) {
    return key;
  }
  throw new WechatpayConfigError(
    field,
    `this CryptoKey is ${algorithm.name} and not extractable, but ${use} needs ${wanted.name}/${String(wanted.hash)}; pass a PEM string or an extractable key`,
  );
}

function pemToDer(pem: string, isPrivate: boolean, field: string): Uint8Array<ArrayBuffer> {
  const match = PEM.exec(pem);
  const label = match?.[1];
  const body = (match?.[2] ?? '').replace(/\s+/g, '');
  if (isPrivate && label === 'PRIVATE KEY') {
    return decodePem(body, field);
  }
  if (!isPrivate && label === 'PUBLIC KEY') {
    return decodePem(body, field);
  }
  if (!isPrivate && label === 'CERTIFICATE') {
    try {
      return spkiFromCertificate(decodePem(body, field));
    } catch (error) {
      if (error instanceof WechatpayConfigError) {
        throw error;
      }
      throw new WechatpayConfigError(
        field,
        'the certificate cannot be read; give the PEM of an X.509 certificate',
      );
    }
  }
  const want = isPrivate
    ? 'a PKCS#8 "BEGIN PRIVATE KEY" PEM (convert PKCS#1 keys with `openssl pkcs8 -topk8 -nocrypt`)'
    : 'a "BEGIN PUBLIC KEY" or "BEGIN CERTIFICATE" PEM';
  throw new WechatpayConfigError(field, `expected ${want}${label ? `, got "BEGIN ${label}"` : ''}`);
}

function decodePem(body: string, field: string): Uint8Array<ArrayBuffer> {
  try {
    return fromBase64(body) as Uint8Array<ArrayBuffer>;
  } catch {
    throw new WechatpayConfigError(field, `the PEM body is not valid base64`);
  }
}

function exportKeyObject(
  key: KeyObjectLike,
  isPrivate: boolean,
  field: string,
): Uint8Array<ArrayBuffer> {
  if (key.type !== (isPrivate ? 'private' : 'public')) {
    throw new WechatpayConfigError(
      field,
      `expected a ${isPrivate ? 'private' : 'public'} KeyObject, got a ${key.type} one`,
    );
  }
  return new Uint8Array(key.export({ format: 'der', type: isPrivate ? 'pkcs8' : 'spki' }));
}
