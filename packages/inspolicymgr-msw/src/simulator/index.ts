export {
  createInspolicymgrSimulator,
  SIMULATOR_WECHATPAY_KEY_ID,
  type InspolicymgrSimulator,
  type InspolicymgrSimulatorOptions,
} from './simulator.js';
export { AUTH_TRANSITIONS } from './authorization-rules.js';
export { POLICY_TRANSITIONS, UPLOAD_WINDOW_MS } from './policy-rules.js';
export { SimulatedApiError, SIGN_ERROR_MESSAGES, type SimulatorErrorDetail } from './errors.js';
export { toWechatTime } from './clock.js';
export type { AuthorizationRecord, PolicyRecord, SimulatorStore } from './store.js';
export { createRequestValidator, type RequestSchemaSet } from './validate.js';
export {
  FUNCTION_TARGET_URL,
  GRANTED_EVENT_TYPE,
  GRANTED_SUMMARY,
  NOTIFICATION_ORIGINAL_TYPE,
  NOTIFICATION_RETRY_DELAYS_MS,
  type NotificationAttempt,
  type NotificationDelivery,
  type NotifyOptions,
} from './callbacks.js';
export {
  STALE_TIMESTAMP_OFFSET_MS,
  type DropFault,
  type FaultScope,
  type LatencyFault,
  type SignatureFault,
  type SimulatorFault,
  type StatusFault,
} from './faults.js';
