import { PolicyState, PolicyType, type UploadPolicyRequest } from '@wechatpay-kit/inspolicymgr';

/** A valid `uploadPolicy` body (an issuing medical policy) for the given policy and insured names. */
export function uploadBody(outInsuranceNo: string, names: string[]): UploadPolicyRequest {
  return {
    out_insurance_no: outInsuranceNo,
    insured_name_list: names,
    insurance_company_code: '1001',
    effective_time: '2025-09-21T17:11:12+08:00',
    expired_time: '2026-09-21T17:11:12+08:00',
    coverage_detail: '可保190种疾病,确诊一次性赔付',
    support_renewal: false,
    policy_type: PolicyType.MEDICAL,
    policy_state: PolicyState.ISSUING,
    plan_id: '12535',
    out_contract_code: 'wxwtdk20200910100000',
    appid: 'wxd678efh567hg6787',
    openid: 'oYobu0MVnQfWpSMOYJz2AHPG_gQw',
    free_insurance: false,
  };
}
