import { describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  WechatpayNetworkError,
  WechatpayVerificationError,
  toApiError,
} from '@wechatpay-kit/inspolicymgr';
import { simulatorClient, submitBody, useSimulatorServer } from './simulator-fixtures.js';

const { sim, client } = useSimulatorServer();
const path = (out_insurance_no: string) => ({ params: { path: { out_insurance_no } } });

const submit = (id = 'Fault0001') => client.submitAuthorization({ body: submitBody(id) });

describe('signature faults on 2xx answers', () => {
  it.each([
    ['probe', 'probe-signature'],
    ['tampered', 'bad-signature'],
    ['stale-timestamp', 'stale-timestamp'],
    ['unsigned', 'missing-header'],
  ] as const)('%s → WechatpayVerificationError %s', async (signature, reason) => {
    sim.inject({ signature }, { times: 1 });
    const failure = await submit().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WechatpayVerificationError);
    expect((failure as WechatpayVerificationError).reason).toBe(reason);
    // times: 1, then back to normal (the submit above was processed: a repeat answers it)
    expect((await submit()).data?.out_insurance_no).toBe('Fault0001');
  });

  it('leaves error answers alone', async () => {
    sim.inject({ signature: 'probe' });
    const result = await client.queryAuthorization(path('Unknown01'));
    expect(toApiError(result)?.code).toBe('RESOURCE_NOT_EXISTS');
  });
});

describe('status faults', () => {
  it('answers any status and code, without touching the store', async () => {
    sim.inject({ status: 503, code: 'SYSTEM_ERROR', message: '系统繁忙' }, { times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const result = await submit();
      expect(result.error).toMatchObject({ code: 'SYSTEM_ERROR', message: '系统繁忙' });
      expect(result.response.status).toBe(503);
    }
    expect(sim.store.authorization('Fault0001')).toBeUndefined();
    expect((await submit()).error).toBeUndefined();
  });

  it('is per operation when operationId is given', async () => {
    sim.inject(
      { status: 429, code: 'FREQUENCY_LIMITED', message: '频率超限' },
      { operationId: 'queryAuthorization' },
    );
    expect((await submit()).error).toBeUndefined();
    const result = await client.queryAuthorization(path('Fault0001'));
    expect(toApiError(result)).toMatchObject({ status: 429, code: 'FREQUENCY_LIMITED' });
    expect((await client.queryAuthorization(path('Fault0001'))).response.status).toBe(429);
    sim.clearFaults();
    expect((await client.queryAuthorization(path('Fault0001'))).data?.auth_state).toBe(
      'AUTH_STATE_INIT',
    );
  });
});

describe('connection faults', () => {
  it('drop → WechatpayNetworkError', async () => {
    sim.inject({ drop: true }, { times: 1 });
    await expect(submit()).rejects.toBeInstanceOf(WechatpayNetworkError);
    expect((await submit()).error).toBeUndefined();
  });

  it('latency holds the answer back for latencyMs', async () => {
    // Fake time: the answer must wait for the simulator's timer, however slow the machine is.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    onTestFinished(() => void vi.useRealTimers());
    let timersBeforeSend = Number.POSITIVE_INFINITY;
    const watched = simulatorClient(sim, {
      fetch: (request: Request) => {
        timersBeforeSend = vi.getTimerCount(); // the client's own timeout ticker runs by now
        return fetch(request);
      },
    });
    sim.inject({ latencyMs: 40 }, { operationId: 'submitAuthorization', times: 1 });
    let answered = false;
    const answer = watched.submitAuthorization({ body: submitBody('Fault0001') });
    const settle = () => void (answered = true);
    answer.then(settle, settle);
    while (vi.getTimerCount() <= timersBeforeSend) {
      await new Promise((resolve) => setImmediate(resolve)); // until the simulator holds it
    }
    await vi.advanceTimersByTimeAsync(39);
    expect(vi.getTimerCount()).toBe(timersBeforeSend + 1); // still held
    expect(answered).toBe(false);
    expect(sim.store.authorization('Fault0001')).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect((await answer).error).toBeUndefined();
  });

  it('combines a global latency with a per-operation fault; reset clears faults', async () => {
    sim.inject({ latencyMs: 20 });
    sim.inject({ signature: 'unsigned' }, { operationId: 'queryAuthorization' });
    expect((await submit()).error).toBeUndefined();
    await expect(client.queryAuthorization(path('Fault0001'))).rejects.toMatchObject({
      reason: 'missing-header',
    });
    sim.reset();
    expect((await submit()).error).toBeUndefined();
    expect((await client.queryAuthorization(path('Fault0001'))).error).toBeUndefined();
  });

  it('rejects malformed faults', () => {
    expect(() => sim.inject({ latencyMs: -1 })).toThrow(/latencyMs/);
    expect(() => sim.inject({ status: 42, code: 'X', message: 'x' })).toThrow(/status/);
    expect(() => sim.inject({ drop: true }, { times: 0 })).toThrow(/times/);
  });
});
