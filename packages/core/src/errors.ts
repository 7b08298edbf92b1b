/**
 * Every error the client raises. None of them holds a key, the APIv3 key or an
 * Authorization header: only what a caller needs to act and to quote to support.
 */
export class WechatpayError extends Error {
  override name = 'WechatpayError';
}

/** The options cannot work; `field` names the option to fix. Thrown when the client is created. */
export class WechatpayConfigError extends WechatpayError {
  override name = 'WechatpayConfigError';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** No response arrived (DNS, refused or reset connection) after every attempt. */
export class WechatpayNetworkError extends WechatpayError {
  override name = 'WechatpayNetworkError';

  constructor(
    readonly method: string,
    readonly url: string,
    readonly attempts: number,
    options?: ErrorOptions,
  ) {
    super(
      `${method} ${url} failed after ${attempts} attempt(s): no response from WeChat Pay`,
      options,
    );
  }
}

/** The per-request timeout (`timeoutMs`) passed before a response arrived. */
export class WechatpayTimeoutError extends WechatpayError {
  override name = 'WechatpayTimeoutError';

  constructor(
    readonly method: string,
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`${method} ${url} timed out after ${timeoutMs} ms`);
  }
}

/** Why a response or callback failed verification. */
export type VerificationFailure =
  'missing-header' | 'unknown-serial' | 'stale-timestamp' | 'probe-signature' | 'bad-signature';

/** A 2xx response or a callback that is not provably from WeChat Pay; its body was not used. */
export class WechatpayVerificationError extends WechatpayError {
  override name = 'WechatpayVerificationError';

  constructor(
    readonly reason: VerificationFailure,
    message: string,
    readonly requestId?: string,
  ) {
    super(`Signature verification failed (${reason}): ${message}`);
  }
}

/** A ciphertext (sensitive field or callback resource) could not be decrypted. */
export class WechatpayDecryptionError extends WechatpayError {
  override name = 'WechatpayDecryptionError';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`Cannot decrypt ${field}: ${message}`);
  }
}

/** A sensitive request field cannot be encrypted as given. */
export class WechatpayEncryptionError extends WechatpayError {
  override name = 'WechatpayEncryptionError';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`Cannot encrypt ${field}: ${message}`);
  }
}

/**
 * The answer's body was larger than `maxResponseBytes`: reading stopped at the limit and the
 * connection was dropped, so memory stays bounded. Not retried: it would be as large again.
 */
export class WechatpayResponseTooLargeError extends WechatpayError {
  override name = 'WechatpayResponseTooLargeError';

  constructor(
    readonly method: string,
    readonly url: string,
    readonly maxResponseBytes: number,
  ) {
    super(
      `${method} ${url}: the answer is larger than maxResponseBytes (${maxResponseBytes} bytes); ` +
        'raise maxResponseBytes in the client options if such answers are expected',
    );
  }
}
