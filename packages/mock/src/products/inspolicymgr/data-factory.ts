import {
  AuthState,
  CoverageTermType,
  PaymentMethod,
  PaymentPeriod,
  PeriodPremiumMode,
  PolicyState,
  PolicyType,
} from '@wechatpay-kit/inspolicymgr';
import type {
  Authorization,
  AuthorizationDetail,
  BindContractRequest,
  Policy,
  SubmitAuthorizationRequest,
  UpdatePolicyRequest,
  UploadPolicyRequest,
} from './spec-types.js';
import { toWechatTime } from '../../wechat-time.js';
import { Random } from '../../data/prng.js';

/**
 * A seeded factory of valid request and response bodies. Each schema draws from its own stream,
 * keyed by the seed, the schema name and the call index for that schema: the same seed gives the
 * same data, and drawing (or changing) one schema never reshuffles another.
 */
export interface DataFactory {
  readonly seed: number | string;
  /** 提交保单授权申请 body. */
  submitAuthorizationRequest(
    overrides?: Partial<SubmitAuthorizationRequest>,
  ): SubmitAuthorizationRequest;
  /** An authorization as answered by submitAuthorization. */
  authorization(overrides?: Partial<Authorization>): Authorization;
  /** An authorization as answered by queryAuthorization. */
  authorizationDetail(overrides?: Partial<AuthorizationDetail>): AuthorizationDetail;
  /** 上传保单 body (plaintext `insured_name_list`). */
  uploadPolicyRequest(overrides?: Partial<UploadPolicyRequest>): UploadPolicyRequest;
  /** 更新保单信息 body: a few fields of a policy. */
  updatePolicyRequest(overrides?: Partial<UpdatePolicyRequest>): UpdatePolicyRequest;
  /** A policy as answered by uploadPolicy / queryPolicy / updatePolicy (plaintext names). */
  policy(overrides?: Partial<Policy>): Policy;
  /** 绑定代扣签约 body. */
  bindContractRequest(overrides?: Partial<BindContractRequest>): BindContractRequest;
}

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';
const DIGITS = '0123456789';
const OPENID = ALNUM + '-_';
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
  '欧阳',
  '司马',
  '诸葛',
  '上官',
] as const;
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀',
  '霞',
  '平',
  '刚',
  '桂',
  '英',
  '华',
  '文',
  '建',
  '国',
  '红',
  '玉',
  '兰',
  '子',
  '涵',
] as const;
const TRANSLITERATED = ['阿卜杜拉·买买提', '古丽娜尔·吐尔逊', '迪丽热巴·迪力木拉提'] as const;
const BRANDS = ['微医保', '众安', '平安', '太平洋', '泰康', '人保', '国寿', '新华'] as const;
const PRODUCTS = [
  '百万医疗险',
  '意外险',
  '重疾险',
  '车险',
  '宠物险',
  '家财险',
  '定期寿险',
  '年金险',
  '门诊险',
] as const;
const COVERAGE = [
  '可保190种疾病,确诊一次性赔付',
  '意外身故及伤残最高赔付50万元',
  '住院医疗费用100%报销，不限社保',
  '车辆损失及第三者责任',
  '宠物医疗费用按比例报销',
  '房屋主体及室内财产损失',
] as const;
const PLATES = '京沪粤浙苏川鄂湘鲁豫';
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const PETS = ['旺财', '咪咪', '豆豆', '球球', '小白', '可乐', '团子', 'Lucky', 'Coco'] as const;
const CITIES = [
  '北京市朝阳区',
  '上海市浦东新区',
  '广东省深圳市南山区',
  '浙江省杭州市西湖区',
] as const;

/** 2024-01-01T00:00:00+08:00, the start of generated dates. */
const EPOCH = Date.UTC(2023, 11, 31, 16);
const DAY = 24 * 3600 * 1000;

function values<T extends Record<string, string>>(constants: T): T[keyof T][] {
  return Object.values(constants) as T[keyof T][];
}

function alnum(r: Random, min: number, max: number): string {
  return r.string(ALNUM, r.int(min, max));
}

function appid(r: Random): string {
  return 'wx' + r.string(HEX, 16);
}

function planId(r: Random): string {
  return String(r.int(1, 9)) + r.string(DIGITS, r.int(3, 7));
}

function insuranceName(r: Random): string {
  return `${r.pick(BRANDS)}·${r.pick(PRODUCTS)}`;
}

/** A Chinese name of 2–4 characters, or now and then a transliterated one with a middle dot. */
export function chineseName(r: Random): string {
  if (r.bool(0.05)) return r.pick(TRANSLITERATED);
  let name: string = r.pick(SURNAMES);
  for (let i = r.int(1, 2); i > 0; i--) name += r.pick(GIVEN);
  return name;
}

function names(r: Random): string[] {
  return Array.from({ length: r.int(1, 11) }, () => chineseName(r));
}

