import { fromBase64, fromUtf8, isBase64, toBase64, utf8 } from './base64.js';
import { concat } from './bytes.js';
import { nodeOps } from './node-crypto.js';

/** SHA256withRSA (RSASSA-PKCS1-v1_5) signature of a UTF-8 message, base64. */
export async function rsaSign(key: CryptoKey, message: string): Promise<string> {
  const node = nodeOps(key, 'sign');
  if (node) {
    return node.sign(message);
  }
  return toBase64(
    new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, utf8(message))),
  );
}

/**
 * Checks a base64 SHA256withRSA signature over a message given in parts (strings as UTF-8,
 * bytes as they are). Malformed input is a failed check, never a throw.
 */
export async function rsaVerify(
  key: CryptoKey,
  message: string | Uint8Array | readonly (string | Uint8Array)[],
  signature: string,
): Promise<boolean> {
  const parts = typeof message === 'string' || message instanceof Uint8Array ? [message] : message;
  if (!isBase64(signature)) {
    return false; // Node's decoder would skip junk, e.g. accept "validSignature, junk"
  }
  try {
    const node = nodeOps(key, 'verify');
    if (node) {
      return node.verify(parts, signature);
    }
    const bytes = fromBase64(signature) as Uint8Array<ArrayBuffer>;
    return await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, bytes, concat(parts));
  } catch {
    return false;
  }
}

/** Most plaintext bytes RSA-OAEP/SHA-1 can take with a key of `modulusBits`: k − 2·20 − 2. */
export function oaepMaxPlaintext(modulusBits: number): number {
  return modulusBits / 8 - 42;
}

/** RSA-OAEP (SHA-1, MGF1-SHA-1) encryption of a UTF-8 string, base64. */
export async function oaepEncrypt(key: CryptoKey, plaintext: string): Promise<string> {
  const node = nodeOps(key, 'encrypt');
  const bytes = utf8(plaintext);
  return toBase64(
    node
      ? node.oaepEncrypt(bytes)
      : new Uint8Array(await crypto.subtle.encrypt('RSA-OAEP', key, bytes)),
  );
}

/** RSA-OAEP (SHA-1) decryption of base64 ciphertext to a UTF-8 string. */
export async function oaepDecrypt(key: CryptoKey, ciphertext: string): Promise<string> {
  const node = nodeOps(key, 'decrypt');
  if (node) {
    if (!isBase64(ciphertext)) {
      throw new TypeError('not valid base64');
    }
    return fromUtf8(node.oaepDecrypt(ciphertext));
  }
  const bytes = fromBase64(ciphertext) as Uint8Array<ArrayBuffer>;
  return fromUtf8(new Uint8Array(await crypto.subtle.decrypt('RSA-OAEP', key, bytes)));
}
