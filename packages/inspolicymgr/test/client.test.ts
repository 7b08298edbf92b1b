import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AuthState,
  DEFAULT_BASE_URL,
  PolicyState,
  WechatpayApiError,
  createInspolicymgrClient,
  toApiError,
  operationTable,
  webhookTable,
} from '../src/index.js';
import {
  OUT_INSURANCE_NO,
  WECHATPAY_KEY_ID,
  credentials,
  decryptAsWechatpay,
  json,
  policy,
  recordingFetch,
} from './fixtures.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createInspolicymgrClient', () => {
  it('calls an operation method with its method, path and path parameters', async () => {
    const { fetch, requests } = recordingFetch(() => json(policy));
    const client = createInspolicymgrClient({ ...credentials, fetch });
    const { data, error, response } = await client.queryPolicy({
      params: { path: { out_insurance_no: OUT_INSURANCE_NO } },
    });
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.url).toBe(
      `${DEFAULT_BASE_URL}/v3/inspolicymgr/deduct/policies/${OUT_INSURANCE_NO}`,
    );
    expect(data).toEqual(policy);
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
  });

  it('sends the JSON body and header parameters of a POST', async () => {
    const { fetch, requests } = recordingFetch(() => json(policy));
    const client = createInspolicymgrClient({
      ...credentials,
      fetch,
      baseUrl: 'https://api2.mch.weixin.qq.com',
    });
    const { insurance_name: _name, ...upload } = policy;
    const body = { ...upload, appid: 'wxd678efh567hg6787', openid: 'oYobu0MVnQfWpSMOYJz2AHPG_gQw' };
    await client.uploadPolicy({
      body,
      params: { header: { 'Wechatpay-Serial': 'PUB_KEY_ID_0114232134912410000000000000' } },
    });
    const request = requests[0] as Request;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://api2.mch.weixin.qq.com/v3/inspolicymgr/deduct/policies');
    expect(request.headers.get('Wechatpay-Serial')).toBe(WECHATPAY_KEY_ID);
    const sent = (await request.json()) as typeof body;
    expect(sent.insured_name_list[0]).not.toBe('张三');
    expect(await decryptAsWechatpay(sent.insured_name_list[0] as string)).toBe('张三');
    expect({ ...sent, insured_name_list: body.insured_name_list }).toEqual(body);
  });

  it('answers PATCH and 204 operations', async () => {
    const { fetch, requests } = recordingFetch((request) =>
      request.method === 'PATCH' ? json(policy) : new Response(null, { status: 204 }),
    );
    const client = createInspolicymgrClient({ ...credentials, fetch });
    const path = { out_insurance_no: OUT_INSURANCE_NO };
    const updated = await client.updatePolicy({
      params: { path, header: { 'Wechatpay-Serial': 'PUB_KEY_ID_1' } },
      body: { policy_state: PolicyState.APPROVED, policy_code: 'Coisihsiaxishishi4hihsid1ii411co' },
    });
    const bound = await client.bindContract({
      params: { path },
      body: {
        appid: 'wx7f3f0032b6e6f0cc',
        plan_id: '12535',
        out_contract_code: 'G7mQa2RfT9vXe4Bc1Ht5',
      },
    });
    expect(requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual(
      [
        `PATCH /v3/inspolicymgr/deduct/policies/${OUT_INSURANCE_NO}`,
        `POST /v3/inspolicymgr/deduct/policies/${OUT_INSURANCE_NO}/bind-contract`,
      ],
    );
    expect(updated.data).toEqual(policy);
    expect(bound.response.status).toBe(204);
    expect(bound.data).toBeUndefined();
  });

  it('returns WeChat error bodies as `error`, and toApiError adds status and Request-ID', async () => {
    const body = { code: 'RESOURCE_NOT_EXISTS', message: '保单不存在' };
    const client = createInspolicymgrClient({
      ...credentials,
      fetch: recordingFetch(() => json(body, 404, { 'Request-ID': 'R-404' })).fetch,
    });
    const { data, error, response } = await client.queryAuthorization({
      params: { path: { out_insurance_no: 'Missing1' } },
    });
    expect(data).toBeUndefined();
    expect(error).toEqual(body);
    expect(response.status).toBe(404);
    const failure = toApiError({ error, response });
    expect(failure).toBeInstanceOf(WechatpayApiError);
    expect(failure).toMatchObject({ status: 404, code: 'RESOURCE_NOT_EXISTS', requestId: 'R-404' });
    expect(failure?.message).toBe('404 RESOURCE_NOT_EXISTS: 保单不存在 (Request-ID R-404)');
  });

  it('toApiError also reports an error answer without a body', async () => {
    const client = createInspolicymgrClient({
      ...credentials,
      retry: false,
      fetch: recordingFetch(
        () =>
          new Response(null, {
            status: 404,
            statusText: 'Not Found',
            headers: { 'Content-Length': '0', 'Request-ID': 'R-empty' },
          }),
      ).fetch,
    });
    const result = await client.queryPolicy({ params: { path: { out_insurance_no: 'Missing1' } } });
    expect(result.error).toBeUndefined();
    expect(toApiError(result)).toMatchObject({
      status: 404,
      code: 'HTTP_404',
      message: '404 HTTP_404: Not Found (Request-ID R-empty)',
      requestId: 'R-empty',
    });
  });

  it('toApiError gives undefined for a 2xx answer', async () => {
    const client = createInspolicymgrClient({
      ...credentials,
      fetch: recordingFetch(() => json(policy)).fetch,
    });
    const result = await client.queryPolicy({
      params: { path: { out_insurance_no: OUT_INSURANCE_NO } },
    });
    expect(toApiError(result)).toBeUndefined();
  });

  it('keeps the path-typed openapi-fetch methods', async () => {
    const { fetch, requests } = recordingFetch(() =>
      json({
        out_insurance_no: 'A1',
        appid: 'wx1',
        plan_id: '1',
        out_contract_code: 'C1',
        insurance_name: 'n',
        auth_state: AuthState.INIT,
      }),
    );
    const client = createInspolicymgrClient({ ...credentials, fetch });
    const { data } = await client.GET('/v3/inspolicymgr/deduct/authorizations/{out_insurance_no}', {
      params: { path: { out_insurance_no: 'A1' } },
    });
    expect(data?.auth_state).toBe('AUTH_STATE_INIT');
    expect(requests[0]?.url).toBe(`${DEFAULT_BASE_URL}/v3/inspolicymgr/deduct/authorizations/A1`);
  });

  it('looks up globalThis.fetch on every call, so mocks installed later apply', async () => {
    const client = createInspolicymgrClient(credentials);
    const { fetch, requests } = recordingFetch(() => json(policy));
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      fetch(new Request(input, init)),
    );
    await client.queryPolicy({ params: { path: { out_insurance_no: OUT_INSURANCE_NO } } });
    expect(requests).toHaveLength(1);
  });

  it('runs caller middleware', async () => {
    const seen: string[] = [];
    const client = createInspolicymgrClient({
      ...credentials,
      fetch: recordingFetch(() => json(policy)).fetch,
      middleware: [
        {
          onRequest: ({ request, schemaPath }) => void seen.push(`${request.method} ${schemaPath}`),
        },
      ],
    });
    await client.queryPolicy({ params: { path: { out_insurance_no: OUT_INSURANCE_NO } } });
    expect(seen).toEqual(['GET /v3/inspolicymgr/deduct/policies/{out_insurance_no}']);
  });
});

