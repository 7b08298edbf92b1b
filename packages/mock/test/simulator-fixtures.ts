import { authorizationFor, merchantKeys } from '@wechatpay-kit/core/internal';
import { createTestKeyPair } from '@wechatpay-kit/core/testing';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  createInspolicymgrClient,
  type InspolicymgrClientOptions,
  type components,
} from '@wechatpay-kit/inspolicymgr';
import {
  createInspolicymgrSimulator,
  type InspolicymgrSimulator,
} from '../src/products/inspolicymgr/index.js';
import { UNHANDLED_IS_ERROR } from './listen-options.js';

export const MCHID = '1900000001';
export const MERCHANT_SERIAL = '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C';
export const BASE = 'https://api.mch.weixin.qq.com';
export const DAY = 24 * 3600 * 1000;

export const merchant = await createTestKeyPair();

/** A simulator with a throwaway WeChat Pay key, for the merchant above; `now` as the simulator's. */
export function createSimulator(now?: () => number): InspolicymgrSimulator {
  return createInspolicymgrSimulator({
    mchid: MCHID,
    merchant: { serialNo: MERCHANT_SERIAL, publicKey: merchant.publicKey },
    ...(now ? { now } : {}),
  });
}

/** The generated client configured with the simulator's keys and clock; verification on. */
export function simulatorClient(
  sim: Pick<InspolicymgrSimulator, 'keys' | 'now'>,
  extra: Partial<InspolicymgrClientOptions> = {},
) {
  return createInspolicymgrClient({
    mchid: MCHID,
    merchant: { serialNo: MERCHANT_SERIAL, privateKey: merchant.privateKey },
    wechatpay: {
      publicKeyId: sim.keys.wechatpay.publicKeyId,
      publicKey: sim.keys.wechatpay.publicKey!,
    },
    retry: false,
    now: sim.now,
    ...extra,
  });
}

/**
 * A simulator behind `setupServer` for the whole test file, reset after each test, with a
 * client for it (no retries). Its base clock is frozen, so only `advanceTime` moves simulator
 * time: timestamps and clock-skew checks come out the same however long a test takes.
 */
export function useSimulatorServer() {
  const frozen = Date.now();
  const sim = createSimulator(() => frozen);
  const client = simulatorClient(sim);
  const server = setupServer(...sim.handlers);
  beforeAll(() => server.listen(UNHANDLED_IS_ERROR));
  afterEach(() => sim.reset());
  afterAll(() => server.close());
  return { sim, client, server };
}

/** A request signed like the merchant's, but otherwise raw: for what the client never sends. */
export async function signedFetch(
  sim: InspolicymgrSimulator,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const url = BASE + path;
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const authorization = await authorizationFor(
    { method, url, body: text },
    {
      mchid: MCHID,
      merchant: merchantKeys({ serialNo: MERCHANT_SERIAL, privateKey: merchant.privateKey }),
      now: sim.now,
    },
  );
  return fetch(url, {
    method,
    headers: {
      Authorization: authorization,
      Accept: 'application/json',
      'Content-Type': 'application/json',
      ...headers,
    },
    ...(text ? { body: text } : {}),
  });
}

export function submitBody(
  outInsuranceNo: string,
): components['schemas']['SubmitAuthorizationRequest'] {
  return {
    out_insurance_no: outInsuranceNo,
    appid: 'wxd678efh567hg6787',
    plan_id: '12535',
    out_contract_code: 'wxwtdk20200910100000',
    insurance_name: '微医保·百万医疗险',
  };
}

export function uploadBody(
  outInsuranceNo: string,
  extra: Partial<components['schemas']['UploadPolicyRequest']> = {},
): components['schemas']['UploadPolicyRequest'] {
  return {
    out_insurance_no: outInsuranceNo,
    insured_name_list: ['张三', '李四'],
    insurance_company_code: '1001',
    effective_time: '2025-09-22T00:00:00+08:00',
    expired_time: '2026-09-22T00:00:00+08:00',
    coverage_detail: '可保190种疾病,确诊一次性赔付',
    support_renewal: false,
    policy_type: 'POLICY_TYPE_MEDICAL',
    policy_state: 'POLICY_STATE_ISSUING',
    plan_id: '12535',
    out_contract_code: 'wxwtdk20200910100000',
    appid: 'wxd678efh567hg6787',
    openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
    free_insurance: false,
    ...extra,
  };
}

/** A 32-character APIv3 key for callback tests. */
export const API_V3_KEY = '0123456789abcdefghijklmnopqrstuv';

/**
 * A simulator that delivers callbacks to `target` (see `createSimulator`), on a frozen base clock
 * so that only `advanceTime` moves it.
 */
export function createNotifyingSimulator(
  target: (request: Request) => Promise<Response> | Response,
): InspolicymgrSimulator {
  const frozen = Date.now();
  return createInspolicymgrSimulator({
    mchid: MCHID,
    merchant: { serialNo: MERCHANT_SERIAL, publicKey: merchant.publicKey },
    notify: { apiV3Key: API_V3_KEY, target },
    now: () => frozen,
  });
}
