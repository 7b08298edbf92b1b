/**
 * Typed MSW handlers and a stateful simulator of the WeChat Pay insurance policy service, with
 * seeded test data. The HTTP stand-in for other languages is in `@wechatpay-kit/inspolicymgr-msw/node`.
 * @packageDocumentation
 */
export { createDataFactory, type DataFactory } from './data/factory.js';
export {
  createInspolicymgrHandlers,
  inspolicymgrHandlers,
  type InspolicymgrHandlers,
} from './generated/handlers.js';
export type {
  OperationHandlerFactory,
  OperationResolver,
  PathParamsOf,
  ResolverInfo,
  WithAll,
} from './operation-handler.js';
export type { FactoryOptions, HandlerOptions } from './options.js';
export {
  NOTIFICATION_RETRY_DELAYS_MS,
  type NotificationAttempt,
  type NotificationDelivery,
  type NotifyOptions,
} from './simulator/callbacks.js';
export { SIGN_ERROR_MESSAGES } from './simulator/errors.js';
export type {
  DropFault,
  FaultScope,
  LatencyFault,
  SignatureFault,
  SimulatorFault,
  StatusFault,
} from './simulator/faults.js';
export {
  createInspolicymgrSimulator,
  type InspolicymgrSimulator,
  type InspolicymgrSimulatorOptions,
} from './simulator/simulator.js';
export type { AuthorizationRecord, PolicyRecord, SimulatorStore } from './simulator/store.js';
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
export { toWechatTime } from './wechat-time.js';
