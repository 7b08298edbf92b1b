import { concat } from './bytes.js';

/**
 * Node's own crypto (`node:crypto`, reached through `process.getBuiltinModule`, so core never
 * imports it). Where it exists, every RSA and AES-GCM operation on a key core imported runs here,
 * synchronously, for two reasons:
 *
 * - Speed: WebCrypto hands every call to a thread pool, which costs more than the RSA work of a
 *   request.
 * - Safety: a finished WebCrypto cipher job reads the main thread's OpenSSL error queue and
 *   aborts the process (`CipherJob<…>::ToResult … Assertion failed: errors->Empty()`) when
 *   unrelated code left an error there, and key parsing fails on such an error. Node (20 to 24)
 *   leaves one when a TLS socket is given a session that is not DER, which msw 3 causes: its
 *   socket interceptor emits "mocked session", undici caches it and passes it to the next
 *   `tls.connect` to that origin. Minimal reproduction, no msw needed:
 *
 *       const tls = await import('node:tls');
 *       const { subtle } = globalThis.crypto;
 *       const alg = { name: 'RSA-OAEP', hash: 'SHA-1' };
 *       const rsa = { ...alg, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) };
 *       const pair = await subtle.generateKey(rsa, true, ['encrypt', 'decrypt']);
 *       new tls.TLSSocket(null, { session: Buffer.from('mocked session') }).destroy();
 *       await subtle.encrypt(alg, pair.publicKey, new Uint8Array(8)); // aborts Node
 *
 *   The synchronous calls below do not read that queue when they succeed (key parsing still
 *   does: see `nodeTwin`).
 *
 * Node keys come from the key bytes core imported, never from a CryptoKey: `KeyObject.from()` of
 * a non-extractable CryptoKey is deprecated (DEP0204). Elsewhere (browsers, workers, Deno) this
 * module is inert and WebCrypto is used.
 */

/** A Node `KeyObject`, opaque to core. */
export type NodeKey = { readonly type: string; readonly symmetricKeySize?: number };

interface Hash {
  update(data: string | Uint8Array): Hash;
  sign(key: NodeKey, encoding: 'base64'): string;
  verify(key: NodeKey, signature: string, encoding: 'base64'): boolean;
}

interface Cipher {
  setAAD(data: Uint8Array): Cipher;
  setAuthTag(tag: Uint8Array): Cipher;
  getAuthTag(): Uint8Array;
  update(data: Uint8Array): Uint8Array;
  final(): Uint8Array;
}

type DerKey = { key: Uint8Array; format: 'der'; type: 'pkcs8' | 'spki' };
type OaepKey = { key: NodeKey; padding: number; oaepHash: 'sha1'; encoding?: 'base64' };

interface NodeCryptoModule {
  createPrivateKey(key: DerKey): NodeKey;
  createPublicKey(key: DerKey): NodeKey;
  createSecretKey(key: Uint8Array): NodeKey;
  createSign(algorithm: string): Hash;
  createVerify(algorithm: string): Hash;
  publicEncrypt(key: OaepKey, data: Uint8Array): Uint8Array;
  privateDecrypt(key: OaepKey, data: Uint8Array | string): Uint8Array;
  createCipheriv(algorithm: string, key: NodeKey, iv: Uint8Array): Cipher;
  createDecipheriv(algorithm: string, key: NodeKey, iv: Uint8Array): Cipher;
  constants: { RSA_PKCS1_OAEP_PADDING: number };
}

type GetBuiltinModule = (id: string) => unknown;

let cached: NodeCryptoModule | null | undefined;

function nodeCrypto(): NodeCryptoModule | undefined {
  if (cached === undefined) {
    const getBuiltinModule = (globalThis as { process?: { getBuiltinModule?: GetBuiltinModule } })
      .process?.getBuiltinModule;
    cached = (getBuiltinModule?.('node:crypto') as NodeCryptoModule | undefined) ?? null;
  }
  return cached ?? undefined;
}

