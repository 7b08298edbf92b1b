import { describe, expect, it } from 'vitest';
import { WechatpayVerificationError, type VerificationFailure } from '../src/index.js';
import { KEY_ID, client, scripted, signed } from './support.js';

const NOW = 1_750_000_000_000;
const body = { out_insurance_no: 'A1', secret: 'only for verified callers' };

type Tamper = [name: string, reason: VerificationFailure, reply: () => Promise<Response>];

const tampered: Tamper[] = [
  ...(
    ['Wechatpay-Timestamp', 'Wechatpay-Nonce', 'Wechatpay-Signature', 'Wechatpay-Serial'] as const
  ).map((header): Tamper => [
    `lacks ${header}`,
    'missing-header',
    () => signed(body, { now: NOW, edit: (h) => delete h[header] }),
  ]),
  [
    'names an unknown serial',
    'unknown-serial',
    () => signed(body, { now: NOW, edit: (h) => (h['Wechatpay-Serial'] = 'PUB_KEY_ID_999') }),
  ],
  [
    'is 301 s older than the local clock',
    'stale-timestamp',
    () => signed(body, { now: NOW - 301_000 }),
  ],
  [
    'is 301 s newer than the local clock',
    'stale-timestamp',
    () => signed(body, { now: NOW + 301_000 }),
  ],
  [
    'has a non-numeric timestamp',
    'stale-timestamp',
    () => signed(body, { now: NOW, edit: (h) => (h['Wechatpay-Timestamp'] = '17e8') }),
  ],
  [
    'carries a WECHATPAY/SIGNTEST/ probe signature',
    'probe-signature',
    () =>
      signed(body, {
        now: NOW,
        edit: (h) => (h['Wechatpay-Signature'] = `WECHATPAY/SIGNTEST/${h['Wechatpay-Signature']}`),
      }),
  ],
  [
    'has a signature over a different body',
    'bad-signature',
    async () => {
      const original = await signed(body, { now: NOW });
      const text = (await original.text()).replace('only for', 'ONLY for');
      return new Response(text, { status: 200, headers: original.headers });
    },
  ],
  [
    'has a valid signature followed by junk',
    'bad-signature',
    () =>
      signed(body, {
        now: NOW,
        edit: (h) => (h['Wechatpay-Signature'] = `${h['Wechatpay-Signature']}, AAAA`),
      }),
  ],
  [
    'has a signature that is not base64',
    'bad-signature',
    () => signed(body, { now: NOW, edit: (h) => (h['Wechatpay-Signature'] = 'not base64!') }),
  ],
  [
    'is signed by another key',
    'bad-signature',
    async () => {
      const other = await signed(body, { now: NOW });
      const mine = await signed({ ...body, secret: 'x' }, { now: NOW });
      const headers = new Headers(other.headers);
      headers.set('Wechatpay-Signature', mine.headers.get('Wechatpay-Signature') ?? '');
      return new Response(await other.text(), { headers });
    },
  ],
  [
    'is a 204 without signature headers',
    'missing-header',
    async () => new Response(null, { status: 204 }),
  ],
];

describe('a 2xx answer that fails verification rejects the call, and its data never reaches the caller', () => {
  it.each(tampered)('%s', async (_name, reason, reply) => {
    const seen: unknown[] = [];
    const { fetch } = scripted(reply);
    const api = client(fetch, {
      now: () => NOW,
      middleware: [{ onResponse: ({ response }) => void seen.push(response) }],
    });
    const call = api.getThing({ params: { path: { id: '1' } } });
    await expect(call).rejects.toBeInstanceOf(WechatpayVerificationError);
    await expect(call).rejects.toMatchObject({ reason });
    expect(seen).toEqual([]);
  });
});

describe('answers that pass', () => {
  it('accepts a timestamp exactly 300 s away', async () => {
    const { fetch } = scripted(() => signed(body, { now: NOW - 300_000 }));
    const { data } = await client(fetch, { now: () => NOW }).getThing({
      params: { path: { id: '1' } },
    });
    expect(data).toEqual(body);
  });

  it('verifies a signed 204 over the empty body', async () => {
    const { fetch } = scripted(() => signed(undefined, { status: 204, now: NOW }));
    const { data, response } = await client(fetch, { now: () => NOW }).addThing({ body: {} });
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
  });

  it('passes unsigned error answers through as `error`', async () => {
    const { fetch } = scripted(
      () =>
        new Response('{"code":"PARAM_ERROR","message":"参数错误"}', {
          status: 400,
          headers: { 'Request-ID': 'r-9' },
        }),
    );
    const { error, response } = await client(fetch).getThing({ params: { path: { id: '1' } } });
    expect(error).toEqual({ code: 'PARAM_ERROR', message: '参数错误' });
    expect(response.headers.get('Request-ID')).toBe('r-9');
  });

  it('the error names the reason and the Request-ID', async () => {
    const { fetch } = scripted(() =>
      signed(body, { now: NOW, edit: (h) => (h['Wechatpay-Serial'] = 'PUB_KEY_ID_999') }),
    );
    const call = client(fetch, { now: () => NOW }).getThing({ params: { path: { id: '1' } } });
    await expect(call).rejects.toThrow(
      `Signature verification failed (unknown-serial): Wechatpay-Serial "PUB_KEY_ID_999" is not a configured WeChat Pay key`,
    );
    await expect(call).rejects.toMatchObject({ requestId: 'req-1' });
    expect(KEY_ID).not.toBe('PUB_KEY_ID_999');
  });
});
