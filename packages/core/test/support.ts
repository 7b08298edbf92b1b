import { createWechatpayClient } from '../src/client/wechatpay-client.js';
import type { WechatpayClientOptions } from '../src/index.js';
import type { OperationDescriptor } from '../src/protocol/operation.js';
import { createTestKeyPair, signAsWechatpay } from '../src/testing.js';

export const [merchantPair, wechatpayPair] = await Promise.all([
  createTestKeyPair(),
  createTestKeyPair(),
]);
export const KEY_ID = 'PUB_KEY_ID_0114232134912410000000000000';
export const MERCHANT_SERIAL = '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C';

export const credentials = {
  mchid: '1900000001',
  merchant: { serialNo: MERCHANT_SERIAL, privateKey: merchantPair.privateKey },
  wechatpay: { publicKeyId: KEY_ID, publicKey: wechatpayPair.publicKey },
} satisfies Partial<WechatpayClientOptions>;

const row = (
  operationId: string,
  method: OperationDescriptor['method'],
  path: string,
  encrypted: string[] = [],
) => ({
  operationId,
  method,
  path,
  successStatus: 200,
  requiredHeaders: [],
  encryptedFields: { request: encrypted, response: encrypted },
});

/** A tiny API: a GET, a POST and a POST with an encrypted field. */
export const table = {
  getThing: row('getThing', 'GET', '/v3/things/{id}'),
  addThing: row('addThing', 'POST', '/v3/things'),
  addPerson: row('addPerson', 'POST', '/v3/people', ['/names/*']),
} satisfies Record<string, OperationDescriptor>;

type Method = (init?: any) => Promise<{ data?: any; error?: any; response: Response }>;
export type TestClient = Record<keyof typeof table, Method>;

export function client(
  fetch: (request: Request) => Promise<Response>,
  extra: Partial<WechatpayClientOptions> = {},
) {
  return createWechatpayClient<any, TestClient>(
    { ...credentials, fetch, retry: { baseDelayMs: 1 }, ...extra },
    { operations: table, product: '@wechatpay-kit/test' },
  );
}

/** An answer signed by the simulated WeChat Pay key; `edit` may tamper with it afterwards. */
export async function signed(
  body: unknown,
  {
    status = 200,
    now,
    edit,
  }: { status?: number; now?: number; edit?: (headers: Record<string, string>) => void } = {},
): Promise<Response> {
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers = await signAsWechatpay(text, {
    privateKey: wechatpayPair.privateKey,
    serial: KEY_ID,
    ...(now ? { now } : {}),
  });
  edit?.(headers);
  return new Response(text || null, {
    status,
    headers: { 'Content-Type': 'application/json', 'Request-ID': 'req-1', ...headers },
  });
}

/** A fetch that records requests and answers from a queue of replies. */
export function scripted(...replies: ((request: Request) => Promise<Response> | Response)[]) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request.clone());
    const reply = replies.shift();
    if (!reply) {
      throw new Error('no more scripted replies');
    }
    return reply(request);
  };
  return { fetch, requests };
}
