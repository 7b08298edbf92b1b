import { fromBase64, fromUtf8, isBase64, toBase64, utf8 } from './base64.js';
import { nodeRsa } from './node-crypto.js';

/** SHA256withRSA (RSASSA-PKCS1-v1_5) signature of a UTF-8 message, base64. */
export async function rsaSign(key: CryptoKey, message: string): Promise<string> {
  const node = nodeRsa();
  if (node) {
    return node.sign(message, key);
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
    const node = nodeRsa();
    if (node) {
      return node.verify(parts, key, signature);
    }
    const bytes = fromBase64(signature) as Uint8Array<ArrayBuffer>;
    return await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, bytes, concat(parts));
  } catch {
    return false;
  }
}

function concat(parts: readonly (string | Uint8Array)[]): Uint8Array<ArrayBuffer> {
  const bytes = parts.map((part) => (typeof part === 'string' ? utf8(part) : part));
  const out = new Uint8Array(bytes.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of bytes) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Most plaintext bytes RSA-OAEP/SHA-1 can take with a key of `modulusBits`: k − 2·20 − 2. */
export function oaepMaxPlaintext(modulusBits: number): number {
  return modulusBits / 8 - 42;
}

/** RSA-OAEP (SHA-1, MGF1-SHA-1) encryption of a UTF-8 string, base64. */
export async function oaepEncrypt(key: CryptoKey, plaintext: string): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.encrypt('RSA-OAEP', key, utf8(plaintext))));
}

/** RSA-OAEP (SHA-1) decryption of base64 ciphertext to a UTF-8 string. */
export async function oaepDecrypt(key: CryptoKey, ciphertext: string): Promise<string> {
  const bytes = fromBase64(ciphertext) as Uint8Array<ArrayBuffer>;
  const node = nodeRsa();
  if (node) {
    return fromUtf8(node.decrypt(bytes, key));
  }
  return fromUtf8(new Uint8Array(await crypto.subtle.decrypt('RSA-OAEP', key, bytes)));
}
