import { WechatpayVerificationError, toApiError } from '@wechatpay-kit/core';
import {
  AuthState,
  PolicyState,
  createInspolicymgrClient,
  type InspolicymgrClientOptions,
} from '@wechatpay-kit/inspolicymgr';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  WECHATPAY_KEY_ID,
  answerSignatureValid,
  clientCredentials,
  createKeys,
  oaepDecrypt,
  oaepEncrypt,
  startServerFor,
} from './support/credentials.js';
import { uploadBody } from './support/policy-bodies.js';
import type { Tamper } from './support/wechat-server.js';

// The generated client, from dist, against a local server that signs, verifies, encrypts and
// decrypts with node:crypto on its own: nothing of @wechatpay-kit/core runs on the server side.

const keys = await createKeys();
const server = await startServerFor(keys);
afterAll(() => server.close());

interface WireExchange {
  request: Request;
  response: Response;
}

/** A client as a merchant creates it, whose fetch also keeps a copy of what went over the wire. */
function connect(overrides: Partial<InspolicymgrClientOptions> = {}) {
  const wire: WireExchange[] = [];
  const client = createInspolicymgrClient({
    ...clientCredentials(keys),
    baseUrl: server.url,
    retry: false,
    fetch: async (request) => {
      const sent = request.clone();
      const response = await globalThis.fetch(request);
      wire.push({ request: sent, response: response.clone() });
      return response;
    },
    ...overrides,
  });
  return { client, wire };
}

let sequence = 0;
/** A fresh `out_insurance_no` (digits and letters only). */
const newInsuranceNo = () => `E2E${Date.now()}N${(sequence += 1)}`;

/** An authorization the user has granted, ready for uploadPolicy. */
async function grantedAuthorization(client: ReturnType<typeof connect>['client']) {
  const outInsuranceNo = newInsuranceNo();
  const { error } = await client.submitAuthorization({
    body: {
      out_insurance_no: outInsuranceNo,
      appid: 'wxd678efh567hg6787',
      plan_id: '12535',
      out_contract_code: 'wxwtdk20200910100000',
      insurance_name: '微医保·百万医疗险',
    },
  });
  expect(error).toBeUndefined();
  server.grant(outInsuranceNo);
  return outInsuranceNo;
}

async function namesOnTheWire(message: Request | Response): Promise<string[]> {
  return ((await message.json()) as { insured_name_list: string[] }).insured_name_list;
}

