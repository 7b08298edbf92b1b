export { toApiError, WechatpayApiError } from './api-error.js';
export type { WechatpayErrorBody, WechatpayErrorCode, WechatpayErrorDetail } from './api-error.js';
export {
  BACKUP_BASE_URL,
  DEFAULT_BASE_URL,
  bindOperations,
  createApiClient,
  type ApiClientOptions,
} from './client.js';
export { aesGcmDecrypt, aesGcmEncrypt, type AesGcmParts } from './crypto/aes-gcm.js';
export { importRsaKey, type KeyInput, type KeyObjectLike } from './crypto/keys.js';
export { oaepDecrypt, oaepEncrypt, rsaSign, rsaVerify } from './crypto/rsa.js';
export {
  WechatpayConfigError,
  WechatpayDecryptionError,
  WechatpayEncryptionError,
  WechatpayError,
  WechatpayNetworkError,
  WechatpayResponseTooLargeError,
  WechatpayTimeoutError,
  WechatpayVerificationError,
  type VerificationFailure,
} from './errors.js';
export {
  notificationFailure,
  notificationSuccess,
  parseNotification,
  toResponse,
  type NotificationEvent,
  type NotificationInput,
  type NotificationOptions,
  type NotificationReply,
} from './notification/parse.js';
export type {
  HttpMethod,
  OperationDescriptor,
  OperationMethod,
  WebhookDescriptor,
} from './operation.js';
export {
  AUTHORIZATION_SCHEME,
  formatAuthorization,
  parseAuthorization,
  type AuthorizationParts,
} from './protocol/authorization.js';
export {
  merchantKeys,
  wechatpayKeys,
  type MerchantKeys,
  type MerchantOptions,
  type WechatpayKeys,
  type WechatpayKeysOptions,
} from './protocol/credentials.js';
export { fieldCryptoMiddleware, type FieldCryptoOptions } from './protocol/field-crypto.js';
export { mapPointers } from './protocol/fields.js';
export { requestMessage, responseMessage, signedUrl } from './protocol/messages.js';
export { createNonce } from './protocol/nonce.js';
export { authorizationFor, type SignOptions } from './protocol/sign.js';
export {
  MAX_CLOCK_SKEW_SECONDS,
  PROBE_SIGNATURE_PREFIX,
  SIGNATURE_HEADERS,
  verifyResponse,
  verifySignature,
  type VerifyOptions,
} from './protocol/verify.js';
export type { RetryOptions } from './transport/retry.js';
export { createWechatpayFetch, type WechatpayFetchOptions } from './transport/wechatpay-fetch.js';
export {
  createWechatpayClient,
  type ClientDefinition,
  type WechatpayClientOptions,
} from './wechatpay-client.js';
export { CORE_VERSION } from './version.js';
