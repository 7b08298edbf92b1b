import { setupServer } from 'msw/node';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNotification } from '@wechatpay-kit/inspolicymgr';
import { NOTIFICATION_RETRY_DELAYS_MS } from '../src/index.js';
import type { InspolicymgrSimulator } from '../src/products/inspolicymgr/index.js';
import {
  API_V3_KEY,
  createNotifyingSimulator,
  simulatorClient,
  submitBody,
} from './simulator-fixtures.js';
import { UNHANDLED_IS_ERROR } from './listen-options.js';

/** A merchant endpoint answering `statuses` in turn (then 200), keeping what it received. */
function merchantEndpoint(statuses: number[] = []) {
  const received: Request[] = [];
  const target = (request: Request) => {
    received.push(request.clone());
    return new Response(null, { status: statuses.shift() ?? 200 });
  };
  return { received, target };
}

// Servers a failed test left listening; msw 3 throws when a closed server is closed again.
const listening = new Set<ReturnType<typeof setupServer>>();
afterAll(() => listening.forEach((server) => server.close()));

async function grantedWith(statuses: number[], id = 'Notify0001') {
  const endpoint = merchantEndpoint(statuses);
  const sim = await createNotifyingSimulator(endpoint.target);
  const server = setupServer(...sim.handlers);
  listening.add(server);
  server.listen(UNHANDLED_IS_ERROR);
  const client = simulatorClient(sim);
  await client.submitAuthorization({ body: submitBody(id) });
  server.close();
  listening.delete(server);
  sim.signContract(id);
  const grant = sim.grantAuthorization(id);
  await sim.flushNotifications();
  return { sim, endpoint, grant };
}

const parse = (sim: InspolicymgrSimulator, request: Request) =>
  parseNotification(request, {
    apiV3Key: API_V3_KEY,
    wechatpay: {
      publicKeyId: sim.keys.wechatpay.publicKeyId,
      publicKey: sim.keys.wechatpay.publicKey!,
    },
    now: sim.now,
  });

