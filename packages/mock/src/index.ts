/**
 * The product-agnostic WeChat Pay mock runtime: typed MSW handler factories and a simulator that
 * verifies signatures, validates, decrypts and answers encrypted and signed like WeChat Pay.
 * Each product's generated handlers (and hand-written rules) are at `@wechatpay-kit/mock/<product>`;
 * the HTTP stand-in for other languages is in `@wechatpay-kit/mock/node`.
 * @packageDocumentation
 */
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
  SIMULATOR_WECHATPAY_KEY_ID,
  createSimulator,
  type MockProduct,
  type OperationRule,
  type RuleContext,
  type Simulator,
  type SimulatorOptions,
  type SimulatorSetup,
} from './simulator/simulator.js';
export type { RequestSchemaSet } from './simulator/validate.js';
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