describe('generated client against a WeChat-like server', () => {
  it('runs the policy flow: plaintext names in and out, ciphertext on the wire', async () => {
    const { client, wire } = connect();
    const first = server.exchanges.length;

    const submitted = await client.submitAuthorization({
      body: {
        out_insurance_no: 'E2EFLOW1',
        appid: 'wxd678efh567hg6787',
        plan_id: '12535',
        out_contract_code: 'wxwtdk20200910100000',
        insurance_name: '微医保·百万医疗险',
      },
    });
    expect(submitted.data?.auth_state).toBe(AuthState.INIT);

    server.grant('E2EFLOW1');
    const queried = await client.queryAuthorization({
      params: { path: { out_insurance_no: 'E2EFLOW1' } },
    });
    expect(queried.data).toMatchObject({
      out_insurance_no: 'E2EFLOW1',
      auth_state: AuthState.GRANTED,
    });

    const uploaded = await client.uploadPolicy({ body: uploadBody('E2EFLOW1', ['张三', '李四']) });
    expect(uploaded.error).toBeUndefined();
    expect(uploaded.data?.insured_name_list).toEqual(['张三', '李四']);
    expect(uploaded.data?.insurance_name).toBe('微医保·百万医疗险');
    expect(server.exchanges.at(-1)?.decryptedNames).toEqual(['张三', '李四']);

    const policy = await client.queryPolicy({ params: { path: { out_insurance_no: 'E2EFLOW1' } } });
    expect(policy.data?.insured_name_list).toEqual(['张三', '李四']);
    expect(policy.data?.policy_state).toBe(PolicyState.ISSUING);

    const updated = await client.updatePolicy({
      params: { path: { out_insurance_no: 'E2EFLOW1' } },
      body: {
        insured_name_list: ['王五'],
        policy_state: PolicyState.APPROVED,
        policy_code: 'Coisihsiaxishishi4hihsid1ii411co',
      },
    });
    expect(updated.data?.insured_name_list).toEqual(['王五']);
    expect(updated.data?.policy_state).toBe(PolicyState.APPROVED);
    expect(server.exchanges.at(-1)?.decryptedNames).toEqual(['王五']);
    expect(server.policies.get('E2EFLOW1')?.insured_name_list).toEqual(['王五']);

    const bound = await client.bindContract({
      params: { path: { out_insurance_no: 'E2EFLOW1' } },
      body: {
        appid: 'wxd678efh567hg6787',
        plan_id: '12536',
        out_contract_code: 'G7mQa2RfT9vXe4Bc1Ht5',
      },
    });
    expect(bound.response.status).toBe(204);
    expect(bound.data).toBeUndefined();
    expect(bound.error).toBeUndefined();
    expect(server.policies.get('E2EFLOW1')?.out_contract_code).toBe('G7mQa2RfT9vXe4Bc1Ht5');

    // The server verified every request signature with the merchant public key ...
    const exchanges = server.exchanges.slice(first);
    expect(exchanges.map((exchange) => `${exchange.status} ${exchange.method}`)).toEqual([
      '200 POST',
      '200 GET',
      '200 POST',
      '200 GET',
      '200 PATCH',
      '204 POST',
    ]);
    expect(exchanges.every((exchange) => exchange.signatureVerified)).toBe(true);
    // ... and every answer the client accepted verifies with the WeChat Pay public key.
    expect(wire).toHaveLength(6);
    for (const { response } of wire) {
      expect(response.headers.get('Wechatpay-Serial')).toBe(WECHATPAY_KEY_ID);
      expect(
        answerSignatureValid(
          response.headers,
          await response.clone().text(),
          keys.wechatpay.publicKey,
        ),
      ).toBe(true);
    }

    // Requests carry names encrypted for WeChat Pay, with Wechatpay-Serial naming its key.
    for (const [index, names] of [
      [2, ['张三', '李四']],
      [4, ['王五']],
    ] as const) {
      const request = (wire[index] as WireExchange).request;
      expect(request.headers.get('Wechatpay-Serial')).toBe(WECHATPAY_KEY_ID);
      const sent = await namesOnTheWire(request);
      expect(sent).not.toContain(names[0]);
      expect(sent.map((ciphertext) => oaepDecrypt(keys.wechatpay.privateKey, ciphertext))).toEqual(
        names,
      );
    }
    // Answers carry names encrypted for the merchant.
    for (const [index, names] of [
      [2, ['张三', '李四']],
      [3, ['张三', '李四']],
      [4, ['王五']],
    ] as const) {
      const received = await namesOnTheWire((wire[index] as WireExchange).response);
      expect(received).not.toContain(names[0]);
      expect(
        received.map((ciphertext) => oaepDecrypt(keys.merchant.privateKey, ciphertext)),
      ).toEqual(names);
    }
  });

  it('signs the Authorization header as the protocol describes', async () => {
    const { client, wire } = connect();
    await client.queryAuthorization({ params: { path: { out_insurance_no: 'NOSUCHRECORD' } } });
    const authorization = (wire[0] as WireExchange).request.headers.get('Authorization') ?? '';
    expect(authorization).toMatch(
      /^WECHATPAY2-SHA256-RSA2048 mchid="1900000001",nonce_str="[0-9A-Za-z]{32}",timestamp="\d{10}",serial_no="1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C",signature="[A-Za-z0-9+/]{342}=="$/,
    );
    expect(server.exchanges.at(-1)?.signatureVerified).toBe(true);
  });

  it('returns a 404 as { error } with the WeChat Pay code', async () => {
    const { client } = connect();
    const result = await client.queryPolicy({
      params: { path: { out_insurance_no: 'NOSUCHPOLICY' } },
    });
    expect(result.data).toBeUndefined();
    expect(result.response.status).toBe(404);
    expect(result.error).toMatchObject({ code: 'RESOURCE_NOT_EXISTS' });
    expect(result.error?.message).toEqual(expect.any(String));
    const failure = toApiError(result);
    expect(failure?.code).toBe('RESOURCE_NOT_EXISTS');
    expect(failure?.requestId).toBe(result.response.headers.get('Request-ID'));
    expect(failure?.requestId).toMatch(/-0$/);
  });

  it.each<[Tamper, WechatpayVerificationError['reason']]>([
    ['flip-body-byte', 'bad-signature'],
    ['probe-signature', 'probe-signature'],
    ['stale-timestamp', 'stale-timestamp'],
    ['missing-signature', 'missing-header'],
  ])('rejects an answer spoiled by %s', async (tamper, reason) => {
    const { client, wire } = connect();
    const outInsuranceNo = await grantedAuthorization(client);
    await client.uploadPolicy({ body: uploadBody(outInsuranceNo, ['张三']) });

    server.tamperNext(tamper);
    const call = client.queryPolicy({ params: { path: { out_insurance_no: outInsuranceNo } } });
    await expect(call).rejects.toBeInstanceOf(WechatpayVerificationError);
    await expect(call).rejects.toMatchObject({ reason });
    // The server did answer 200: the client refused it.
    expect(server.exchanges.at(-1)?.status).toBe(200);
    const response = (wire.at(-1) as WireExchange).response;
    expect(response.status).toBe(200);
    if (tamper === 'flip-body-byte') {
      // Exactly one byte differs from what was signed, and the JSON still parses.
      const text = await response.text();
      expect(() => JSON.parse(text) as unknown).not.toThrow();
      expect(answerSignatureValid(response.headers, text, keys.wechatpay.publicKey)).toBe(false);
    }
    // The next answer is fine again.
    const again = await client.queryPolicy({
      params: { path: { out_insurance_no: outInsuranceNo } },
    });
    expect(again.data?.insured_name_list).toEqual(['张三']);
  });
});

