import { describe, expect, it } from 'vitest';
import {
  WechatpayDecryptionError,
  WechatpayVerificationError,
  notificationFailure,
  notificationSuccess,
  parseNotification,
  toResponse,
  type NotificationOptions,
} from '../src/index.js';
import { encryptNotification, signAsWechatpay } from '../src/testing.js';
import { KEY_ID, wechatpayPair } from './support.js';

const API_V3_KEY = 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb';
const options: NotificationOptions = {
  apiV3Key: API_V3_KEY,
  wechatpay: { publicKeyId: KEY_ID, publicKey: wechatpayPair.publicKey },
};
const payload = {
  out_insurance_no: 'A1',
  insurance_name: '微医保',
  auth_state: 'AUTH_STATE_GRANTED',
  user_auth_time: '2026-01-01T00:00:00+08:00',
};

async function callback(edit?: (headers: Record<string, string>) => void) {
  const body = await encryptNotification({
    apiV3Key: API_V3_KEY,
    eventType: 'INSURANCE_POLICY_MANAGEMENT.GRANTED',
    payload,
    originalType: 'insurance_policy_management',
    summary: '用户同意授权结果回调通知',
  });
  const headers = await signAsWechatpay(body, {
    privateKey: wechatpayPair.privateKey,
    serial: KEY_ID,
  });
  edit?.(headers);
  return { headers, body };
}

describe('parseNotification', () => {
  it('verifies and decrypts a callback given as headers and raw body', async () => {
    const event = await parseNotification(await callback(), options);
    expect(event.event_type).toBe('INSURANCE_POLICY_MANAGEMENT.GRANTED');
    expect(event.resource).toEqual(payload);
    expect(event.resource_type).toBe('encrypt-resource');
  });

  it('accepts a standard Request and plain header records with lower-case names', async () => {
    const { headers, body } = await callback();
    const request = new Request('https://merchant.example/notify', {
      method: 'POST',
      headers,
      body,
    });
    expect((await parseNotification(request, options)).resource).toEqual(payload);
    const lower = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    expect(
      (await parseNotification({ headers: lower, body: new TextEncoder().encode(body) }, options))
        .resource,
    ).toEqual(payload);
  });

  it('rejects a probe signature, a tampered body and a stale timestamp before decrypting', async () => {
    const probe = await callback((h) => (h['Wechatpay-Signature'] = 'WECHATPAY/SIGNTEST/abc'));
    await expect(parseNotification(probe, options)).rejects.toMatchObject({
      reason: 'probe-signature',
    });
    const good = await callback();
    await expect(
      parseNotification({ ...good, body: good.body.replace('}', ' }') }, options),
    ).rejects.toBeInstanceOf(WechatpayVerificationError);
    const later = { ...options, now: () => Date.now() + 301_000 };
    await expect(parseNotification(good, later)).rejects.toMatchObject({
      reason: 'stale-timestamp',
    });
  });

  it('a wrong APIv3 key is a decryption error that does not echo the key', async () => {
    const wrong = { ...options, apiV3Key: 'x'.repeat(32) };
    const call = parseNotification(await callback(), wrong);
    await expect(call).rejects.toBeInstanceOf(WechatpayDecryptionError);
    await expect(call).rejects.not.toThrow('x'.repeat(32));
  });

  it('an APIv3 key of the wrong length is named', async () => {
    await expect(
      parseNotification(await callback(), { ...options, apiV3Key: 'short' }),
    ).rejects.toThrow('apiV3Key: must be the 32-character APIv3 key');
  });
});

describe('replies', () => {
  it('success is a 204 and failure a 500 with code FAIL', async () => {
    expect(notificationSuccess()).toEqual({ status: 204, headers: {}, body: '' });
    const failure = toResponse(notificationFailure('数据库不可用'));
    expect(failure.status).toBe(500);
    expect(await failure.json()).toEqual({ code: 'FAIL', message: '数据库不可用' });
    expect(toResponse(notificationSuccess()).status).toBe(204);
  });
});
