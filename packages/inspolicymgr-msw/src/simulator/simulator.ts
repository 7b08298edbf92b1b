import { errorBody, type OperationDescriptor } from '@wechatpay-kit/core/internal';
import { operationTable } from '@wechatpay-kit/inspolicymgr';
import { HttpResponse, type HttpHandler } from 'msw';
import { requestSchemas, schemaDocument } from '../generated/schemas.js';
import type { HandlerOptions } from '../options.js';
import { METHODS, handlerUrl } from '../url.js';
import { wechatpayResponse, type Reply } from '../wechatpay-response.js';
import {
  bindContract,
  queryAuthorization,
  submitAuthorization,
  userAction,
} from './authorization-rules.js';
import { createNotifier, GRANTED_EVENT_TYPE, GRANTED_SUMMARY } from './callbacks.js';
import type { NotificationDelivery, NotifyOptions } from './callbacks.js';
import { createClock } from './clock.js';
import { SimulatedApiError, paramError } from './errors.js';
import { breakSignature, createFaultRegistry, delay } from './faults.js';
import type { FaultScope, SimulatorFault } from './faults.js';
import { queryPolicy, updatePolicy, uploadPolicy } from './policy-rules.js';
import { createSecurity } from './security.js';
import type { SimulatorStore as Store } from './store.js';
import type {
  AuthorizationDetail,
  BindContractRequest,
  SubmitAuthorizationRequest,
  UpdatePolicyRequest,
  UploadPolicyRequest,
} from '../spec-types.js';
import { SimulatorStore } from './store.js';
import { DEFAULT_SIMULATOR_KEY } from './default-key.js';
import { createRequestValidator, type RequestSchemaSet } from './validate.js';

/** The key id the throwaway WeChat Pay key is announced with when `wechatpay` is not given. */
export const SIMULATOR_WECHATPAY_KEY_ID = 'PUB_KEY_ID_0000000000000000000000000000';

export interface InspolicymgrSimulatorOptions {
  /** The merchant id requests must be signed for. */
  mchid: string;
  /** The merchant's API certificate serial and public key (SPKI PEM): verifies requests, encrypts answers. */
  merchant: { serialNo: string; publicKey: string };
  /** The simulated WeChat Pay key (PKCS#8 PEM) and its id; default: a throwaway key, see `keys`. */
  wechatpay?: { publicKeyId: string; privateKey: string };
  /** Origin the handlers answer on (`'*'` for any); default `https://api.mch.weixin.qq.com`. */
  baseUrl?: string;
  /** The base clock in milliseconds; default `Date.now`. `advanceTime` moves the simulator ahead of it. */
  now?: () => number;
  /**
   * Deliver `INSURANCE_POLICY_MANAGEMENT.GRANTED` callbacks on `grantAuthorization`: signed with
   * the simulated WeChat Pay key, sealed with `apiV3Key`, re-sent on WeChat's schedule.
   */
  notify?: NotifyOptions;
  /** @internal Schemas to validate with; default the generated ones. */
  schemas?: RequestSchemaSet;
}

export interface InspolicymgrSimulator {
  /** One MSW handler per operation, for `setupServer(...)` / `setupWorker(...)`. */
  readonly handlers: HttpHandler[];
  /** The in-memory state (read copies). */
  readonly store: Store;
  /** The keys the client needs: `wechatpay.publicKey` is set when the simulator made the key. */
  readonly keys: { wechatpay: { publicKeyId: string; privateKey: string; publicKey?: string } };
  /** Simulator time in milliseconds; pass it as the client's `now` after `advanceTime`. */
  now(): number;
  /** The user signs the deduction contract: INIT → PENDING. */
  signContract(outInsuranceNo: string): AuthorizationDetail;
  /** The user grants: PENDING | DENIED → GRANTED (starts the 30-day upload window). */
  grantAuthorization(outInsuranceNo: string): AuthorizationDetail;
  /** The user denies: PENDING → DENIED. */
  denyAuthorization(outInsuranceNo: string): AuthorizationDetail;
  /**
   * Moves the simulator's clock forward (at once) and sends the callback re-sends that became due;
   * the promise resolves when they are answered.
   */
  advanceTime(ms: number): Promise<void>;
  /** Resolves when no callback send is in flight. */
  flushNotifications(): Promise<void>;
  /** Every callback so far with its sends (time, status), oldest first (copies). */
  readonly notifications: NotificationDelivery[];
  /** Makes requests fail: every operation or `operationId` only, every time or `times` times. */
  inject(fault: SimulatorFault, scope?: FaultScope): void;
  /** Removes every injected fault. */
  clearFaults(): void;
  /** Empties the store, resets the clock, drops callbacks and faults. */
  reset(): void;
}

type Context = { params: Record<string, unknown>; body: unknown; now: number };
type Rule = (store: SimulatorStore, context: Context) => unknown;

const id = (context: Context) => String(context.params.out_insurance_no);

