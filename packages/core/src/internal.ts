/**
 * What the generated packages and the mock package of wechatpay-kit build on: the client
 * factory and its operation tables, and the protocol pieces a simulated WeChat Pay needs.
 * Not for applications, and not covered by semver: it changes with the packages that use it.
 * @packageDocumentation
 */
export type { OperationMethod, PathsForFetch } from './client/openapi-client.js';
export {
  createWechatpayClient,
  type ClientDefinition,
  type WechatpayClientOptions,
} from './client/wechatpay-client.js';
export { importRsaKey, type KeyInput, type KeyObjectLike, type RsaUse } from './crypto/keys.js';
export { oaepDecrypt, oaepEncrypt, rsaSign, rsaVerify } from './crypto/rsa.js';
export {
  errorBody,
  type WechatpayErrorBody,
  type WechatpayErrorCode,
  type WechatpayErrorDetail,
} from './protocol/api-error.js';
export { parseAuthorization, type AuthorizationParts } from './protocol/authorization.js';
export { MAX_CLOCK_SKEW_SECONDS, isFreshTimestamp } from './protocol/clock.js';
export {
  merchantKeys,
  type MerchantKeys,
  type MerchantOptions,
  type WechatpayKeysOptions,
} from './protocol/credentials.js';
export { mapPointers } from './protocol/fields.js';
export { escapeToken, joinPointer, pointerTokens, unescapeToken } from './protocol/json-pointer.js';
export { requestMessage, signedUrl } from './protocol/messages.js';
export type { HttpMethod, OperationDescriptor, WebhookDescriptor } from './protocol/operation.js';
export { createRequestId } from './protocol/request-id.js';
export { authorizationFor, type SignOptions } from './protocol/sign.js';
export { PROBE_SIGNATURE_PREFIX } from './protocol/verify.js';
export { toHeaders, type HeaderRecord } from './transport/headers.js';
export type { RetryOptions } from './transport/retry.js';
