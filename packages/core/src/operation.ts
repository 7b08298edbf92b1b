import type { ClientForPath } from 'openapi-fetch';

/** HTTP methods the WeChat Pay APIv3 operations use, as openapi-fetch names them. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What the generated operation table records for one operation: everything the protocol
 * middleware needs to sign, encrypt and decrypt a call without reading the spec.
 */
export interface OperationDescriptor {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Path template as in the spec, e.g. `/v3/inspolicymgr/deduct/policies/{out_insurance_no}`. */
  readonly path: string;
  /** The one documented 2xx status. */
  readonly successStatus: number;
  /** Request headers the spec marks required (beyond Authorization/Accept/Content-Type). */
  readonly requiredHeaders: readonly string[];
  /**
   * JSON pointers of `x-wechatpay-encrypted` fields; `*` stands for every array element.
   * Request fields are encrypted with the WeChat Pay public key, response fields are
   * decrypted with the merchant private key.
   */
  readonly encryptedFields: {
    readonly request: readonly string[];
    readonly response: readonly string[];
  };
}

/** What the generated table records for one callback (webhook) event type. */
export interface WebhookDescriptor {
  readonly eventType: string;
  readonly operationId: string;
  /** Name of the component schema that describes the decrypted `resource`. */
  readonly resourceSchema: string;
}

/**
 * The typed method the generated client has for one operation: openapi-fetch's call for that
 * path and method, so it takes the usual `{ params, body, ... }` and resolves to
 * `{ data, error, response }`; `error` is the spec's error body as declared.
 */
export type OperationMethod<
  TPathItem extends Record<string | number, any>,
  TMethod extends keyof ClientForPath<TPathItem, JsonMediaType>,
> = ClientForPath<TPathItem, JsonMediaType>[TMethod] extends (
  ...init: infer TInit
) => Promise<infer TResult>
  ? (
      ...init: TInit
    ) => Promise<WithDeclaredError<TResult, ErrorBody<TPathItem[Lowercase<TMethod & string>]>>>
  : never;

type JsonMediaType = `${string}/${string}`;

// openapi-fetch 0.17 passes `error` through its `Readable` type, which turns an open string
// union (`'PARAM_ERROR' | (string & {})`) into an object type (openapi-ts/openapi-typescript#2765).
// The spec marks nothing readOnly, so the declared error body is the same type, intact.
type WithDeclaredError<TResult, TError> = TResult extends { error?: never }
  ? TResult
  : Omit<TResult, 'error'> & { error: TError };

/**
 * `TPaths` with each open string union (`'PARAM_ERROR' | (string & {})`) as plain `string`: the
 * paths type for openapi-fetch's path-based methods, whose `Readable` would turn `string & {}`
 * into an object type. The per-operation methods keep the unions.
 */
export type PathsForFetch<T> = T extends string
  ? string extends T
    ? string
    : T
  : T extends object
    ? { [K in keyof T]: PathsForFetch<T[K]> }
    : T;

/** The JSON bodies of an operation's 4xx, 5xx and `default` responses, as openapi-fetch counts them. */
type ErrorBody<TOperation> = TOperation extends { responses: infer TResponses }
  ? {
      [S in keyof TResponses]: `${S & (string | number)}` extends `${4 | 5}${string}` | 'default'
        ? TResponses[S] extends { content: { 'application/json': infer TBody } }
          ? TBody
          : never
        : never;
    }[keyof TResponses]
  : never;