const twins = new WeakMap<CryptoKey, { use: KeyUsage; ops: NodeOps }>();

/**
 * Node's twin of key material, on Node only: PKCS#8 or SPKI DER, or the raw bytes of an AES key.
 * Throws what Node throws for bytes it cannot parse. Call it right before WebCrypto's import of
 * the same bytes, with no `await` between: parsing fails on OpenSSL errors that unrelated code
 * left queued (see above) and clears them as it fails, so a second try here tells a bad key from
 * that, and leaves the queue empty for WebCrypto's parser.
 */
export function nodeTwin(
  material: Uint8Array,
  format: 'pkcs8' | 'spki' | 'raw',
): NodeOps | undefined {
  const node = nodeCrypto();
  if (!node) {
    return undefined;
  }
  const parse = () =>
    format === 'raw'
      ? node.createSecretKey(material)
      : format === 'pkcs8'
        ? node.createPrivateKey({ key: material, format: 'der', type: format })
        : node.createPublicKey({ key: material, format: 'der', type: format });
  let key: NodeKey;
  try {
    key = parse();
  } catch {
    key = parse();
  }
  return new NodeOps(node, key);
}

/** Lets `key`, imported for the one `use`, run on its Node twin. */
export function pairNodeKey(key: CryptoKey, use: KeyUsage, twin: NodeOps | undefined): void {
  if (twin) {
    twins.set(key, { use, ops: twin });
  }
}

/**
 * Node's operations on the twin of `key`, for `use`; `undefined` off Node, for keys core did not
 * import and for another use (WebCrypto then refuses it as it should).
 */
export function nodeOps(key: CryptoKey, use: KeyUsage): NodeOps | undefined {
  const twin = twins.get(key);
  return twin?.use === use ? twin.ops : undefined;
}

export class NodeOps {
  constructor(
    private readonly node: NodeCryptoModule,
    private readonly key: NodeKey,
  ) {}

  /** Base64 SHA256withRSA signature of the UTF-8 message. */
  sign(message: string): string {
    return this.node.createSign('RSA-SHA256').update(message).sign(this.key, 'base64');
  }

  /** Checks a base64 signature over the concatenation of `parts`. */
  verify(parts: readonly (string | Uint8Array)[], signature: string): boolean {
    const verifier = this.node.createVerify('RSA-SHA256');
    parts.forEach((part) => verifier.update(part));
    return verifier.verify(this.key, signature, 'base64');
  }

  /** RSA-OAEP with SHA-1 and MGF1-SHA-1. */
  oaepEncrypt(plaintext: Uint8Array): Uint8Array {
    return this.node.publicEncrypt(this.oaep(), plaintext);
  }

  /** Decrypts base64 ciphertext, which Node decodes natively (the caller checked it is strict). */
  oaepDecrypt(ciphertext: string): Uint8Array {
    return this.node.privateDecrypt({ ...this.oaep(), encoding: 'base64' }, ciphertext);
  }

  /** AES-GCM with a 16-byte tag: the ciphertext followed by the tag. */
  gcmEncrypt(iv: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array {
    const cipher = this.node.createCipheriv(this.gcm(), this.key, iv).setAAD(aad);
    return concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  }

  /** Opens the ciphertext followed by its 16-byte tag; throws when authentication fails. */
  gcmDecrypt(iv: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Uint8Array {
    if (sealed.length < 16) {
      throw new RangeError('the AES-GCM input is shorter than its tag');
    }
    const decipher = this.node
      .createDecipheriv(this.gcm(), this.key, iv)
      .setAAD(aad)
      .setAuthTag(sealed.subarray(sealed.length - 16));
    return concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  }

  private oaep(): OaepKey {
    const padding = this.node.constants.RSA_PKCS1_OAEP_PADDING;
    return { key: this.key, padding, oaepHash: 'sha1' };
  }

  private gcm(): string {
    return `aes-${(this.key.symmetricKeySize ?? 32) * 8}-gcm`;
  }
}
