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
