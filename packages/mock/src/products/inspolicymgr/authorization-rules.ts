import { AuthState } from '@wechatpay-kit/inspolicymgr';
import { toWechatTime } from '../../wechat-time.js';
import { invalidRequest, notFound } from '../../simulator/errors.js';
import type { AuthorizationRecord, SimulatorStore } from './store.js';
import type {
  AuthorizationDetail,
  BindContractRequest,
  SubmitAuthorizationRequest,
} from './spec-types.js';

/**
 * Who moves an authorization where (inspolicymgr reference §6.1): the user signs the deduction
 * contract (INIT → PENDING), grants (PENDING | DENIED → GRANTED) or denies (PENDING → DENIED);
 * the upload of the policy expires a grant (GRANTED → EXPIRED).
 */
export const AUTH_TRANSITIONS = {
  signContract: { from: [AuthState.INIT], to: AuthState.PENDING },
  grant: {
    from: [AuthState.PENDING, AuthState.DENIED],
    to: AuthState.GRANTED,
  },
  deny: { from: [AuthState.PENDING], to: AuthState.DENIED },
  upload: { from: [AuthState.GRANTED], to: AuthState.EXPIRED },
} as const satisfies Record<string, { from: readonly AuthState[]; to: AuthState }>;

export type UserAction = 'signContract' | 'grant' | 'deny';

const SUBMIT_FIELDS = [
  'out_insurance_no',
  'appid',
  'plan_id',
  'out_contract_code',
  'insurance_name',
  'payee_mchid',
  'payee_appid',
] as const;

/**
 * 提交保单授权申请: a new authorization starts in INIT. A repeat with the same body answers the
 * stored authorization; one with a different body is rejected (the real rule is undocumented).
 */
export function submitAuthorization(
  store: SimulatorStore,
  body: SubmitAuthorizationRequest,
): AuthorizationDetail {
  const existing = store.liveAuthorization(body.out_insurance_no);
  if (existing) {
    const changed = SUBMIT_FIELDS.find((field) => existing.submitted[field] !== body[field]);
    if (changed) {
      throw invalidRequest(
        `该保单号已提交过授权申请，且请求参数不一致 (out_insurance_no already submitted with a different ${changed})`,
        {
          field: `/${changed}`,
          location: 'body',
          issue: 'differs from the first submission',
          value: body[changed],
        },
      );
    }
    return { ...existing.authorization };
  }
  const authorization: AuthorizationDetail = {
    out_insurance_no: body.out_insurance_no,
    appid: body.appid,
    plan_id: body.plan_id,
    out_contract_code: body.out_contract_code,
    insurance_name: body.insurance_name,
    auth_state: AuthState.INIT,
  };
  store.putAuthorization({ submitted: structuredClone(body), authorization });
  return { ...authorization };
}

/** 查询保单授权信息. */
export function queryAuthorization(
  store: SimulatorStore,
  outInsuranceNo: string,
): AuthorizationDetail {
  return { ...requireAuthorization(store, outInsuranceNo).authorization };
}

/** 保单绑定保险代扣协议: needs an existing authorization; updates its contract (and the policy's). */
export function bindContract(
  store: SimulatorStore,
  outInsuranceNo: string,
  body: BindContractRequest,
): void {
  const record = requireAuthorization(store, outInsuranceNo);
  record.authorization.appid = body.appid;
  record.authorization.plan_id = body.plan_id;
  record.authorization.out_contract_code = body.out_contract_code;
  const policy = store.livePolicy(outInsuranceNo);
  if (policy) {
    policy.plan_id = body.plan_id;
    policy.out_contract_code = body.out_contract_code;
  }
}

/**
 * A user-side action of the simulated WeChat user. Throws an `Error` (not an API answer) on an
 * unknown `out_insurance_no` or a transition the rules do not allow.
 */
export function userAction(
  store: SimulatorStore,
  action: UserAction,
  outInsuranceNo: string,
  now: number,
): AuthorizationDetail {
  const record = store.liveAuthorization(outInsuranceNo);
  if (!record) {
    throw new Error(
      `${action}: no authorization was submitted for out_insurance_no "${outInsuranceNo}"`,
    );
  }
  const rule = AUTH_TRANSITIONS[action];
  const state = record.authorization.auth_state;
  if (!(rule.from as readonly AuthState[]).includes(state)) {
    throw new Error(
      `${action}: authorization "${outInsuranceNo}" is ${state}; ${action} needs ${rule.from.join(' or ')}`,
    );
  }
  record.authorization.auth_state = rule.to;
  if (rule.to === AuthState.GRANTED) {
    record.grantedAt = now;
    record.authorization.user_auth_time = toWechatTime(now);
  }
  return { ...record.authorization };
}

/** The authorization of `outInsuranceNo`, or a 404 `RESOURCE_NOT_EXISTS`. */
export function requireAuthorization(
  store: SimulatorStore,
  outInsuranceNo: string,
): AuthorizationRecord {
  const record = store.liveAuthorization(outInsuranceNo);
  if (!record) {
    throw notFound('保单授权信息不存在 (no authorization for this out_insurance_no)');
  }
  return record;
}
