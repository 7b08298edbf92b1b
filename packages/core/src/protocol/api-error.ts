import { WechatpayError } from '../errors.js';

/** Error codes the APIv3 documents; `code` stays open because each API adds its own. */
export type WechatpayErrorCode =
  | 'PARAM_ERROR'
  | 'INVALID_REQUEST'
  | 'SIGN_ERROR'
  | 'NO_AUTH'
  | 'RESOURCE_NOT_EXISTS'
  | 'RATELIMIT_EXCEEDED'
  | 'FREQUENCY_LIMITED'
  | 'SYSTEM_ERROR'
  | 'SERVICE_UNAVAILABLE'
  | (string & {});

export interface WechatpayErrorDetail {
  /** JSON pointer of the body field, or the name of the path/query parameter. */
  field?: string;
  value?: unknown;
  issue?: string;
  location?: string;
}

/** The JSON body of every APIv3 4xx/5xx answer; a generated client narrows `code` to its spec's codes. */
export interface WechatpayErrorBody<TCode extends string = WechatpayErrorCode> {
  code: TCode;
  message: string;
  detail?: WechatpayErrorDetail;
}

/** A WeChat Pay error answer as a value: what it said, its HTTP status and its `Request-ID`. */
export class WechatpayApiError<TCode extends string = WechatpayErrorCode> extends WechatpayError {
  override name = 'WechatpayApiError';
  readonly code: TCode;
  readonly detail: WechatpayErrorDetail | undefined;

  constructor(
    readonly status: number,
    body: WechatpayErrorBody<TCode>,
    readonly requestId: string | undefined,
  ) {
    super(
      `${status} ${body.code}: ${body.message}${requestId ? ` (Request-ID ${requestId})` : ''}`,
    );
    this.code = body.code;
    this.detail = body.detail;
  }
}

/**
 * The codes `toApiError` may report for an error body type: the string members of its `code`
 * type, plus any other string, since a body that is not JSON gets `HTTP_<status>`.
 */
export type ApiErrorCode<TError> = TError extends { code: infer C }
  ? Extract<C, string> | (string & {})
  : WechatpayErrorCode;

/**
 * Turns an openapi-fetch result into a `WechatpayApiError` when it holds an error answer (any
 * non-2xx status, even with an empty body), typed with the codes the spec documents.
 * @example
 * const result = await client.queryPolicy({ params: { path: { out_insurance_no } } });
 * const failure = toApiError(result);
 * if (failure?.code === 'RESOURCE_NOT_EXISTS') { … }
 * if (result.error) toApiError(result).code; // a result known to hold an error gives no undefined
 */
export function toApiError<TError extends {}>(result: {
  error: TError;
  response: Response;
}): WechatpayApiError<ApiErrorCode<TError>>;
export function toApiError<TError>(result: {
  error?: TError | undefined;
  response: Response;
}): WechatpayApiError<ApiErrorCode<TError>> | undefined;
export function toApiError(result: {
  error?: unknown;
  response: Response;
}): WechatpayApiError<string> | undefined {
  const { error, response } = result;
  // openapi-fetch sets `error` only for non-2xx answers, and leaves it undefined for an empty body.
  if (response.ok && error === undefined) {
    return undefined;
  }
  const body: WechatpayErrorBody<string> = isErrorBody(error)
    ? error
    : {
        code: `HTTP_${response.status}`,
        message: typeof error === 'string' && error !== '' ? error : response.statusText,
      };
  return new WechatpayApiError(
    response.status,
    body,
    response.headers.get('Request-ID') ?? undefined,
  );
}

function isErrorBody(value: unknown): value is WechatpayErrorBody<string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** The body of an APIv3 error answer, as servers (and simulators) send it: `detail` only when set. */
export function errorBody(
  code: WechatpayErrorCode,
  message: string,
  detail?: WechatpayErrorDetail,
): WechatpayErrorBody {
  return detail === undefined ? { code, message } : { code, message, detail };
}
