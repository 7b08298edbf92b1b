import { describe, expect, it } from 'vitest';
import { WechatpayConfigError, WechatpayResponseTooLargeError } from '../src/index.js';
import { client, scripted, signed } from './support.js';

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;

/**
 * A 1 GiB body made on demand, one 64 KiB chunk per pull (the same buffer each time, so the
 * test never holds more than one chunk); it counts what was pulled and whether it was cancelled.
 */
function hugeBody(totalBytes = 1024 * MiB) {
  const chunk = new Uint8Array(CHUNK).fill(0x20);
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled >= totalBytes) {
          controller.close();
          return;
        }
        state.pulled += CHUNK;
        controller.enqueue(chunk);
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 }, // pull only when the reader asks: `pulled` is what was read
  );
  return { stream, state };
}

const getThing = (fetch: (request: Request) => Promise<Response>, extra = {}) =>
  client(fetch, extra).getThing({ params: { path: { id: '1' } } });

describe('maxResponseBytes', () => {
  it('stops reading a 1 GiB streamed answer just past the default 10 MiB and rejects, typed', async () => {
    const { stream, state } = hugeBody();
    const { fetch, requests } = scripted(() => new Response(stream, { status: 200 }));
    const call = getThing(fetch);
    await expect(call).rejects.toBeInstanceOf(WechatpayResponseTooLargeError);
    await expect(call).rejects.toMatchObject({
      maxResponseBytes: 10 * MiB,
      method: 'GET',
      message: expect.stringContaining('raise maxResponseBytes'),
    });
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeGreaterThan(10 * MiB);
    expect(state.pulled).toBeLessThanOrEqual(10 * MiB + CHUNK);
    expect(requests).toHaveLength(1); // not retried: it would be as large again
  });

  it('honours a smaller limit, for error answers too', async () => {
    const { stream, state } = hugeBody();
    const { fetch } = scripted(() => new Response(stream, { status: 500 }));
    await expect(
      getThing(fetch, { maxResponseBytes: 100_000, retry: false }),
    ).rejects.toMatchObject({ name: 'WechatpayResponseTooLargeError', maxResponseBytes: 100_000 });
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(100_000 + CHUNK);
  });

  it('refuses a Content-Length above the limit without reading the body', async () => {
    const { stream, state } = hugeBody();
    const { fetch } = scripted(
      () => new Response(stream, { status: 200, headers: { 'Content-Length': String(20 * MiB) } }),
    );
    await expect(getThing(fetch)).rejects.toBeInstanceOf(WechatpayResponseTooLargeError);
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBe(0);
  });

  it('accepts a body of exactly the limit and rejects one byte more', async () => {
    const answer = () => signed({ id: 1, padding: 'x'.repeat(100) });
    const size = (await (await answer()).arrayBuffer()).byteLength;
    const exact = scripted(answer);
    expect((await getThing(exact.fetch, { maxResponseBytes: size })).data).toEqual({
      id: 1,
      padding: 'x'.repeat(100),
    });
    const short = scripted(answer);
    await expect(getThing(short.fetch, { maxResponseBytes: size - 1 })).rejects.toBeInstanceOf(
      WechatpayResponseTooLargeError,
    );
  });

  it('rejects a limit that is not a positive number when the client is created', () => {
    const { fetch } = scripted();
    for (const maxResponseBytes of [0, -1, Number.NaN]) {
      expect(() => client(fetch, { maxResponseBytes })).toThrow(WechatpayConfigError);
    }
    expect(() => client(fetch, { maxResponseBytes: 0 })).toThrow(/maxResponseBytes/);
  });
});
