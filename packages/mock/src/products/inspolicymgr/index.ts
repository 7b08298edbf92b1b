/**
 * The insurance policy service (`@wechatpay-kit/inspolicymgr`) in the mock: its generated typed
 * handlers, and the hand-written plug-in, a stateful simulator of the service's rules with a
 * seeded data factory.
 * @packageDocumentation
 */
export * from '../../generated/inspolicymgr/index.js';
export { createDataFactory, type DataFactory } from './data-factory.js';
export {
  createInspolicymgrSimulator,
  type InspolicymgrSimulator,
  type InspolicymgrSimulatorOptions,
} from './simulator.js';
export type { AuthorizationRecord, PolicyRecord, SimulatorStore } from './store.js';
