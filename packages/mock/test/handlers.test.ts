import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WechatpayVerificationError, toApiError } from '@wechatpay-kit/inspolicymgr';
import {
  createInspolicymgrHandlers,
  inspolicymgrHandlers,
} from '../src/products/inspolicymgr/index.js';
import { handlerUrl } from '../src/url.js';
import { OUT_INSURANCE_NO, handlerOptions, testClient } from './fixtures.js';
import { UNHANDLED_IS_ERROR } from './listen-options.js';

const handlers = createInspolicymgrHandlers(handlerOptions);
const server = setupServer(...handlers.all());
const client = testClient();
const path = { params: { path: { out_insurance_no: OUT_INSURANCE_NO } } };

beforeAll(() => server.listen(UNHANDLED_IS_ERROR));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('default handlers', () => {
  it('answer each operation with its spec example, signed and verified', async () => {
    const submitted = await client.submitAuthorization({
      body: {
        out_insurance_no: OUT_INSURANCE_NO,
        appid: 'wxd678efh567hg6787',
        plan_id: '12535',
        out_contract_code: 'wxwtdk20200910100000',
        insurance_name: '微医保·百万医疗险',
      },
    });
    expect(submitted.data).toEqual(handlers.handleSubmitAuthorization.example);
    expect(submitted.data?.auth_state).toBe('AUTH_STATE_INIT');
    const authorization = await client.queryAuthorization(path);
    expect(authorization.data).toEqual(handlers.handleQueryAuthorization.example);
    expect(authorization.response.headers.get('Wechatpay-Serial')).toBe(
      handlerOptions.wechatpay.serial,
    );
    const uploaded = await client.uploadPolicy({ body: {} as never });
    expect(uploaded.data).toEqual(handlers.handleUploadPolicy.example);
    const updated = await client.updatePolicy({ ...path, body: {} as never });
    expect(updated.data).toEqual(handlers.handleUpdatePolicy.example);
    const bound = await client.bindContract({
      ...path,
      body: { appid: 'wxd678efh567hg6787', plan_id: '12535', out_contract_code: 'wxwtdk1' },
    });
    expect(bound.response.status).toBe(204);
    expect(bound.error).toBeUndefined();
  });

  it('encrypt insured names for the merchant; the client decrypts them to the example', async () => {
    let wire: unknown;
    server.events.on('response:mocked', async ({ response }) => {
      wire = await response.clone().json();
    });
    const { data } = await client.queryPolicy(path);
    server.events.removeAllListeners();
    expect(data).toEqual(handlers.handleQueryPolicy.example);
    const names = handlers.handleQueryPolicy.example?.insured_name_list ?? [];
    expect(data?.insured_name_list).toEqual(names);
    expect(names).toHaveLength(1);
    // The spec's example shows the names as they travel, ciphertext; the mock answers plaintext.
    expect(names).not.toContain('tCk1JSUV2QUlCQURBTkJna3Foa2lHOXc');
    const sent = (wire as { insured_name_list: string[] }).insured_name_list[0];
    expect(sent).not.toBe(names[0]);
    expect(sent?.length).toBe(344); // base64 of a 2048-bit RSA-OAEP ciphertext
  });

  it('inspolicymgrHandlers(options) is the same list for setupServer / setupWorker', () => {
    const all = inspolicymgrHandlers(handlerOptions);
    expect(all.map((handler) => handler.info.header)).toEqual(
      handlers.all().map((handler) => handler.info.header),
    );
    expect(all.map((handler) => handler.info.header)).toContain(
      'PATCH https://api.mch.weixin.qq.com/v3/inspolicymgr/deduct/policies/:out_insurance_no',
    );
  });
});

