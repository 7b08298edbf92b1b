// What the generated handlers (`src/generated/<product>/`) import from the hand-written runtime.
export {
  operationHandler,
  withAll,
  type HandlerOptions,
  type OperationHandlerFactory,
} from './operation-handler.js';
export type { MockProduct } from './simulator/simulator.js';
