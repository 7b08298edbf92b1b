import type { components } from '../src/index.js';

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

/** A fetch that records each request and answers with `reply`. */
export function recordingFetch(reply: (request: Request) => Response) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request.clone());
    return reply(request);
  };
  return { fetch, requests };
}

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