describe('GRANTED callback', () => {
  it('is signed, encrypted and accepted by the typed parseNotification', async () => {
    const { sim, endpoint, grant } = await grantedWith([]);
    expect(endpoint.received).toHaveLength(1);
    const request = endpoint.received[0]!;
    expect(request.method).toBe('POST');
    expect(request.headers.get('Wechatpay-Signature-Type')).toBe('WECHATPAY2-SHA256-RSA2048');
    expect(request.headers.get('Wechatpay-Serial')).toBe(sim.keys.wechatpay.publicKeyId);
    const raw = JSON.parse(await request.clone().text());
    expect(raw).toMatchObject({
      event_type: 'INSURANCE_POLICY_MANAGEMENT.GRANTED',
      resource_type: 'encrypt-resource',
      summary: '用户同意授权结果回调通知',
      resource: {
        original_type: 'insurance_policy_management',
        associated_data: 'insurance_policy_management',
        algorithm: 'AEAD_AES_256_GCM',
      },
    });
    expect(raw.id).toHaveLength(36);
    expect(raw.create_time).toBe(grant.user_auth_time);

    const event = await parse(sim, request);
    expect(event.event_type).toBe('INSURANCE_POLICY_MANAGEMENT.GRANTED');
    if (event.event_type !== 'INSURANCE_POLICY_MANAGEMENT.GRANTED') throw new Error('narrowing');
    expect(event.resource).toEqual({
      out_insurance_no: 'Notify0001',
      insurance_name: '微医保·百万医疗险',
      auth_state: 'AUTH_STATE_GRANTED',
      user_auth_time: grant.user_auth_time,
    });
    expect(sim.notifications).toEqual([
      expect.objectContaining({
        id: raw.id,
        state: 'delivered',
        attempts: [{ time: expect.any(Number), status: 200 }],
      }),
    ]);
  });

  it('is signed at the simulator clock after advanceTime', async () => {
    const endpoint = merchantEndpoint([]);
    const sim = await createNotifyingSimulator(endpoint.target);
    const server = setupServer(...sim.handlers);
    server.listen(UNHANDLED_IS_ERROR);
    await sim.advanceTime(40 * 24 * 3600 * 1000);
    await simulatorClient(sim).submitAuthorization({ body: submitBody('Notify0002') });
    server.close();
    sim.signContract('Notify0002');
    sim.grantAuthorization('Notify0002');
    await sim.flushNotifications();
    await expect(parse(sim, endpoint.received[0]!.clone())).resolves.toMatchObject({
      resource: { out_insurance_no: 'Notify0002' },
    });
    // with the real clock it is 40 days off
    await expect(
      parseNotification(endpoint.received[0]!.clone(), {
        apiV3Key: API_V3_KEY,
        wechatpay: {
          publicKeyId: sim.keys.wechatpay.publicKeyId,
          publicKey: sim.keys.wechatpay.publicKey!,
        },
      }),
    ).rejects.toMatchObject({ reason: 'stale-timestamp' });
  });

  it('re-sends on failure on the documented schedule: fail twice, then 200 at +15 s +15 s', async () => {
    const { sim, endpoint } = await grantedWith([500, 404]);
    const start = sim.notifications[0]!.attempts[0]!.time;
    expect(sim.notifications[0]).toMatchObject({ state: 'pending', nextAttemptAt: start + 15_000 });
    await sim.advanceTime(14_999);
    expect(endpoint.received).toHaveLength(1);
    await sim.advanceTime(1);
    expect(endpoint.received).toHaveLength(2);
    await sim.advanceTime(15_000);
    expect(endpoint.received).toHaveLength(3);
    expect(sim.notifications[0]!.state).toBe('delivered');
    expect(sim.notifications[0]!.attempts).toEqual([
      { time: start, status: 500 },
      { time: start + 15_000, status: 404 },
      { time: start + 30_000, status: 200 },
    ]);
    // the same notification every time, each send verifiable
    const ids = await Promise.all(
      endpoint.received.map(async (request) => (await parse(sim, request)).id),
    );
    expect(new Set(ids).size).toBe(1);
    await sim.advanceTime(24 * 3600 * 1000);
    expect(endpoint.received).toHaveLength(3);
  });

  it('counts a throw as a failure and gives up after 10 sends', async () => {
    let calls = 0;
    const sim = await createNotifyingSimulator(() => {
      calls += 1;
      if (calls % 2) throw new Error('connection refused');
      return new Response('{"code":"FAIL","message":"失败"}', { status: 500 });
    });
    const server = setupServer(...sim.handlers);
    server.listen(UNHANDLED_IS_ERROR);
    await simulatorClient(sim).submitAuthorization({ body: submitBody('Notify0003') });
    server.close();
    sim.signContract('Notify0003');
    sim.grantAuthorization('Notify0003');
    await sim.flushNotifications();
    // one big jump sends every due re-send in turn, at its scheduled time
    await sim.advanceTime(10 * 3600 * 1000);
    const [delivery] = sim.notifications;
    expect(calls).toBe(10);
    expect(delivery!.state).toBe('failed');
    expect(delivery!.nextAttemptAt).toBeUndefined();
    const start = delivery!.attempts[0]!.time;
    const offsets = delivery!.attempts.map((attempt) => attempt.time - start);
    let total = 0;
    expect(offsets).toEqual(NOTIFICATION_RETRY_DELAYS_MS.map((ms) => (total += ms)));
    expect(delivery!.attempts[0]).toEqual({ time: start, error: 'connection refused' });
    expect(delivery!.attempts[1]).toEqual({ time: start + 15_000, status: 500 });
    await sim.advanceTime(10 * 3600 * 1000);
    expect(calls).toBe(10);
  });

  it('POSTs to a URL target with fetch', async () => {
    const { http, HttpResponse } = await import('msw');
    const received: Request[] = [];
    const merchantServer = setupServer(
      http.post('https://merchant.test/notify', ({ request }) => {
        received.push(request.clone());
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { createInspolicymgrSimulator } = await import('../src/products/inspolicymgr/index.js');
    const { MCHID, MERCHANT_SERIAL, merchant } = await import('./simulator-fixtures.js');
    const sim = createInspolicymgrSimulator({
      mchid: MCHID,
      merchant: { serialNo: MERCHANT_SERIAL, publicKey: merchant.publicKey },
      notify: { apiV3Key: API_V3_KEY, target: 'https://merchant.test/notify' },
    });
    merchantServer.use(...sim.handlers);
    merchantServer.listen(UNHANDLED_IS_ERROR);
    try {
      await simulatorClient(sim).submitAuthorization({ body: submitBody('Notify0004') });
      sim.signContract('Notify0004');
      sim.grantAuthorization('Notify0004');
      await sim.flushNotifications();
    } finally {
      merchantServer.close();
    }
    expect(received).toHaveLength(1);
    expect(sim.notifications[0]!.attempts[0]!.status).toBe(204);
    await expect(parse(sim, received[0]!)).resolves.toMatchObject({
      resource: { auth_state: 'AUTH_STATE_GRANTED' },
    });
  });

  it('reset drops pending deliveries', async () => {
    const { sim, endpoint } = await grantedWith([500]);
    expect(sim.notifications).toHaveLength(1);
    sim.reset();
    expect(sim.notifications).toEqual([]);
    await sim.advanceTime(60_000);
    expect(endpoint.received).toHaveLength(1);
  });
});
