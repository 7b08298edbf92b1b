import { createTestKeyPair } from '@wechatpay-kit/core/testing';
import {
  createInspolicymgrClient,
  type InspolicymgrClientOptions,
} from '@wechatpay-kit/inspolicymgr';
import type { HandlerOptions } from '../src/index.js';

export const OUT_INSURANCE_NO = 'Auisihsiahishishi4hihsid123418id';
const WECHATPAY_KEY_ID = 'PUB_KEY_ID_0114232134912410000000000000';

const [merchant, wechatpay] = await Promise.all([createTestKeyPair(), createTestKeyPair()]);

/** Handler options: the simulated WeChat Pay signs with its key, encrypts for the merchant. */
export const handlerOptions: HandlerOptions = {
  wechatpay: { serial: WECHATPAY_KEY_ID, privateKey: wechatpay.privateKey },
  merchant: { publicKey: merchant.publicKey },
};

/** The generated client with throwaway keys matching `handlerOptions`; verification on. */
export function testClient(extra: Partial<InspolicymgrClientOptions> = {}) {
  return createInspolicymgrClient({
    mchid: '1900000001',
    merchant: {
      serialNo: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C',
      privateKey: merchant.privateKey,
    },
    wechatpay: { publicKeyId: WECHATPAY_KEY_ID, publicKey: wechatpay.publicKey },
    retry: false,
    ...extra,
  });
}
