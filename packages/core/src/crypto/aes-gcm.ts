import { WechatpayConfigError } from '../errors.js';
import { fromBase64, fromUtf8, toBase64, utf8 } from './base64.js';
import { nodeOps, nodeTwin, pairNodeKey } from './node-crypto.js';

/** The `resource` of a callback (or any AEAD_AES_256_GCM object WeChat Pay sends). */
export interface AesGcmParts {
  /** base64 of ciphertext followed by the 16-byte tag. */
  ciphertext: string;
  nonce: string;
  associatedData?: string | undefined;
}

async function importAesKey(apiV3Key: string, use: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  const raw = utf8(apiV3Key);
  if (![16, 24, 32].includes(raw.length)) {
    throw new WechatpayConfigError(
      'apiV3Key',
      'must be the 32-character APIv3 key set in the merchant portal',
    );
  }
  const twin = nodeTwin(raw, 'raw');
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, [use]);
  pairNodeKey(key, use, twin);
  return key;
}

/** AEAD_AES_256_GCM decryption with the APIv3 key (its UTF-8 bytes are the AES key). */
export async function aesGcmDecrypt(
  apiV3Key: string | CryptoKey,
  parts: AesGcmParts,
): Promise<string> {
  const key = typeof apiV3Key === 'string' ? await importAesKey(apiV3Key, 'decrypt') : apiV3Key;
  const iv = utf8(parts.nonce);
  const additionalData = utf8(parts.associatedData ?? '');
  const sealed = fromBase64(parts.ciphertext) as Uint8Array<ArrayBuffer>;
  const node = nodeOps(key, 'decrypt');
  return fromUtf8(
    node
      ? node.gcmDecrypt(iv, additionalData, sealed)
      : new Uint8Array(
          await crypto.subtle.decrypt(
            { name: 'AES-GCM', iv, additionalData, tagLength: 128 },
            key,
            sealed,
          ),
        ),
  );
}

/** AEAD_AES_256_GCM encryption, as WeChat Pay does for callbacks (used by simulators and tests). */
export async function aesGcmEncrypt(
  apiV3Key: string | CryptoKey,
  plaintext: string,
  { nonce, associatedData = '' }: { nonce: string; associatedData?: string },
): Promise<string> {
  const key = typeof apiV3Key === 'string' ? await importAesKey(apiV3Key, 'encrypt') : apiV3Key;
  const iv = utf8(nonce);
  const additionalData = utf8(associatedData);
  const node = nodeOps(key, 'encrypt');
  return toBase64(
    node
      ? node.gcmEncrypt(iv, additionalData, utf8(plaintext))
      : new Uint8Array(
          await crypto.subtle.encrypt(
            { name: 'AES-GCM', iv, additionalData, tagLength: 128 },
            key,
            utf8(plaintext),
          ),
        ),
  );
}

export { importAesKey };