describe('exports', () => {
  it('enum const objects hold the wire values', () => {
    expect(Object.values(AuthState)).toEqual([
      'AUTH_STATE_INIT',
      'AUTH_STATE_PENDING',
      'AUTH_STATE_GRANTED',
      'AUTH_STATE_DENIED',
      'AUTH_STATE_EXPIRED',
    ]);
    expect(PolicyState.DECLINED).toBe('POLICY_STATE_DECLINED');
  });

  it('the operation table covers every operation with its security facts', () => {
    expect(Object.keys(operationTable)).toEqual([
      'submitAuthorization',
      'queryAuthorization',
      'uploadPolicy',
      'queryPolicy',
      'updatePolicy',
      'bindContract',
    ]);
    expect(operationTable.uploadPolicy).toMatchObject({
      requiredHeaders: ['Wechatpay-Serial'],
      encryptedFields: { request: ['/insured_name_list/*'], response: ['/insured_name_list/*'] },
    });
    expect(operationTable.queryPolicy.encryptedFields).toEqual({
      request: [],
      response: ['/insured_name_list/*'],
    });
    expect(operationTable.bindContract.successStatus).toBe(204);
    expect(Object.keys(webhookTable)).toEqual([
      'INSURANCE_POLICY_MANAGEMENT.GRANTED',
      'INSURANCE_POLICY_MANAGEMENT.PENDING_UPLOAD_QUERY',
    ]);
  });
});
