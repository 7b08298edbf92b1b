import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '@wechatpay-kit/inspolicymgr';
import type { ErrorStatus, SuccessBody } from '../src/index.js';
import { createInspolicymgrHandlers } from '../src/products/inspolicymgr/index.js';
import type { operations } from '@wechatpay-kit/inspolicymgr';

declare const handlers: ReturnType<typeof createInspolicymgrHandlers>;
declare const policy: components['schemas']['Policy'];

describe('handler factory types', () => {
  it('take the 2xx body of their own operation', () => {
    expectTypeOf<SuccessBody<operations['queryPolicy']>>().toEqualTypeOf<
      components['schemas']['Policy']
    >();
    handlers.handleQueryPolicy(policy);
    // @ts-expect-error a policy is not an authorization
    handlers.handleQueryAuthorization(policy);
    // @ts-expect-error policy_state is an enum
    handlers.handleQueryPolicy({ ...policy, policy_state: 'POLICY_STATE_UNKNOWN' });
    // @ts-expect-error out_insurance_no is a string
    handlers.handleQueryPolicy({ ...policy, out_insurance_no: 1 });
  });

  it('take { status, body } typed per declared status', () => {
    handlers.handleQueryPolicy({ status: 200, body: policy });
    handlers.handleQueryPolicy({
      status: 404,
      body: { code: 'RESOURCE_NOT_EXISTS', message: 'x' },
    });
    handlers.handleBindContract({ status: 204 });
    // @ts-expect-error 418 is not a declared status
    handlers.handleQueryPolicy({ status: 418, body: { code: 'X', message: 'x' } });
    // @ts-expect-error a 404 body is an error body, not a policy
    handlers.handleQueryPolicy({ status: 404, body: policy });
    // @ts-expect-error a 200 body is a policy
    handlers.handleQueryPolicy({ status: 200, body: { code: 'X', message: 'x' } });
  });

  it('take a resolver, sync or async, with typed path parameters', () => {
    handlers.handleQueryPolicy(({ params }) => {
      expectTypeOf(params.out_insurance_no).toEqualTypeOf<string>();
      return policy;
    });
    handlers.handleQueryPolicy(async ({ request }) => {
      expectTypeOf(request).toExtend<Request>();
      return { status: 500, body: { code: 'SYSTEM_ERROR', message: 'x' } };
    });
    // @ts-expect-error the resolver must answer a policy or a declared reply
    handlers.handleQueryPolicy(async () => ({ status: 200, body: { auth_state: 'x' } }));
  });

  it('.error() takes only declared error statuses', () => {
    expectTypeOf<ErrorStatus<operations['queryPolicy']>>().toEqualTypeOf<
      400 | 401 | 403 | 404 | 429 | 500
    >();
    handlers.handleQueryPolicy.error(404, 'RESOURCE_NOT_EXISTS', '保单信息不存在');
    handlers.handleUploadPolicy.error(400, 'PARAM_ERROR', 'x', { field: '/plan_id' });
    // @ts-expect-error 200 is not an error status
    handlers.handleQueryPolicy.error(200, 'OK', 'x');
    // @ts-expect-error 418 is not declared
    handlers.handleQueryPolicy.error(418, 'TEAPOT', 'x');
  });
});
