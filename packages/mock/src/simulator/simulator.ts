import { errorBody, type OperationDescriptor } from '@wechatpay-kit/core/internal';
import { HttpResponse, type HttpHandler } from 'msw';
import type { HandlerOptions } from '../options.js';
import { METHODS, handlerUrl } from '../url.js';
import { wechatpayResponse, type Reply } from '../wechatpay-response.js';
import { createNotifier } from './callbacks.js';
import type { NotificationDelivery, NotifyOptions } from './callbacks.js';
import { createClock } from './clock.js';
import { SimulatedApiError, paramError } from './errors.js';
import { breakSignature, createFaultRegistry, delay } from './faults.js';
import type { FaultScope, SimulatorFault } from './faults.js';
import { createSecurity } from './security.js';
import { DEFAULT_SIMULATOR_KEY } from './default-key.js';
import { createRequestValidator, type RequestSchemaSet } from './validate.js';

/** The key id the throwaway WeChat Pay key is announced with when `wechatpay` is not given. */
export const SIMULATOR_WECHATPAY_KEY_ID = 'PUB_KEY_ID_0000000000000000000000000000';

/**
 * What the simulator needs to answer one product, generated per product as `<product>Mock` in
 * `@wechatpay-kit/mock/<product>`: its operation table, request schemas and answer examples.
 */
export interface MockProduct {
  /** The client package, e.g. `@wechatpay-kit/inspolicymgr`. */
  name: string;
  operations: Readonly<Record<string, OperationDescriptor>>;
  schemas: RequestSchemaSet;
  /** The spec example of each operation's 2xx answer, the default answer without a rule. */
  examples: Readonly<Record<string, unknown>>;
}

/** A request as a business rule sees it: path parameters, decrypted body, simulator time. */
export interface RuleContext {
  params: Record<string, unknown>;
  body: unknown;
  now: number;
}

/**
 * A product's business rule for one operation, run after the signature, schema and encryption
 * checks: returns the 2xx body (or `undefined` for none), or throws a `SimulatedApiError`.
 */
export type OperationRule = (context: RuleContext) => unknown;

export interface SimulatorOptions {
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
  /** Where callbacks go: signed with the simulated WeChat Pay key, sealed with `apiV3Key`, re-sent on WeChat's schedule. */
  notify?: NotifyOptions;
  /** @internal Schemas to validate with; default the product's generated ones. */
  schemas?: RequestSchemaSet;
}

/** The product and its hand-written plug-in: the rules, and what `reset()` also clears. */
export interface SimulatorSetup extends SimulatorOptions {
  product: MockProduct;
  /** Business rules by operationId; an operation without one answers its spec example. */
  rules?: Readonly<Record<string, OperationRule>>;
  /** Called by `reset()`, e.g. to empty the plug-in's store. */
  onReset?: () => void;
  /** The simulated user's actions (`Simulator.userActions`); none by default. */
  userActions?: Readonly<Record<string, (id: string) => unknown>>;
}

export interface Simulator {
  /** One MSW handler per operation, for `setupServer(...)` / `setupWorker(...)`. */
  readonly handlers: HttpHandler[];
  /** The keys the client needs: `wechatpay.publicKey` is set when the simulator made the key. */
  readonly keys: { wechatpay: { publicKeyId: string; privateKey: string; publicKey?: string } };
  /** Simulator time in milliseconds; pass it as the client's `now` after `advanceTime`. */
  now(): number;
  /** Sends a callback (when `notify` is set): `resource` sealed, the request signed. */
  notify(eventType: string, summary: string, resource: Record<string, unknown>): void;
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
  /** Resets the clock, drops callbacks and faults, and the plug-in's state. */
  reset(): void;
  /**
   * What the simulated user can do, by name, each on one resource id: the plug-in's actions,
   * served over HTTP as `POST /__simulator/<name>/<id>` (see `controlRoutes`).
   */
  readonly userActions: Readonly<Record<string, (id: string) => unknown>>;
}

/**
 * A WeChat Pay server for any product, as MSW handlers: it verifies request signatures,
 * validates requests against the spec, decrypts sensitive fields, runs the product's rules (or
 * answers the spec example), and answers encrypted and signed like WeChat Pay.
 */
export function createSimulator(setup: SimulatorSetup): Simulator {
  const wechatpay = setup.wechatpay
    ? { ...setup.wechatpay }
    : { publicKeyId: SIMULATOR_WECHATPAY_KEY_ID, ...DEFAULT_SIMULATOR_KEY };
  const clock = createClock(setup.now);
  const validate = createRequestValidator(setup.schemas ?? setup.product.schemas);
  const security = createSecurity({
    mchid: setup.mchid,
    merchant: setup.merchant,
    wechatpay,
    now: clock.now,
  });
  const notifier = createNotifier({ notify: setup.notify, wechatpay, now: clock.now });
  const faults = createFaultRegistry();
  const handlerOptions: HandlerOptions = {
    wechatpay: { serial: wechatpay.publicKeyId, privateKey: wechatpay.privateKey },
    merchant: { publicKey: setup.merchant.publicKey },
    ...(setup.baseUrl === undefined ? {} : { baseUrl: setup.baseUrl }),
    now: clock.now,
  };
  const ruleOf = (operationId: string): OperationRule => {
    const rule = setup.rules?.[operationId];
    const example = setup.product.examples[operationId];
    return rule ?? (() => (example === undefined ? undefined : structuredClone(example)));
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
      const result = ruleOf(descriptor.operationId)({ params, body, now: clock.now() });
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

  const handlers = Object.values(setup.product.operations).map((descriptor) =>
    METHODS[descriptor.method](
      handlerUrl(descriptor.path, setup.baseUrl),
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

  return {
    handlers,
    keys: { wechatpay },
    now: clock.now,
    notify: (eventType, summary, resource) => notifier.notify(eventType, summary, resource),
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
      setup.onReset?.();
      clock.reset();
      notifier.clear();
      faults.clear();
    },
    userActions: setup.userActions ?? {},
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