/** The business rule of each operation, run after the security and schema checks. */
const RULES: Record<string, Rule> = {
  submitAuthorization: (store, { body }) =>
    submitAuthorization(store, body as SubmitAuthorizationRequest),
  queryAuthorization: (store, context) => queryAuthorization(store, id(context)),
  uploadPolicy: (store, { body, now }) => uploadPolicy(store, body as UploadPolicyRequest, now),
  queryPolicy: (store, context) => queryPolicy(store, id(context)),
  updatePolicy: (store, context) =>
    updatePolicy(store, id(context), context.body as UpdatePolicyRequest),
  bindContract: (store, context) =>
    bindContract(store, id(context), context.body as BindContractRequest),
};

/**
 * A stateful WeChat Pay server for the insurance policy service, as MSW handlers: it verifies
 * request signatures, validates requests against the spec, decrypts sensitive fields, enforces
 * the documented rules on an in-memory store, and answers encrypted and signed like WeChat Pay.
 */
export function createInspolicymgrSimulator(
  options: InspolicymgrSimulatorOptions,
): InspolicymgrSimulator {
  const wechatpay = options.wechatpay
    ? { ...options.wechatpay }
    : { publicKeyId: SIMULATOR_WECHATPAY_KEY_ID, ...DEFAULT_SIMULATOR_KEY };
  const clock = createClock(options.now);
  const store = new SimulatorStore();
  const validate = createRequestValidator(options.schemas ?? { schemaDocument, requestSchemas });
  const security = createSecurity({
    mchid: options.mchid,
    merchant: options.merchant,
    wechatpay,
    now: clock.now,
  });
  const notifier = createNotifier({ notify: options.notify, wechatpay, now: clock.now });
  const faults = createFaultRegistry();
  const handlerOptions: HandlerOptions = {
    wechatpay: { serial: wechatpay.publicKeyId, privateKey: wechatpay.privateKey },
    merchant: { publicKey: options.merchant.publicKey },
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    now: clock.now,
  };

  const answer = async (
    descriptor: OperationDescriptor,
    request: Request,
    params: Record<string, unknown>,
  ): Promise<Reply> => {
    try {
      const text = await request.text();
      await security.verifyRequest(request, text);
      const body = descriptor.method === 'GET' ? undefined : parseJson(text);
      validate(descriptor.operationId, { params, headers: request.headers, body });
      security.checkWechatpaySerial(request);
      await security.decryptRequestFields(descriptor, body);
      // From here on synchronous: concurrent requests cannot interleave inside a rule.
      const rule = RULES[descriptor.operationId];
      if (!rule) {
        return { status: 404, body: errorBody('NOT_FOUND', 'unknown operation') };
      }
      const result = rule(store, { params, body, now: clock.now() });
      return result === undefined
        ? { status: descriptor.successStatus }
        : { status: descriptor.successStatus, body: result };
    } catch (error) {
      if (error instanceof SimulatedApiError) {
        return error.toReply();
      }
      return { status: 500, body: errorBody('SYSTEM_ERROR', '系统异常，请稍后重试') };
    }
  };

  const handlers = Object.values(operationTable).map((descriptor: OperationDescriptor) =>
    METHODS[descriptor.method](
      handlerUrl(descriptor.path, options.baseUrl),
      async ({ request, params }) => {
        const plan = faults.take(descriptor.operationId);
        await delay(plan.latencyMs);
        if (plan.drop) {
          return HttpResponse.error();
        }
        const reply: Reply = plan.status
          ? {
              status: plan.status.status,
              body: {
                code: plan.status.code,
                message: plan.status.message,
                ...(plan.status.detail === undefined ? {} : { detail: plan.status.detail }),
              },
            }
          : await answer(descriptor, request, params);
        const response = await wechatpayResponse(descriptor, reply, handlerOptions);
        return plan.signature
          ? breakSignature(response, plan.signature, {
              serial: wechatpay.publicKeyId,
              privateKey: wechatpay.privateKey,
              now: clock.now(),
            })
          : response;
      },
    ),
  );

  const act = (action: 'signContract' | 'grant' | 'deny') => (outInsuranceNo: string) =>
    userAction(store, action, outInsuranceNo, clock.now());

  return {
    handlers,
    store,
    keys: { wechatpay },
    now: clock.now,
    signContract: act('signContract'),
    grantAuthorization(outInsuranceNo) {
      const view = act('grant')(outInsuranceNo);
      notifier.notify(GRANTED_EVENT_TYPE, GRANTED_SUMMARY, {
        out_insurance_no: view.out_insurance_no,
        insurance_name: view.insurance_name,
        auth_state: view.auth_state,
        user_auth_time: view.user_auth_time,
      });
      return view;
    },
    denyAuthorization: act('deny'),
    advanceTime(ms) {
      clock.advance(ms);
      return notifier.runDue();
    },
    flushNotifications: () => notifier.flush(),
    get notifications() {
      return notifier.deliveries();
    },
    inject: (fault, scope) => faults.inject(fault, scope),
    clearFaults: () => faults.clear(),
    reset() {
      store.clear();
      clock.reset();
      notifier.clear();
      faults.clear();
    },
  };
}

function parseJson(text: string): unknown {
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw paramError({
      field: '',
      location: 'body',
      issue: '请求体不是合法的 JSON (the body is not valid JSON)',
    });
  }
}