/** Fields shared by the upload body and the policy, with the if/then requirements met. */
function policyCore(r: Random) {
  const effective = EPOCH + r.int(0, 3 * 365) * DAY;
  const expired = effective + r.int(30, 5 * 365) * DAY;
  const policyType = r.pick(values(PolicyType));
  const policyState = r.pick(values(PolicyState));
  const supportRenewal = r.bool();
  const core = {
    out_insurance_no: alnum(r, 8, 32),
    insured_name_list: names(r),
    insurance_company_code: r.string(DIGITS, r.int(4, 6)),
    effective_time: toWechatTime(effective),
    expired_time: toWechatTime(expired),
    coverage_detail: r.pick(COVERAGE),
    support_renewal: supportRenewal,
    policy_type: policyType,
    policy_state: policyState,
    plan_id: planId(r),
    out_contract_code: alnum(r, 8, 32),
    free_insurance: r.bool(0.2),
  };
  const optional: Partial<Policy> = {};
  if (supportRenewal) {
    optional.start_renewal_time = toWechatTime(expired - r.int(1, 30) * DAY);
    optional.end_renewal_time = toWechatTime(expired);
  }
  if (r.bool(0.3)) optional.address = r.pick(CITIES) + `${r.int(1, 999)}号`;
  if (r.bool(0.5)) {
    const method = r.pick(values(PaymentMethod));
    optional.payment_method = method;
    if (method === PaymentMethod.PERIOD) {
      optional.combined_payment = r.bool();
      optional.period_premium_mode = r.pick(values(PeriodPremiumMode));
      optional.payment_period = r.pick(values(PaymentPeriod));
      optional.first_period_amount = r.int(1, 100_000);
      optional.subsequent_period_amount = r.int(1, 100_000);
    }
  }
  if (r.bool(0.5)) optional.coverage_term_type = r.pick(values(CoverageTermType));
  return { core, optional };
}

/** Fills the spec's conditional requirements that overrides may have switched on. */
function meetConditions<
  T extends {
    policy_type?: string;
    policy_state?: string;
    car_number?: string;
    pet_name?: string;
    policy_code?: string;
  },
>(r: Random, body: T): T {
  if (body.policy_type === PolicyType.CAR && body.car_number === undefined) {
    body.car_number =
      r.pick([...PLATES]) + r.pick([...PLATE_LETTERS]) + r.string(ALNUM.slice(0, 36), 5);
  }
  if (body.policy_type === PolicyType.PET && body.pet_name === undefined) {
    body.pet_name = r.pick(PETS);
  }
  if (
    (body.policy_state === PolicyState.APPROVED || body.policy_state === PolicyState.INACTIVE) &&
    body.policy_code === undefined
  ) {
    body.policy_code = 'PC' + r.string(DIGITS, 12);
  }
  return body;
}

/**
 * `createDataFactory(seed)`: repeatable, spec-valid bodies for tests and demos. The spec's
 * examples remain the defaults of the handlers; use this for many distinct values.
 */
export function createDataFactory(seed: number | string = 0): DataFactory {
  const calls = new Map<string, number>();
  /** The stream of the next call for `schema`: `seed`, schema name and call index. */
  const stream = (schema: string): Random => {
    const index = calls.get(schema) ?? 0;
    calls.set(schema, index + 1);
    return new Random(`${String(seed)}\u0000${schema}\u0000${index}`);
  };

  return {
    seed,
    submitAuthorizationRequest(overrides = {}) {
      const r = stream('SubmitAuthorizationRequest');
      const body: SubmitAuthorizationRequest = {
        out_insurance_no: alnum(r, 8, 32),
        appid: appid(r),
        plan_id: planId(r),
        out_contract_code: alnum(r, 8, 32),
        insurance_name: insuranceName(r),
      };
      if (r.bool(0.2)) {
        body.payee_mchid = '19' + r.string(DIGITS, 8);
        body.payee_appid = appid(r);
      }
      return { ...body, ...overrides };
    },
    authorization(overrides = {}) {
      return { ...authorizationOf(stream('Authorization')), ...overrides };
    },
    authorizationDetail(overrides = {}) {
      return { ...authorizationOf(stream('AuthorizationDetail')), ...overrides };
    },
    uploadPolicyRequest(overrides = {}) {
      const r = stream('UploadPolicyRequest');
      const { core, optional } = policyCore(r);
      const body: UploadPolicyRequest = {
        ...core,
        ...optional,
        appid: appid(r),
        openid: 'o' + r.string(OPENID, 27),
      };
      return meetConditions(r, { ...body, ...overrides });
    },
    updatePolicyRequest(overrides = {}) {
      const r = stream('UpdatePolicyRequest');
      const { core, optional } = policyCore(r);
      const full: Record<string, unknown> = {
        ...core,
        ...optional,
        insurance_name: insuranceName(r),
      };
      delete full.out_insurance_no; // a path parameter
      delete full.insurance_company_code; // not updatable
      const body: Record<string, unknown> = {};
      for (const key of Object.keys(full)) if (r.bool(0.3)) body[key] = full[key];
      return meetConditions(r, { ...(body as UpdatePolicyRequest), ...overrides });
    },
    policy(overrides = {}) {
      const r = stream('Policy');
      const { core, optional } = policyCore(r);
      const body: Policy = { ...core, ...optional, insurance_name: insuranceName(r) };
      return meetConditions(r, { ...body, ...overrides });
    },
    bindContractRequest(overrides = {}) {
      const r = stream('BindContractRequest');
      return {
        appid: appid(r),
        plan_id: planId(r),
        out_contract_code: alnum(r, 8, 32),
        ...overrides,
      };
    },
  };
}

/** An authorization as queried: the time the user granted is set once they have. */
function authorizationOf(r: Random): AuthorizationDetail {
  const state = r.pick(values(AuthState));
  const body: AuthorizationDetail = {
    out_insurance_no: alnum(r, 8, 32),
    appid: appid(r),
    plan_id: planId(r),
    out_contract_code: alnum(r, 8, 32),
    insurance_name: insuranceName(r),
    auth_state: state,
  };
  if (state === AuthState.GRANTED || state === AuthState.EXPIRED) {
    body.user_auth_time = toWechatTime(EPOCH + r.int(0, 3 * 365 * 24 * 3600) * 1000);
  }
  return body;
}
