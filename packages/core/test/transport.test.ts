import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importRsaKey } from '../src/crypto/keys.js';
import { rsaVerify } from '../src/crypto/rsa.js';
import {
  BACKUP_BASE_URL,
  DEFAULT_BASE_URL,
  WechatpayNetworkError,
  WechatpayTimeoutError,
} from '../src/index.js';
import { parseAuthorization } from '../src/protocol/authorization.js';
import { requestMessage } from '../src/protocol/messages.js';
import { MERCHANT_SERIAL, client, merchantPair, scripted, signed } from './support.js';

const refused = () => Promise.reject(new TypeError('fetch failed: ECONNREFUSED'));
const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify({ code: 'SYSTEM_ERROR', message: '系统繁忙' }), {
      status: code,
      headers,
    });

describe('signing', () => {
  it('signs method, path with query, timestamp, nonce and the exact body sent', async () => {
    const { fetch, requests } = scripted(() => signed({ ok: true }, { now: 1_700_000_000_123 }));
    await client(fetch, { now: () => 1_700_000_000_123 }).addThing({ body: { name: '张三' } });
    const request = requests[0] as Request;
    const auth = parseAuthorization(request.headers.get('Authorization'));
    expect(auth).toMatchObject({
      mchid: '1900000001',
      serial_no: MERCHANT_SERIAL,
      timestamp: '1700000000',
    });
    expect(auth?.nonce_str).toMatch(/^[0-9A-Za-z]{32}$/);
    const body = await request.text();
    expect(body).toBe('{"name":"张三"}');
    const message = requestMessage({
      method: 'POST',
      url: '/v3/things',
      timestamp: '1700000000',
      nonce: auth?.nonce_str ?? '',
      body,
    });
    const key = await importRsaKey(merchantPair.publicKey, 'verify', 'merchant public key');
    expect(await rsaVerify(key, message, auth?.signature ?? '')).toBe(true);
  });

  it('signs the query string and sends Accept, Content-Type and a User-Agent naming the package', async () => {
    const { fetch, requests } = scripted(() => signed({}));
    await client(fetch).getThing({ params: { path: { id: 'a b' }, query: { limit: 2 } } });
    const request = requests[0] as Request;
    expect(new URL(request.url).pathname + new URL(request.url).search).toBe(
      '/v3/things/a%20b?limit=2',
    );
    expect(request.headers.get('Accept')).toBe('application/json');
    expect(request.headers.get('User-Agent')).toMatch(
      /^@wechatpay-kit\/test wechatpay-kit\/\d+\.\d+\.\d+$/,
    );
    const auth = parseAuthorization(request.headers.get('Authorization'));
    const message = requestMessage({
      method: 'GET',
      url: '/v3/things/a%20b?limit=2',
      timestamp: auth?.timestamp ?? '',
      nonce: auth?.nonce_str ?? '',
      body: '',
    });
    const key = await importRsaKey(merchantPair.publicKey, 'verify', 'merchant public key');
    expect(await rsaVerify(key, message, auth?.signature ?? '')).toBe(true);
  });
});

describe('retries', () => {
  it('retries a GET on 5xx and 429, signing each attempt afresh', async () => {
    const { fetch, requests } = scripted(status(503), status(429, { 'Retry-After': '0' }), () =>
      signed({ id: 1 }),
    );
    const { data } = await client(fetch).getThing({ params: { path: { id: '1' } } });
    expect(data).toEqual({ id: 1 });
    const nonces = requests.map(
      (request) => parseAuthorization(request.headers.get('Authorization'))?.nonce_str,
    );
    expect(new Set(nonces).size).toBe(3);
  });

  it('does not retry a POST on 5xx unless the caller opts in', async () => {
    const once = scripted(status(500), () => signed({}));
    const { error, response } = await client(once.fetch).addThing({ body: {} });
    expect(response.status).toBe(500);
    expect(error).toEqual({ code: 'SYSTEM_ERROR', message: '系统繁忙' });
    expect(once.requests).toHaveLength(1);
    const opted = scripted(status(500), () => signed({ done: true }));
    const result = await client(opted.fetch, {
      retry: { baseDelayMs: 1, unsafeMethods: true },
    }).addThing({ body: {} });
    expect(result.data).toEqual({ done: true });
    expect(opted.requests).toHaveLength(2);
  });

  it('retries connection failures, moving to the backup host', async () => {
    const { fetch, requests } = scripted(refused, () => signed({ id: 1 }));
    const { data } = await client(fetch).addThing({ body: {} });
    expect(data).toEqual({ id: 1 });
    expect(requests.map((request) => new URL(request.url).origin)).toEqual([
      DEFAULT_BASE_URL,
      BACKUP_BASE_URL,
    ]);
  });

  it('gives up with a typed network error after the last attempt', async () => {
    const { fetch, requests } = scripted(refused, refused, refused);
    const call = client(fetch).getThing({ params: { path: { id: '1' } } });
    await expect(call).rejects.toBeInstanceOf(WechatpayNetworkError);
    await expect(call).rejects.toMatchObject({ attempts: 3, cause: expect.any(TypeError) });
    expect(requests).toHaveLength(3);
  });

  it('retry: false sends once', async () => {
    const { fetch, requests } = scripted(refused);
    await expect(
      client(fetch, { retry: false }).getThing({ params: { path: { id: '1' } } }),
    ).rejects.toBeInstanceOf(WechatpayNetworkError);
    expect(requests).toHaveLength(1);
  });
});

