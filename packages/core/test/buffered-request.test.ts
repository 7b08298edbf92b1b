import { describe, expect, it } from 'vitest';
import { importRsaKey, parseAuthorization, requestMessage, rsaVerify } from '../src/internal.js';
import { BufferedRequest } from '../src/transport/buffered-request.js';
import { client, merchantPair, scripted, signed } from './support.js';

const URL_ = 'https://api.mch.weixin.qq.com/v3/things';
const init = () => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: '{"name":"张三"}',
});

describe('BufferedRequest', () => {
  it('answers every body reader from the text, once', async () => {
    const request = new BufferedRequest(URL_, init());
    expect(request.method).toBe('POST');
    expect(request.headers.get('Content-Type')).toBe('application/json');
    expect(request.bodyUsed).toBe(false);
    expect(await request.json()).toEqual({ name: '张三' });
    expect(request.bodyUsed).toBe(true);
    await expect(request.text()).rejects.toThrow(TypeError);
  });

  it('reads as bytes, a blob and a stream like a standard request', async () => {
    const standard = new Request(URL_, init());
    expect(await new BufferedRequest(URL_, init()).bytes()).toEqual(await standard.clone().bytes());
    expect(await (await new BufferedRequest(URL_, init()).blob()).text()).toBe('{"name":"张三"}');
    expect(await new Response(new BufferedRequest(URL_, init()).body).text()).toBe(
      '{"name":"张三"}',
    );
    const get = new BufferedRequest(`${URL_}/1`);
    expect(get.body).toBeNull();
    expect(await get.text()).toBe('');
    expect(get.bodyUsed).toBe(false);
  });

  it('is a Request to instanceof checks, with url and method normalised as fetch does', () => {
    const request = new BufferedRequest('https://API.mch.weixin.qq.com/v3/a b?x=1', {
      method: 'post',
    });
    expect(request).toBeInstanceOf(Request);
    expect(request.url).toBe(new Request('https://API.mch.weixin.qq.com/v3/a b?x=1').url);
    expect(request.method).toBe('POST');
    expect(new BufferedRequest(URL_, { method: 'patch' }).method).toBe('patch');
    expect(request.signal.aborted).toBe(false);
  });

  it('is built as a standard Request when the body is not text', async () => {
    const form = new FormData();
    form.set('name', '张三');
    const request = new BufferedRequest(URL_, { method: 'POST', body: form });
    expect(request).not.toBeInstanceOf(BufferedRequest);
    expect(await request.text()).toContain('张三');
    const standard = new Request(URL_, init());
    const rebuilt = new BufferedRequest(standard, { headers: { 'X-Seen': '1' } });
    expect(rebuilt).not.toBeInstanceOf(BufferedRequest);
    expect(await rebuilt.text()).toBe('{"name":"张三"}');
  });

  it('gives a clone the same request and its own body', async () => {
    const controller = new AbortController();
    const request = new BufferedRequest(URL_, { ...init(), signal: controller.signal });
    const copy = request.clone();
    expect(copy).toBeInstanceOf(BufferedRequest);
    expect(copy.url).toBe(URL_);
    expect(await copy.text()).toBe(await request.text());
    expect(() => request.clone()).toThrow(TypeError);
    expect(copy.callerSignal).toBe(controller.signal);
    controller.abort();
    expect(copy.signal.aborted).toBe(true);
  });

  it("knows the caller's signal, through rebuilds, or that there is none", () => {
    const controller = new AbortController();
    const withSignal = new BufferedRequest(URL_, { ...init(), signal: controller.signal });
    expect(new BufferedRequest(withSignal, { body: '{}' }).callerSignal).toBe(controller.signal);
    const standard = new Request(URL_, { signal: controller.signal });
    expect(new BufferedRequest(standard).callerSignal).toBe(standard.signal);
    expect(new BufferedRequest(URL_, init()).callerSignal).toBeUndefined();
  });
});

describe('request bodies through the client', () => {
  it('signs and sends the exact JSON body, with or without caller middleware', async () => {
    // With middleware of the caller's, requests are standard ones the middleware may rebuild.
    const rebuild = {
      onRequest: ({ request }: { request: Request }) =>
        new Request(request, {
          headers: { ...Object.fromEntries(request.headers), 'X-Seen': '1' },
        }),
    };
    for (const middleware of [[], [rebuild]]) {
      const { fetch, requests } = scripted(() => signed({ id: 1 }));
      const { data } = await client(fetch, { middleware }).addThing({ body: { name: '张三' } });
      expect(data).toEqual({ id: 1 });
      const sent = requests[0] as Request;
      const body = await sent.text();
      expect(body).toBe('{"name":"张三"}');
      expect(sent.headers.get('X-Seen')).toBe(middleware.length ? '1' : null);
      const auth = parseAuthorization(sent.headers.get('Authorization'));
      const message = requestMessage({
        method: 'POST',
        url: '/v3/things',
        timestamp: auth?.timestamp ?? '',
        nonce: auth?.nonce_str ?? '',
        body,
      });
      const key = await importRsaKey(merchantPair.publicKey, 'verify', 'merchant public key');
      expect(await rsaVerify(key, message, auth?.signature ?? '')).toBe(true);
    }
  });
});
