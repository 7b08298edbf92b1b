import { describe, expectTypeOf, it } from 'vitest';
import {
  AuthState,
  CoverageTermType,
  ErrorCode,
  PaymentMethod,
  PaymentPeriod,
  PeriodPremiumMode,
  PolicyState,
  PolicyType,
  createInspolicymgrClient,
  toApiError,
  type Authorization,
  type AuthorizationDetail,
  type BindContractRequest,
  type ErrorResponse,
  type GrantedNotification,
  type GrantedNotificationResource,
  type NotificationFailureReply,
  type PendingUploadQueryNotification,
  type PendingUploadQueryNotificationResource,
  type PendingUploadQueryReply,
  type Policy,
  type SubmitAuthorizationRequest,
  type UpdatePolicyRequest,
  type UploadPolicyRequest,
  type components,
  type operations,
  type paths,
  type webhooks,
  type WebhookResources,
} from '../src/index.js';

declare const options: Parameters<typeof createInspolicymgrClient>[0];
const client = createInspolicymgrClient(options);
const path = { out_insurance_no: 'A1' };
const serial = { 'Wechatpay-Serial': 'PUB_KEY_ID_1' };

describe('types', () => {
  it('enum const objects and union types agree with the spec types', () => {
    expectTypeOf<AuthState>().toEqualTypeOf<components['schemas']['AuthState']>();
    expectTypeOf<PolicyType>().toEqualTypeOf<components['schemas']['PolicyType']>();
    expectTypeOf(AuthState.GRANTED).toEqualTypeOf<'AUTH_STATE_GRANTED'>();
  });

  it('a wrong enum value is a compile error', () => {
    const ok: components['schemas']['Policy']['policy_state'] = 'POLICY_STATE_APPROVED';
    // @ts-expect-error: not a policy state
    const wrong: components['schemas']['Policy']['policy_state'] = 'POLICY_STATE_ACTIVE';
    void client.updatePolicy({
      params: { path, header: serial },
      // @ts-expect-error: not a policy type
      body: { policy_type: 'POLICY_TYPE_HOUSE' },
    });
    void [ok, wrong];
  });

  it('a missing required field is a compile error', () => {
    void client.submitAuthorization({
      // @ts-expect-error: insurance_name is required
      body: { out_insurance_no: 'A1', appid: 'wx1', plan_id: '12535', out_contract_code: 'C1' },
    });
    // @ts-expect-error: the path parameter is required
    void client.queryPolicy({ params: { path: {} } });
    // @ts-expect-error: the body is required
    void client.updatePolicy({ params: { path } });
    // Wechatpay-Serial is set by the client, so callers may leave it out.
    void client.updatePolicy({ params: { path }, body: {} });
  });

  it('plan_id is a string', () => {
    void client.bindContract({
      // @ts-expect-error: plan_id is a string (D1), not a number
      body: { appid: 'wx1', plan_id: 12535, out_contract_code: 'C1' },
      params: { path },
    });
  });

  it('a wrong path is a compile error', () => {
    // @ts-expect-error: no such path
    void client.GET('/v3/inspolicymgr/deduct/policy/{out_insurance_no}', { params: { path } });
  });

  it('a wrong method is a compile error', () => {
    // @ts-expect-error: the authorizations collection has no GET
    void client.GET('/v3/inspolicymgr/deduct/authorizations');
    // @ts-expect-error: policies cannot be deleted
    void client.DELETE('/v3/inspolicymgr/deduct/policies/{out_insurance_no}', { params: { path } });
    // @ts-expect-error: no operation of that name
    void client.deletePolicy;
  });

  it('results are typed from the responses', async () => {
    const { data, error } = await client.queryPolicy({ params: { path } });
    expectTypeOf(data).toEqualTypeOf<components['schemas']['Policy'] | undefined>();
    expectTypeOf(error).toEqualTypeOf<components['schemas']['ErrorResponse'] | undefined>();
    const viaPath = await client.GET('/v3/inspolicymgr/deduct/policies/{out_insurance_no}', {
      params: { path },
    });
    expectTypeOf(viaPath.data).toEqualTypeOf(data);
    // openapi-fetch's own path-based methods see open string unions as plain strings.
    expectTypeOf(viaPath.error?.code).toEqualTypeOf<string | undefined>();
  });

  it('names every component schema: its enum, or a type of its own name', () => {
    interface Named {
      AuthState: AuthState;
      PolicyType: PolicyType;
      PolicyState: PolicyState;
      PaymentMethod: PaymentMethod;
      PeriodPremiumMode: PeriodPremiumMode;
      PaymentPeriod: PaymentPeriod;
      CoverageTermType: CoverageTermType;
      ErrorCode: ErrorCode;
      SubmitAuthorizationRequest: SubmitAuthorizationRequest;
      Authorization: Authorization;
      AuthorizationDetail: AuthorizationDetail;
      UploadPolicyRequest: UploadPolicyRequest;
      UpdatePolicyRequest: UpdatePolicyRequest;
      Policy: Policy;
      BindContractRequest: BindContractRequest;
      ErrorResponse: ErrorResponse;
      GrantedNotification: GrantedNotification;
      GrantedNotificationResource: GrantedNotificationResource;
      PendingUploadQueryNotification: PendingUploadQueryNotification;
      PendingUploadQueryNotificationResource: PendingUploadQueryNotificationResource;
      PendingUploadQueryReply: PendingUploadQueryReply;
      NotificationFailureReply: NotificationFailureReply;
    }
    expectTypeOf<keyof Named>().toEqualTypeOf<keyof components['schemas']>();
    expectTypeOf<Named>().toEqualTypeOf<components['schemas']>();
  });

  it('exports the spec types', () => {
    expectTypeOf<keyof operations>().toEqualTypeOf<
      | 'submitAuthorization'
      | 'queryAuthorization'
      | 'uploadPolicy'
      | 'queryPolicy'
      | 'updatePolicy'
      | 'bindContract'
      | 'grantedNotification'
      | 'pendingUploadQueryNotification'
    >();
    expectTypeOf<keyof webhooks>().toEqualTypeOf<
      'INSURANCE_POLICY_MANAGEMENT.GRANTED' | 'INSURANCE_POLICY_MANAGEMENT.PENDING_UPLOAD_QUERY'
    >();
    expectTypeOf<paths['/v3/inspolicymgr/deduct/policies']['post']>().toEqualTypeOf<
      operations['uploadPolicy']
    >();
    expectTypeOf<
      WebhookResources['INSURANCE_POLICY_MANAGEMENT.GRANTED']['auth_state']
    >().toEqualTypeOf<AuthState>();
  });
});

describe('errors', () => {
  it('types error codes as the documented ones, still open to others', async () => {
    const result = await client.queryPolicy({ params: { path } });
    expectTypeOf(result.error?.code).toEqualTypeOf<ErrorCode | undefined>();
    const known: ErrorCode = ErrorCode.SIGN_ERROR;
    const other: ErrorCode = 'SOME_FUTURE_CODE';
    expectTypeOf<'PARAM_ERROR'>().toExtend<ErrorCode>();
    // @ts-expect-error: a code is a string
    const notCode: ErrorCode = 400;
    void [known, other, notCode];
  });

  it('toApiError carries the codes, and is defined once the result holds an error', async () => {
    const result = await client.queryPolicy({ params: { path } });
    expectTypeOf(toApiError(result)?.code).toEqualTypeOf<ErrorCode | undefined>();
    if (result.error) {
      expectTypeOf(result.error.code).toEqualTypeOf<ErrorCode>();
      expectTypeOf(toApiError(result).code).toEqualTypeOf<ErrorCode>();
    }
    const { error, response } = result;
    // @ts-expect-error: `error` may be undefined, so may the failure
    void toApiError({ error, response }).code;
  });
});
