import { importRsaKey, type KeyInput, type RsaUse } from '../crypto/keys.js';
import { oaepDecrypt, oaepEncrypt, rsaSign, rsaVerify } from '../crypto/rsa.js';
import { WechatpayConfigError } from '../errors.js';

/** The merchant's API certificate key pair, as configured. */
export interface MerchantOptions {
  /** Serial number of the merchant API certificate, e.g. `1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C`. */
  serialNo: string;
  /** The merchant API private key: PKCS#8 PEM, `KeyObject` or `CryptoKey`. */
  privateKey: KeyInput;
}

/**
 * WeChat Pay's keys: the public key (`PUB_KEY_ID_…`) and/or platform certificates by serial.
 * Give both during a migration from certificates to the public key.
 */
export interface WechatpayKeysOptions {
  publicKeyId?: string;
  publicKey?: KeyInput;
  /** Platform certificates (PEM) or public keys, by serial number. */
  certificates?: Readonly<Record<string, KeyInput>>;
}

/**
 * Starts importing a key for one use at once and keeps it: keys are never imported per request.
 * A failure surfaces, as a `WechatpayConfigError`, on the first call that needs the key.
 */
function lazyKey(input: KeyInput, use: RsaUse, field: string): () => Promise<CryptoKey> {
  const key = importRsaKey(input, use, field);
  key.catch(() => undefined); // handled by whoever awaits it
  return () => key;
}

export interface MerchantKeys {
  readonly serialNo: string;
  sign(message: string): Promise<string>;
  decrypt(ciphertext: string): Promise<string>;
}

export function merchantKeys(options: MerchantOptions | undefined): MerchantKeys {
  if (!options?.serialNo?.trim()) {
    throw new WechatpayConfigError(
      'merchant.serialNo',
      'give the serial number of your merchant API certificate',
    );
  }
  if (!options.privateKey) {
    throw new WechatpayConfigError(
      'merchant.privateKey',
      'give your merchant API private key (PKCS#8 PEM, KeyObject or CryptoKey)',
    );
  }
  const signKey = lazyKey(options.privateKey, 'sign', 'merchant.privateKey');
  const decryptKey = lazyKey(options.privateKey, 'decrypt', 'merchant.privateKey');
  return {
    serialNo: options.serialNo,
    sign: async (message) => rsaSign(await signKey(), message),
    decrypt: async (ciphertext) => oaepDecrypt(await decryptKey(), ciphertext),
  };
}

export interface WechatpayKeys {
  /** Every serial or key id a response or callback may be signed with. */
  readonly serials: readonly string[];
  /** The key id sensitive fields are encrypted with, sent as `Wechatpay-Serial`. */
  readonly encryptionSerial: string;
  /** `undefined` when `serial` is not configured. */
  verify(
    serial: string,
    message: string | Uint8Array | readonly (string | Uint8Array)[],
    signature: string,
  ): Promise<boolean | undefined>;
  encrypt(plaintext: string): Promise<string>;
  /** Size of the encryption key's modulus, which bounds OAEP plaintext. */
  encryptionModulusBits(): Promise<number>;
}

export function wechatpayKeys(options: WechatpayKeysOptions | undefined): WechatpayKeys {
  const inputs = keyInputs(options);
  const verifiers = new Map(
    [...inputs].map(
      ([serial, input]) => [serial, lazyKey(input.key, 'verify', input.field)] as const,
    ),
  );
  // Public-key mode is preferred for encryption; otherwise the first certificate.
  const [encryptionSerial, encryptionInput] = [...inputs][0] as [
    string,
    { key: KeyInput; field: string },
  ];
  const encryptKey = lazyKey(encryptionInput.key, 'encrypt', encryptionInput.field);
  return {
    serials: [...inputs.keys()],
    encryptionSerial,
    verify: async (serial, message, signature) => {
      const key = verifiers.get(serial);
      return key ? rsaVerify(await key(), message, signature) : undefined;
    },
    encrypt: async (plaintext) => oaepEncrypt(await encryptKey(), plaintext),
    encryptionModulusBits: async () =>
      ((await encryptKey()).algorithm as RsaHashedKeyAlgorithm).modulusLength,
  };
}

function keyInputs(
  options: WechatpayKeysOptions | undefined,
): Map<string, { key: KeyInput; field: string }> {
  const inputs = new Map<string, { key: KeyInput; field: string }>();
  if (options?.publicKey !== undefined || options?.publicKeyId !== undefined) {
    if (!options.publicKeyId?.startsWith('PUB_KEY_ID_') || !options.publicKey) {
      throw new WechatpayConfigError(
        'wechatpay.publicKeyId',
        'public-key mode needs both publicKeyId ("PUB_KEY_ID_…" from the merchant portal) and publicKey',
      );
    }
    inputs.set(options.publicKeyId, { key: options.publicKey, field: 'wechatpay.publicKey' });
  }
  for (const [serial, key] of Object.entries(options?.certificates ?? {})) {
    inputs.set(serial, { key, field: `wechatpay.certificates["${serial}"]` });
  }
  if (inputs.size === 0) {
    throw new WechatpayConfigError(
      'wechatpay',
      'give { publicKeyId, publicKey } (WeChat Pay public key) or { certificates: { [serialNo]: pem } }',
    );
  }
  return inputs;
}