describe('the server checks requests like WeChat Pay', () => {
  it('answers 401 SIGN_ERROR to a request signed with another merchant key', async () => {
    const stranger = await createKeys();
    const { client } = connect({
      merchant: {
        serialNo: clientCredentials(keys).merchant.serialNo,
        privateKey: stranger.merchant.privateKey,
      },
    });
    const result = await client.queryAuthorization({
      params: { path: { out_insurance_no: 'ANY1' } },
    });
    expect(result.response.status).toBe(401);
    expect(result.error).toMatchObject({ code: 'SIGN_ERROR', message: '签名错误' });
    expect(server.exchanges.at(-1)?.signatureVerified).toBe(false);
  });

  it('answers 401 SIGN_ERROR when the body was changed after signing', async () => {
    const { client } = connect({
      fetch: async (request) => {
        const body = (await request.text()).replace('"12535"', '"12536"');
        return globalThis.fetch(new Request(request, { body }));
      },
    });
    const result = await client.submitAuthorization({
      body: {
        out_insurance_no: newInsuranceNo(),
        appid: 'wxd678efh567hg6787',
        plan_id: '12535',
        out_contract_code: 'wxwtdk20200910100000',
        insurance_name: '微医保·百万医疗险',
      },
    });
    expect(result.response.status).toBe(401);
    expect(result.error?.code).toBe('SIGN_ERROR');
  });

  it.each([-301, 301])(
    'answers 401 SIGN_ERROR when the client clock is %i s off',
    async (offset) => {
      // Both clocks fixed: the skew is exactly `offset`, however long the request takes.
      const serverTime = Date.now();
      const frozen = await startServerFor(keys, () => serverTime);
      onTestFinished(() => frozen.close());
      const { client } = connect({
        baseUrl: frozen.url,
        now: () => serverTime + offset * 1000,
      });
      const result = await client.queryAuthorization({
        params: { path: { out_insurance_no: 'ANY1' } },
      });
      expect(result.response.status).toBe(401);
      expect(result.error).toMatchObject({
        code: 'SIGN_ERROR',
        message: expect.stringContaining('5分钟') as unknown,
      });
    },
  );

  it('answers 400 when Wechatpay-Serial does not name the key the names were encrypted with', async () => {
    const { client } = connect({ encryptSensitiveFields: false });
    const outInsuranceNo = await grantedAuthorization(client);
    const body = uploadBody(outInsuranceNo, [oaepEncrypt(keys.wechatpay.publicKey, '赵六')]);

    const wrong = await client.uploadPolicy({
      body,
      params: { header: { 'Wechatpay-Serial': 'PUB_KEY_ID_0000000000000000000000000000' } },
    });
    expect(wrong.response.status).toBe(400);
    expect(wrong.error?.code).toBe('INVALID_REQUEST');

    // Encrypted by the caller and named correctly, it goes through; the answer is still decrypted.
    const right = await client.uploadPolicy({
      body,
      params: { header: { 'Wechatpay-Serial': WECHATPAY_KEY_ID } },
    });
    expect(right.error).toBeUndefined();
    expect(server.exchanges.at(-1)?.decryptedNames).toEqual(['赵六']);
    expect(right.data?.insured_name_list).toEqual(['赵六']);
  });
});
