import type { OperationDescriptor } from '@wechatpay-kit/core/internal';
import type { HttpHandler, HttpResponseResolver, PathParams } from 'msw';
import type { FactoryOptions, HandlerOptions } from './options.js';
import type { ErrorCode, ErrorDetail, ErrorStatus, OperationAnswer, SuccessBody } from './types.js';
import { METHODS, handlerUrl } from './url.js';
import { wechatpayResponse, type Reply } from './wechatpay-response.js';

export type { HandlerOptions } from './options.js';

/** The path parameters of an operation as MSW passes them (strings). */
export type PathParamsOf<Op> = Op extends { parameters: { path: infer P } }
  ? P extends Record<string, unknown>
    ? { [K in keyof P]: string }
    : PathParams
  : PathParams;

/** What MSW hands a resolver: `request`, `params`, `cookies`, `requestId`. */
export type ResolverInfo<Op> = Parameters<HttpResponseResolver<PathParamsOf<Op>>>[0];

/** Computes the answer per request, sync or async. */
export type OperationResolver<Op> = (
  info: ResolverInfo<Op>,
) => OperationAnswer<Op> | Promise<OperationAnswer<Op>>;

/** The typed handler factory of one operation. */
export interface OperationHandlerFactory<Op> {
  /**
   * An MSW handler for the operation. Without `answer` it sends the spec example; otherwise the
   * 2xx body, `{ status, body }` for any declared status, or a resolver returning either.
   */
  (answer?: OperationAnswer<Op> | OperationResolver<Op>, options?: FactoryOptions): HttpHandler;
  /** A WeChat Pay error answer `{ code, message, detail? }` with a declared error status. */
  error<Status extends ErrorStatus<Op>>(
    status: Status,
    code: ErrorCode<Op, Status>,
    message: string,
    detail?: ErrorDetail<Op, Status>,
    options?: FactoryOptions,
  ): HttpHandler;
  /** The operation's row of the generated operation table. */
  readonly descriptor: OperationDescriptor;
  /** The default answer: the spec example of the 2xx response, if the spec has one. */
  readonly example: SuccessBody<Op> | undefined;
}

/**
 * The handler factory of one operation (the generated `handlers.ts` calls it once per
 * operation): every 2xx it sends is encrypted and signed like WeChat Pay's, see
 * `wechatpayResponse`.
 */
export function operationHandler<Op>(
  descriptor: OperationDescriptor,
  options: HandlerOptions,
  example?: SuccessBody<Op>,
): OperationHandlerFactory<Op> {
  const url = handlerUrl(descriptor.path, options.baseUrl);
  const route = (
    resolve: (info: ResolverInfo<Op>) => Promise<Reply>,
    handlerOptions?: FactoryOptions,
  ) =>
    METHODS[descriptor.method]<PathParamsOf<Op>>(
      url,
      async (info) => wechatpayResponse(descriptor, await resolve(info), options),
      handlerOptions,
    );
  const factory = (
    answer?: OperationAnswer<Op> | OperationResolver<Op>,
    handlerOptions?: FactoryOptions,
  ) =>
    route(async (info) => {
      const value = typeof answer === 'function' ? await answer(info) : (answer ?? example);
      return toReply(value, descriptor.successStatus);
    }, handlerOptions);
  const error = <Status extends ErrorStatus<Op>>(
    status: Status,
    code: ErrorCode<Op, Status>,
    message: string,
    detail?: ErrorDetail<Op, Status>,
    handlerOptions?: FactoryOptions,
  ) =>
    route(
      async () => ({
        status,
        body: { code, message, ...(detail === undefined ? {} : { detail }) },
      }),
      handlerOptions,
    );
  return Object.assign(factory, { error, descriptor, example });
}

/**
 * `{ status, body }` as it is; anything else is the 2xx body. A reply is an object whose keys are
 * `status` (a number) and optionally `body`, which no body of this API looks like.
 */
function toReply(value: unknown, successStatus: number): Reply {
  if (isReply(value)) {
    return value;
  }
  return value === undefined ? { status: successStatus } : { status: successStatus, body: value };
}

function isReply(value: unknown): value is Reply {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const keys = Object.keys(value);
  return (
    typeof (value as { status?: unknown }).status === 'number' &&
    keys.every((key) => key === 'status' || key === 'body')
  );
}

/** The factories plus `all()`: the default handler of every operation. */
export type WithAll<Factories> = Factories & {
  /** The default handler of every operation, for `setupServer(...)` or `setupWorker(...)`. */
  all(): HttpHandler[];
};

/** Adds `all()` to the generated factories. */
export function withAll<Factories extends Record<string, OperationHandlerFactory<never>>>(
  factories: Factories,
): WithAll<Factories> {
  return { ...factories, all: () => Object.values(factories).map((factory) => factory()) };
}
