import { importRsaKey, oaepDecrypt, oaepEncrypt } from '@wechatpay-kit/core/internal';
import { createTestKeyPair, signAsWechatpay } from '@wechatpay-kit/core/testing';
import type { InspolicymgrClientOptions, components } from '../src/index.js';

export const OUT_INSURANCE_NO = 'Auisihsiahishishi4hihsid123418id';

export const policy: components['schemas']['Policy'] = {
  out_insurance_no: OUT_INSURANCE_NO,
  insurance_name: '微医保·百万医疗险',
  insured_name_list: ['张三'],
  insurance_company_code: '1001',
  effective_time: '2025-09-21T17:11:12+08:00',
  expired_time: '2026-09-21T17:11:12+08:00',
  coverage_detail: '可保190种疾病,确诊一次性赔付',
  support_renewal: false,
  policy_type: 'POLICY_TYPE_MEDICAL',
  policy_state: 'POLICY_STATE_ISSUING',
  plan_id: '12535',
  out_contract_code: 'wxwtdk20200910100000',
  free_insurance: false,
};

const [merchantPair, wechatpayPair] = await Promise.all([createTestKeyPair(), createTestKeyPair()]);
export const WECHATPAY_KEY_ID = 'PUB_KEY_ID_0114232134912410000000000000';

/** Client options with throwaway keys; add `fetch` and the rest per test. */
export const credentials: InspolicymgrClientOptions = {
  mchid: '1900000001',
  merchant: {
    serialNo: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C',
    privateKey: merchantPair.privateKey,
  },
  wechatpay: { publicKeyId: WECHATPAY_KEY_ID, publicKey: wechatpayPair.publicKey },
};

/**
 * A fetch standing in for WeChat Pay: it records each request and signs each 2xx answer of
 * `reply` with the simulated WeChat Pay key, as the real server does.
 */
export function recordingFetch(reply: (request: Request) => Response) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request.clone());
    const answer = reply(request);
    if (!answer.ok) {
      return answer;
    }
    const body = await encryptNames(await answer.text());
    const signed = await signAsWechatpay(body, {
      privateKey: wechatpayPair.privateKey,
      serial: WECHATPAY_KEY_ID,
    });
    return new Response(body || null, {
      status: answer.status,
      headers: { ...Object.fromEntries(answer.headers), ...signed },
    });
  };
  return { fetch, requests };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

/** As WeChat Pay does: insured names in answers are encrypted with the merchant public key. */
async function encryptNames(body: string): Promise<string> {
  if (!body.includes('insured_name_list')) {
    return body;
  }
  const key = await importRsaKey(merchantPair.publicKey, 'encrypt', 'merchant public key');
  const value = JSON.parse(body) as { insured_name_list: string[] };
  value.insured_name_list = await Promise.all(
    value.insured_name_list.map((name) => oaepEncrypt(key, name)),
  );
  return JSON.stringify(value);
}

/** What WeChat Pay reads from a ciphertext the client sent: decrypted with its private key. */
export async function decryptAsWechatpay(ciphertext: string): Promise<string> {
  return oaepDecrypt(
    await importRsaKey(wechatpayPair.privateKey, 'decrypt', 'wechatpay private key'),
    ciphertext,
  );
}
