/**
 * What applications use: the client options, the errors, and the callback helpers. The
 * generated clients (`@wechatpay-kit/inspolicymgr`, …) re-export what their users need.
 * @packageDocumentation
 */
export { type WechatpayClientOptions } from './client/wechatpay-client.js';
export type { KeyInput, KeyObjectLike } from './crypto/keys.js';
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
  type NotificationEnvelope,
  type NotificationEvent,
  type NotificationInput,
  type NotificationOptions,
  type NotificationReply,
} from './notification/parse.js';
export {
  toApiError,
  type ApiErrorCode,
  WechatpayApiError,
  type WechatpayErrorBody,
  type WechatpayErrorCode,
  type WechatpayErrorDetail,
} from './protocol/api-error.js';
export type { MerchantOptions, WechatpayKeysOptions } from './protocol/credentials.js';
export type { HeaderRecord } from './transport/headers.js';
export { BACKUP_BASE_URL, DEFAULT_BASE_URL } from './transport/hosts.js';
export type { RetryOptions } from './transport/retry.js';
