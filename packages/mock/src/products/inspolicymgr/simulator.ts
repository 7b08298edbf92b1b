import { inspolicymgrMock } from '../../generated/inspolicymgr/index.js';
import {
  createSimulator,
  type OperationRule,
  type RuleContext,
  type Simulator,
  type SimulatorOptions,
} from '../../simulator/simulator.js';
import {
  bindContract,
  queryAuthorization,
  submitAuthorization,
  userAction,
} from './authorization-rules.js';
import { queryPolicy, updatePolicy, uploadPolicy } from './policy-rules.js';
import type {
  AuthorizationDetail,
  BindContractRequest,
  SubmitAuthorizationRequest,
  UpdatePolicyRequest,
  UploadPolicyRequest,
} from './spec-types.js';
import { SimulatorStore } from './store.js';

export { SIMULATOR_WECHATPAY_KEY_ID } from '../../simulator/simulator.js';

const GRANTED_EVENT_TYPE = 'INSURANCE_POLICY_MANAGEMENT.GRANTED';
const GRANTED_SUMMARY = '用户同意授权结果回调通知';

/**
 * Options of the insurance policy simulator; `notify` delivers
 * `INSURANCE_POLICY_MANAGEMENT.GRANTED` callbacks on `grantAuthorization`.
 */
export type InspolicymgrSimulatorOptions = SimulatorOptions;

/**
 * The generic simulator (handlers, keys, clock, callbacks, faults, `reset` also emptying the
 * store) with the policy service's store and user actions.
 */
export interface InspolicymgrSimulator extends Omit<Simulator, 'notify'> {
  /** The in-memory state (read copies). */
  readonly store: SimulatorStore;
  /** The user signs the deduction contract: INIT → PENDING. */
  signContract(outInsuranceNo: string): AuthorizationDetail;
  /** The user grants: PENDING | DENIED → GRANTED (starts the 30-day upload window). */
  grantAuthorization(outInsuranceNo: string): AuthorizationDetail;
  /** The user denies: PENDING → DENIED. */
  denyAuthorization(outInsuranceNo: string): AuthorizationDetail;
}

const id = (context: RuleContext) => String(context.params.out_insurance_no);

/** The business rule of each operation, run after the security and schema checks. */
function rules(store: SimulatorStore): Record<string, OperationRule> {
  return {
    submitAuthorization: ({ body }) =>
      submitAuthorization(store, body as SubmitAuthorizationRequest),
    queryAuthorization: (context) => queryAuthorization(store, id(context)),
    uploadPolicy: ({ body, now }) => uploadPolicy(store, body as UploadPolicyRequest, now),
    queryPolicy: (context) => queryPolicy(store, id(context)),
    updatePolicy: (context) =>
      updatePolicy(store, id(context), context.body as UpdatePolicyRequest),
    bindContract: (context) =>
      bindContract(store, id(context), context.body as BindContractRequest),
  };
}

/**
 * A stateful WeChat Pay server for the insurance policy service, as MSW handlers: the generic
 * simulator (signatures, validation, encryption, faults, callbacks) with the documented rules of
 * the service on an in-memory store, and the simulated user's actions.
 */
export function createInspolicymgrSimulator(
  options: InspolicymgrSimulatorOptions,
): InspolicymgrSimulator {
  const store = new SimulatorStore();
  const sim = createSimulator({
    ...options,
    product: inspolicymgrMock,
    rules: rules(store),
    onReset: () => store.clear(),
  });
  const act = (action: 'signContract' | 'grant' | 'deny') => (outInsuranceNo: string) =>
    userAction(store, action, outInsuranceNo, sim.now());
  const signContract = act('signContract');
  const denyAuthorization = act('deny');
  const grantAuthorization = (outInsuranceNo: string) => {
    const view = act('grant')(outInsuranceNo);
    sim.notify(GRANTED_EVENT_TYPE, GRANTED_SUMMARY, {
      out_insurance_no: view.out_insurance_no,
      insurance_name: view.insurance_name,
      auth_state: view.auth_state,
      user_auth_time: view.user_auth_time,
    });
    return view;
  };

  return {
    handlers: sim.handlers,
    store,
    keys: sim.keys,
    now: sim.now,
    signContract,
    grantAuthorization,
    denyAuthorization,
    advanceTime: (ms) => sim.advanceTime(ms),
    flushNotifications: () => sim.flushNotifications(),
    get notifications() {
      return sim.notifications;
    },
    inject: (fault, scope) => sim.inject(fault, scope),
    clearFaults: () => sim.clearFaults(),
    reset: () => sim.reset(),
    userActions: {
      'sign-contract': signContract,
      grant: grantAuthorization,
      deny: denyAuthorization,
    },
  };
}