// Fake timers: the per-attempt timeout fires when the test moves time, never because signing or
// verifying took long on a busy machine.
describe('timeouts and abort', () => {
  beforeEach(
    () =>
      void vi.useFakeTimers({
        toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
      }),
  );
  afterEach(() => void vi.useRealTimers());

  /** A reply that answers only by failing when the request is aborted; `sent` resolves on the call. */
  function hanging() {
    let entered!: () => void;
    const sent = new Promise<void>((resolve) => (entered = resolve));
    const reply = (request: Request) => {
      entered();
      return new Promise<Response>((_, reject) =>
        request.signal.addEventListener('abort', () => reject(request.signal.reason)),
      );
    };
    return { reply, sent };
  }

  /** A 200 whose body starts and then stalls until the request is aborted. */
  function stalling() {
    let entered!: () => void;
    const sent = new Promise<void>((resolve) => (entered = resolve));
    const reply = (request: Request) => {
      entered();
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":'));
          request.signal.addEventListener('abort', () => controller.error(request.signal.reason));
        },
      });
      return new Response(body, { status: 200 });
    };
    return { reply, sent };
  }

  /** Whether the promise has settled yet, read after fake time moved. */
  function watch(promise: Promise<unknown>): () => boolean {
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    return () => settled;
  }

  /** Moves fake time 1 ms at a time (the retry backoff) until the `n`th request is sent. */
  async function untilSent(requests: readonly Request[], n: number): Promise<void> {
    while (requests.length < n) {
      await vi.advanceTimersByTimeAsync(1);
    }
  }

  it('rejects with a typed timeout error after timeoutMs, not before, less than two ticks late', async () => {
    for (const [timeoutMs, tick] of [
      [20, 1],
      [3200, 100],
    ] as const) {
      const first = hanging();
      const { fetch } = scripted(first.reply);
      const call = client(fetch, { timeoutMs, retry: false }).addThing({ body: {} });
      const settled = watch(call);
      await first.sent;
      await vi.advanceTimersByTimeAsync(timeoutMs - 1);
      expect(settled()).toBe(false);
      await vi.advanceTimersByTimeAsync(1 + 2 * tick);
      await expect(call).rejects.toBeInstanceOf(WechatpayTimeoutError);
      await expect(call).rejects.toMatchObject({ timeoutMs });
    }
  });

  it('retries a timed-out GET', async () => {
    const first = hanging();
    const { fetch, requests } = scripted(first.reply, () => signed({ id: 2 }));
    const call = client(fetch, { timeoutMs: 20 }).getThing({ params: { path: { id: '2' } } });
    await first.sent;
    await vi.advanceTimersByTimeAsync(21);
    await untilSent(requests, 2);
    expect((await call).data).toEqual({ id: 2 });
    expect(requests).toHaveLength(2);
  });

  it('the timeout covers a stalled body too, and a GET is retried', async () => {
    const first = stalling();
    const { fetch, requests } = scripted(first.reply, () => signed({ id: 3 }));
    const call = client(fetch, { timeoutMs: 20 }).getThing({ params: { path: { id: '3' } } });
    await first.sent;
    await vi.advanceTimersByTimeAsync(21);
    await untilSent(requests, 2);
    expect((await call).data).toEqual({ id: 3 });
    expect(requests).toHaveLength(2);

    const again = stalling();
    const once = scripted(again.reply);
    const failed = client(once.fetch, { timeoutMs: 20, retry: false }).getThing({
      params: { path: { id: '3' } },
    });
    const settled = watch(failed);
    await again.sent;
    await vi.advanceTimersByTimeAsync(19);
    expect(settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(3); // the timeout plus less than two 1 ms ticks
    await expect(failed).rejects.toBeInstanceOf(WechatpayTimeoutError);
  });

  it("honours the caller's AbortSignal and does not retry it", async () => {
    const first = hanging();
    const { fetch, requests } = scripted(first.reply, hanging().reply);
    const controller = new AbortController();
    const call = client(fetch).getThing({
      params: { path: { id: '1' } },
      signal: controller.signal,
    });
    await first.sent;
    controller.abort(new Error('user gave up'));
    await expect(call).rejects.toThrow('user gave up');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(1);
  });

  it("honours the caller's AbortSignal on a request rebuilt by field encryption", async () => {
    const first = hanging();
    const { fetch, requests } = scripted(first.reply, hanging().reply);
    const controller = new AbortController();
    const call = client(fetch).addPerson({ body: { names: ['张三'] }, signal: controller.signal });
    await first.sent;
    controller.abort(new Error('user gave up'));
    await expect(call).rejects.toThrow('user gave up');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(1);
  });
});
