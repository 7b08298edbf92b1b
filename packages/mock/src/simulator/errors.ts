import { errorBody, type WechatpayErrorDetail } from '@wechatpay-kit/core/internal';
import type { Reply } from '../wechatpay-response.js';

/** `detail` of a WeChat Pay error, as the simulator always fills it: where and why. */
export interface SimulatorErrorDetail extends WechatpayErrorDetail {
  field: string;
  location: 'body' | 'path' | 'header' | 'query';
  issue: string;
}

/** A WeChat Pay error answer, thrown by the rules and turned into a reply by the simulator. */
export class SimulatedApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly detail?: SimulatorErrorDetail,
  ) {
    super(message);
    this.name = 'SimulatedApiError';
  }

  toReply(): Reply {
    return { status: this.status, body: errorBody(this.code, this.message, this.detail) };
  }
}

export const paramError = (detail: SimulatorErrorDetail) =>
  new SimulatedApiError(400, 'PARAM_ERROR', '参数错误', detail);

export const invalidRequest = (message: string, detail?: SimulatorErrorDetail) =>
  new SimulatedApiError(400, 'INVALID_REQUEST', message, detail);

export const signError = (message: string) => new SimulatedApiError(401, 'SIGN_ERROR', message);

export const noAuth = (message: string) => new SimulatedApiError(403, 'NO_AUTH', message);

export const notFound = (message: string) =>
  new SimulatedApiError(404, 'RESOURCE_NOT_EXISTS', message);

/** Realistic `SIGN_ERROR` messages (see the protocol reference, §5.4). */
export const SIGN_ERROR_MESSAGES = {
  format: 'Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》',
  mchid: 'Http头Authorization中的mchid与请求的商户号不一致',
  serial: '商户证书序列号有误',
  timestamp: 'Http头Authorization中的timestamp与发起请求的时间不得超过5分钟',
  signature: '签名错误',
} as const;
