/**
 * Node's synchronous RSA, when the runtime offers it without an import: WebCrypto's async
 * sign/verify/decrypt hand every call to a thread pool, which costs more than the RSA work of a
 * request. Elsewhere (browsers, workers, Deno) this is `undefined` and WebCrypto is used.
 */
export interface NodeRsa {
  /** Base64 SHA256withRSA signature of the UTF-8 message. */
  sign(message: string, key: CryptoKey): string;
  /** Checks a base64 signature over the concatenation of `parts`. */
  verify(parts: readonly (string | Uint8Array)[], key: CryptoKey, signature: string): boolean;
  /** RSA-OAEP decryption with the key's hash (SHA-1 for WeChat Pay); throws on bad ciphertext. */
  decrypt(ciphertext: Uint8Array, key: CryptoKey): Uint8Array;
}

interface Hash {
  update(data: string | Uint8Array): Hash;
  sign(key: unknown, encoding: 'base64'): string;
  verify(key: unknown, signature: string, encoding: 'base64'): boolean;
}

interface NodeCryptoModule {
  KeyObject: { from(key: CryptoKey): unknown };
  createSign(algorithm: string): Hash;
  createVerify(algorithm: string): Hash;
  privateDecrypt(
    key: { key: unknown; padding: number; oaepHash: string },
    data: Uint8Array,
  ): Uint8Array;
  constants: { RSA_PKCS1_OAEP_PADDING: number };
}

type GetBuiltinModule = (id: string) => unknown;

let cached: NodeRsa | null | undefined;

export function nodeRsa(): NodeRsa | undefined {
  if (cached === undefined) {
    const getBuiltinModule = (globalThis as { process?: { getBuiltinModule?: GetBuiltinModule } })
      .process?.getBuiltinModule;
    const module = getBuiltinModule?.('node:crypto') as NodeCryptoModule | undefined;
    cached = module ? bind(module) : null;
  }
  return cached ?? undefined;
}

function bind(module: NodeCryptoModule): NodeRsa {
  const keyObjects = new WeakMap<CryptoKey, unknown>();
  const keyObject = (key: CryptoKey) => {
    let found = keyObjects.get(key);
    if (found === undefined) {
      found = module.KeyObject.from(key);
      keyObjects.set(key, found);
    }
    return found;
  };
  return {
    sign: (message, key) =>
      module.createSign('RSA-SHA256').update(message).sign(keyObject(key), 'base64'),
    verify: (parts, key, signature) => {
      const verifier = module.createVerify('RSA-SHA256');
      parts.forEach((part) => verifier.update(part));
      return verifier.verify(keyObject(key), signature, 'base64');
    },
    decrypt: (ciphertext, key) =>
      module.privateDecrypt(
        {
          key: keyObject(key),
          padding: module.constants.RSA_PKCS1_OAEP_PADDING,
          // The key's own hash, as WebCrypto would use: "SHA-1" → "sha1".
          oaepHash: (key.algorithm as RsaHashedKeyAlgorithm).hash.name.replace('-', ''),
        },
        ciphertext,
      ),
  };
}
