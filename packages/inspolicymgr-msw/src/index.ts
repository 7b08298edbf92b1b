export {
  createInspolicymgrHandlers,
  inspolicymgrHandlers,
  type InspolicymgrHandlers,
} from './generated/handlers.js';
export {
  operationHandler,
  withAll,
  type OperationHandlerFactory,
  type OperationResolver,
  type PathParamsOf,
  type ResolverInfo,
  type WithAll,
} from './operation-handler.js';
export type { FactoryOptions, HandlerOptions } from './options.js';
export type {
  ErrorCode,
  ErrorDetail,
  ErrorStatus,
  OperationAnswer,
  OperationReply,
  ResponseBody,
  StatusOf,
  SuccessBody,
  SuccessStatus,
} from './types.js';
export { handlerUrl, toMswPath } from './url.js';
export { wechatpayResponse, type Reply } from './wechatpay-response.js';
export * from './simulator/index.js';
export * from './data/index.js';
