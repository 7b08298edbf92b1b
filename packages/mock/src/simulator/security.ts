import {
  importRsaKey,
  isFreshTimestamp,
  mapPointers,
  oaepDecrypt,
  parseAuthorization,
  requestMessage,
  rsaVerify,
  signedUrl,
  type OperationDescriptor,
} from '@wechatpay-kit/core/internal';
import { SIGN_ERROR_MESSAGES, invalidRequest, paramError, signError } from './errors.js';

export interface SecurityOptions {
  mchid: string;
  merchant: { serialNo: string; publicKey: string };
  wechatpay: { publicKeyId: string; privateKey: string };
  /** Simulator time in milliseconds. */
  now: () => number;
}

/** The checks WeChat Pay makes on a request, and the clock-true signature of its answers. */
export interface SimulatorSecurity {
  /** The `Authorization` header: scheme, mchid, serial_no, timestamp, signature → 401 `SIGN_ERROR`. */
  verifyRequest(request: Request, body: string): Promise<void>;
  /** A sent `Wechatpay-Serial` must name the simulated WeChat Pay key → 400 `INVALID_REQUEST`. */
  checkWechatpaySerial(request: Request): void;
  /** Decrypts the operation's encrypted request fields in place → 400 `PARAM_ERROR` on failure. */
  decryptRequestFields(descriptor: OperationDescriptor, body: unknown): Promise<void>;
}

export function createSecurity(options: SecurityOptions): SimulatorSecurity {
  let verifyKey: Promise<CryptoKey> | undefined;
  let decryptKey: Promise<CryptoKey> | undefined;
  const merchantKey = () =>
    (verifyKey ??= importRsaKey(options.merchant.publicKey, 'verify', 'merchant.publicKey'));
  const wechatpayKey = () =>
    (decryptKey ??= importRsaKey(options.wechatpay.privateKey, 'decrypt', 'wechatpay.privateKey'));

  return {
    async verifyRequest(request, body) {
      const parts = parseAuthorization(request.headers.get('Authorization'));
      if (!parts) {
        throw signError(SIGN_ERROR_MESSAGES.format);
      }
      if (parts.mchid !== options.mchid) {
        throw signError(SIGN_ERROR_MESSAGES.mchid);
      }
      if (parts.serial_no.toUpperCase() !== options.merchant.serialNo.toUpperCase()) {
        throw signError(SIGN_ERROR_MESSAGES.serial);
      }
      if (!isFreshTimestamp(parts.timestamp, options.now())) {
        throw signError(SIGN_ERROR_MESSAGES.timestamp);
      }
      const message = requestMessage({
        method: request.method,
        url: signedUrl(request.url),
        timestamp: parts.timestamp,
        nonce: parts.nonce_str,
        body,
      });
      if (!(await rsaVerify(await merchantKey(), message, parts.signature))) {
        throw signError(SIGN_ERROR_MESSAGES.signature);
      }
    },

    checkWechatpaySerial(request) {
      const serial = request.headers.get('Wechatpay-Serial');
      if (serial !== null && serial !== options.wechatpay.publicKeyId) {
        throw invalidRequest('Wechatpay-Serial 对应的微信支付公钥或平台证书不存在或已过期', {
          field: 'Wechatpay-Serial',
          location: 'header',
          issue: `not the WeChat Pay key id ${options.wechatpay.publicKeyId}`,
          value: serial,
        });
      }
    },

    async decryptRequestFields(descriptor, body) {
      const pointers = descriptor.encryptedFields.request;
      if (pointers.length === 0 || body === null || typeof body !== 'object') {
        return;
      }
      const key = await wechatpayKey();
      await mapPointers(body, pointers, async (value, pointer) => {
        if (typeof value !== 'string') {
          return value;
        }
        try {
          return await oaepDecrypt(key, value);
        } catch {
          throw paramError({
            field: pointer,
            location: 'body',
            issue: '解密失败: not RSA-OAEP ciphertext under the WeChat Pay public key',
            value,
          });
        }
      });
    },
  };
}