describe('overrides', () => {
  it('by value: the 2xx body', async () => {
    server.use(
      handlers.handleQueryAuthorization({
        ...handlers.handleQueryAuthorization.example!,
        auth_state: 'AUTH_STATE_DENIED',
      }),
    );
    const { data } = await client.queryAuthorization(path);
    expect(data?.auth_state).toBe('AUTH_STATE_DENIED');
  });

  it('by { status, body }', async () => {
    server.use(
      handlers.handleQueryAuthorization({
        status: 429,
        body: { code: 'FREQUENCY_LIMITED', message: '频率超限' },
      }),
    );
    const result = await client.queryAuthorization(path);
    expect(result.response.status).toBe(429);
    expect(result.error).toMatchObject({ code: 'FREQUENCY_LIMITED' });
  });

  it('by an async resolver that sees the request and its path parameters', async () => {
    server.use(
      handlers.handleQueryPolicy(async ({ request, params }) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        expect(request.headers.get('Authorization')).toMatch(/^WECHATPAY2-SHA256-RSA2048 /);
        return {
          status: 200,
          body: {
            ...handlers.handleQueryPolicy.example!,
            out_insurance_no: params.out_insurance_no,
            insured_name_list: ['李四', '王五'],
          },
        };
      }),
    );
    const { data } = await client.queryPolicy({
      params: { path: { out_insurance_no: 'Other123' } },
    });
    expect(data?.out_insurance_no).toBe('Other123');
    expect(data?.insured_name_list).toEqual(['李四', '王五']);
  });

  it('.error(): a WeChat Pay error body, unsigned, as { error }', async () => {
    server.use(handlers.handleQueryPolicy.error(404, 'RESOURCE_NOT_EXISTS', '保单信息不存在'));
    const result = await client.queryPolicy(path);
    expect(result.data).toBeUndefined();
    expect(result.error).toEqual({ code: 'RESOURCE_NOT_EXISTS', message: '保单信息不存在' });
    expect(result.response.headers.get('Wechatpay-Signature')).toBeNull();
    expect(toApiError(result)).toMatchObject({ status: 404, code: 'RESOURCE_NOT_EXISTS' });
  });

  it('.error() with a detail', async () => {
    const detail = { field: '/plan_id', location: 'body', issue: 'too long' };
    server.use(
      handlers.handleUploadPolicy.error(400, 'PARAM_ERROR', '参数错误', detail, { once: true }),
    );
    const result = await client.uploadPolicy({
      body: {} as never,
    });
    expect(result.error).toEqual({ code: 'PARAM_ERROR', message: '参数错误', detail });
  });

  it('once: answers one request, then the default handler takes over', async () => {
    server.use(
      handlers.handleQueryPolicy.error(500, 'SYSTEM_ERROR', '系统错误', undefined, { once: true }),
    );
    expect((await client.queryPolicy(path)).response.status).toBe(500);
    expect((await client.queryPolicy(path)).response.status).toBe(200);
  });

  it('the default answer can be used once, too', async () => {
    // server.use() puts the first handler it is given first.
    server.use(
      handlers.handleQueryAuthorization(undefined, { once: true }),
      handlers.handleQueryAuthorization.error(403, 'NO_AUTH', '无权限'),
    );
    expect((await client.queryAuthorization(path)).response.status).toBe(200);
    expect((await client.queryAuthorization(path)).response.status).toBe(403);
  });
});

describe('signing and addresses', () => {
  it('a client with another WeChat Pay key rejects the answers (verification is real)', async () => {
    const { createTestKeyPair } = await import('@wechatpay-kit/core/testing');
    const other = await createTestKeyPair();
    const strict = testClient({
      wechatpay: { publicKeyId: handlerOptions.wechatpay.serial, publicKey: other.publicKey },
    });
    await expect(strict.queryAuthorization(path)).rejects.toBeInstanceOf(
      WechatpayVerificationError,
    );
  });

  it('baseUrl: another origin, or any with "*"', async () => {
    const other = createInspolicymgrHandlers({
      ...handlerOptions,
      baseUrl: 'https://api2.mch.weixin.qq.com/',
    });
    const any = createInspolicymgrHandlers({ ...handlerOptions, baseUrl: '*' });
    server.use(
      other.handleQueryAuthorization({ status: 403, body: { code: 'NO_AUTH', message: 'api2' } }),
      any.handleQueryAuthorization({ status: 403, body: { code: 'NO_AUTH', message: 'any' } }),
    );
    const api2 = testClient({ baseUrl: 'https://api2.mch.weixin.qq.com' });
    const local = testClient({ baseUrl: 'http://localhost:9999' });
    expect((await api2.queryAuthorization(path)).error?.message).toBe('api2');
    expect((await local.queryAuthorization(path)).error?.message).toBe('any');
    expect(handlerUrl('/v3/a/{b}/c', '*')).toBe('*/v3/a/:b/c');
  });
});
