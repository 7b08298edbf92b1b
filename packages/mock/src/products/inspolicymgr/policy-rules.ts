import { AuthState, PolicyState } from '@wechatpay-kit/inspolicymgr';
import { AUTH_TRANSITIONS, requireAuthorization } from './authorization-rules.js';
import { invalidRequest, noAuth, notFound } from '../../simulator/errors.js';
import type { PolicyRecord, SimulatorStore } from './store.js';
import type { Policy, UpdatePolicyRequest, UploadPolicyRequest } from './spec-types.js';

/** A policy may be uploaded within 30 days of the user's grant (inspolicymgr reference §4.3). */
export const UPLOAD_WINDOW_MS = 30 * 24 * 3600 * 1000;

/** Allowed `policy_state` changes (§6.2); DECLINED is final. Staying in a state is always allowed. */
export const POLICY_TRANSITIONS: Record<PolicyState, readonly PolicyState[]> = {
  [PolicyState.ISSUING]: [PolicyState.APPROVED, PolicyState.INACTIVE, PolicyState.DECLINED],
  [PolicyState.APPROVED]: [PolicyState.INACTIVE],
  [PolicyState.INACTIVE]: [PolicyState.APPROVED],
  [PolicyState.DECLINED]: [],
};

/** Fields kept from the upload but never echoed in answers. */
const HIDDEN_FIELDS = ['appid', 'openid', 'payee_mchid', 'payee_appid', 'payee_openid'] as const;

/**
 * 上传保单 (`body` already decrypted): only for a GRANTED authorization, within 30 days of the
 * grant; the authorization then becomes EXPIRED.
 */
export function uploadPolicy(
  store: SimulatorStore,
  body: UploadPolicyRequest,
  now: number,
): Policy {
  const record = requireAuthorization(store, body.out_insurance_no);
  if (store.livePolicy(body.out_insurance_no)) {
    throw invalidRequest(
      '保单已上传，请使用更新保单接口 (the policy was already uploaded; use updatePolicy)',
    );
  }
  const state = record.authorization.auth_state;
  if (state !== AuthState.GRANTED) {
    throw noAuth(`用户未授权上传保单 (the authorization is ${state}, not AUTH_STATE_GRANTED)`);
  }
  if (record.grantedAt === undefined || now - record.grantedAt > UPLOAD_WINDOW_MS) {
    throw noAuth('用户授权已超过30天，不能上传保单 (more than 30 days since the user granted)');
  }
  const policy: PolicyRecord = {
    ...structuredClone(body),
    insurance_name: record.authorization.insurance_name,
  };
  store.putPolicy(policy);
  record.authorization.auth_state = AUTH_TRANSITIONS.upload.to;
  return toPolicyView(policy);
}

/** 查询保单: only uploaded policies. */
export function queryPolicy(store: SimulatorStore, outInsuranceNo: string): Policy {
  return toPolicyView(requirePolicy(store, outInsuranceNo));
}

/**
 * 更新保单信息 (`patch` already decrypted): a partial update of an uploaded policy; an empty or
 * absent `insured_name_list` keeps the names; an illegal `policy_state` change is rejected.
 */
export function updatePolicy(
  store: SimulatorStore,
  outInsuranceNo: string,
  patch: UpdatePolicyRequest,
): Policy {
  const policy = requirePolicy(store, outInsuranceNo);
  const from = policy.policy_state;
  const to = patch.policy_state;
  if (to !== undefined && to !== from && !POLICY_TRANSITIONS[from].includes(to)) {
    throw invalidRequest(
      `保单状态不允许从 ${from} 变更为 ${to} (illegal policy_state transition)`,
      {
        field: '/policy_state',
        location: 'body',
        issue: `${from} can change to ${POLICY_TRANSITIONS[from].join(', ') || 'nothing (final)'}`,
        value: to,
      },
    );
  }
  const { insured_name_list: names, ...rest } = structuredClone(patch);
  Object.assign(policy, rest);
  if (names && names.length > 0) {
    policy.insured_name_list = names;
  }
  return toPolicyView(policy);
}

function requirePolicy(store: SimulatorStore, outInsuranceNo: string): PolicyRecord {
  const policy = store.livePolicy(outInsuranceNo);
  if (!policy) {
    throw notFound('保单信息不存在 (no uploaded policy for this out_insurance_no)');
  }
  return policy;
}

/** The Policy object of the answers: the stored record without the upload-only fields. */
function toPolicyView(policy: PolicyRecord): Policy {
  const view: Record<string, unknown> = structuredClone(policy);
  for (const field of HIDDEN_FIELDS) {
    delete view[field];
  }
  return view as Policy;
}
