/**
 * Response types of one operation, read from openapi-typescript's `operations[Op]`:
 * `responses[Status].content['application/json']` per declared status.
 */

type ResponsesOf<Op> = Op extends { responses: infer R } ? R : never;

/** Every HTTP status the operation declares. */
export type StatusOf<Op> = keyof ResponsesOf<Op> & number;

/** The operation's 2xx status(es). */
export type SuccessStatus<Op> = {
  [S in StatusOf<Op>]: `${S}` extends `2${string}` ? S : never;
}[StatusOf<Op>];

/** The declared non-2xx statuses, the ones `.error()` takes. */
export type ErrorStatus<Op> = Exclude<StatusOf<Op>, SuccessStatus<Op>>;

/** The JSON body of the answer with `Status`, or `undefined` when it has none (e.g. a 204). */
export type ResponseBody<Op, Status extends StatusOf<Op>> = ResponsesOf<Op>[Status] extends {
  content: { 'application/json': infer Body };
}
  ? Body
  : undefined;

/** The body of the operation's 2xx answer: one of them, when it declares several. */
export type SuccessBody<Op> = { [S in SuccessStatus<Op>]: ResponseBody<Op, S> }[SuccessStatus<Op>];

/** An answer with an explicit status: `{ status, body }`, the body typed for that status. */
export type OperationReply<Op> = {
  [S in StatusOf<Op>]: ResponseBody<Op, S> extends undefined
    ? { status: S; body?: undefined }
    : { status: S; body: ResponseBody<Op, S> };
}[StatusOf<Op>];

/** What a handler answers: the 2xx body, or `{ status, body }` for any declared status. */
export type OperationAnswer<Op> = SuccessBody<Op> | OperationReply<Op>;

type ErrorField<Op, Status extends ErrorStatus<Op>, Key extends string> =
  ResponseBody<Op, Status> extends { [K in Key]?: infer Value } ? Value : never;

/** The `code` of the operation's error body for `Status`. */
export type ErrorCode<Op, Status extends ErrorStatus<Op>> = ErrorField<Op, Status, 'code'>;

/** The `detail` of the operation's error body for `Status`. */
export type ErrorDetail<Op, Status extends ErrorStatus<Op>> = ErrorField<Op, Status, 'detail'>;
