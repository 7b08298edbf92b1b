import { createTestKeyPair } from '@wechatpay-kit/core/testing';
import { WechatpayVerificationError } from '@wechatpay-kit/inspolicymgr';
import { describe, expect, it } from 'vitest';
import { SIGN_ERROR_MESSAGES } from '../src/index.js';
import { createInspolicymgrSimulator } from '../src/products/inspolicymgr/index.js';
import {
  MCHID,
  MERCHANT_SERIAL,
  useSimulatorServer,
  merchant,
  signedFetch,
  simulatorClient,
  submitBody,
  uploadBody,
} from './simulator-fixtures.js';

const { sim, client, server } = useSimulatorServer();
const path = { params: { path: { out_insurance_no: 'Secure01' } } };
const other = await createTestKeyPair();

describe('Authorization → 401 SIGN_ERROR', () => {
  it('a request signed with another key', async () => {
    const wrongKey = simulatorClient(sim, {
      merchant: { serialNo: MERCHANT_SERIAL, privateKey: other.privateKey },
    });
    const result = await wrongKey.submitAuthorization({ body: submitBody('Secure01') });
    expect(result.response.status).toBe(401);
    expect(result.error).toEqual({ code: 'SIGN_ERROR', message: SIGN_ERROR_MESSAGES.signature });
    expect(sim.store.authorization('Secure01')).toBeUndefined();
  });

  it('a stale timestamp (more than 300 s off the simulator clock; 300 s is fine)', async () => {
    const stale = simulatorClient(sim, { now: () => sim.now() - 301_000 });
    const result = await stale.queryAuthorization(path);
    expect(result.response.status).toBe(401);
    expect(result.error?.message).toBe(SIGN_ERROR_MESSAGES.timestamp);
    const fine = simulatorClient(sim, { now: () => sim.now() - 300_000 });
    expect((await fine.queryAuthorization(path)).response.status).toBe(404);
  });

  it('a client on real time after advanceTime is stale', async () => {
    sim.advanceTime(3600_000);
    const realTime = simulatorClient(sim, { now: Date.now });
    expect((await realTime.queryAuthorization(path)).error?.message).toBe(
      SIGN_ERROR_MESSAGES.timestamp,
    );
  });

  it('another serial_no or mchid', async () => {
    const serial = simulatorClient(sim, {
      merchant: { serialNo: 'ABCDEF', privateKey: merchant.privateKey },
    });
    expect((await serial.queryAuthorization(path)).error?.message).toBe(SIGN_ERROR_MESSAGES.serial);
    const mchid = simulatorClient(sim, { mchid: '1900000002' });
    expect((await mchid.queryAuthorization(path)).error).toMatchObject({ code: 'SIGN_ERROR' });
  });

  it('no or a malformed Authorization header', async () => {
    const response = await fetch(
      'https://api.mch.weixin.qq.com/v3/inspolicymgr/deduct/authorizations/Secure01',
      { headers: { Authorization: 'Bearer x' } },
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      code: 'SIGN_ERROR',
      message: SIGN_ERROR_MESSAGES.format,
    });
  });
});

describe('Wechatpay-Serial and encrypted fields', () => {
  async function granted(id: string) {
    await client.submitAuthorization({ body: submitBody(id) });
    sim.signContract(id);
    sim.grantAuthorization(id);
  }

  it('another Wechatpay-Serial → 400 INVALID_REQUEST', async () => {
    await granted('Secure02');
    const response = await signedFetch(
      sim,
      'POST',
      '/v3/inspolicymgr/deduct/policies',
      uploadBody('Secure02'),
      { 'Wechatpay-Serial': 'PUB_KEY_ID_OTHER' },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'INVALID_REQUEST',
      detail: { field: 'Wechatpay-Serial', location: 'header' },
    });
  });

  it('a value that does not decrypt → 400 with its pointer', async () => {
    await granted('Secure03');
    const response = await signedFetch(
      sim,
      'POST',
      '/v3/inspolicymgr/deduct/policies',
      uploadBody('Secure03'), // plaintext names: not ciphertext
      { 'Wechatpay-Serial': sim.keys.wechatpay.publicKeyId },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'PARAM_ERROR',
      detail: { field: '/insured_name_list/0', location: 'body' },
    });
    expect(sim.store.policy('Secure03')).toBeUndefined();
  });

  it('a client encrypting with another WeChat Pay key → 400', async () => {
    await granted('Secure04');
    const wrong = simulatorClient(sim, {
      wechatpay: { publicKeyId: sim.keys.wechatpay.publicKeyId, publicKey: other.publicKey },
    });
    const result = await wrong.uploadPolicy({ body: uploadBody('Secure04') });
    expect(result.response.status).toBe(400);
  });
});

describe('signed answers', () => {
  it('a client trusting another WeChat Pay key rejects the 2xx', async () => {
    await client.submitAuthorization({ body: submitBody('Secure05') });
    const wrong = simulatorClient(sim, {
      wechatpay: { publicKeyId: sim.keys.wechatpay.publicKeyId, publicKey: other.publicKey },
    });
    await expect(
      wrong.queryAuthorization({ params: { path: { out_insurance_no: 'Secure05' } } }),
    ).rejects.toBeInstanceOf(WechatpayVerificationError);
  });

  it('answers are signed on the simulator clock after advanceTime', async () => {
    await client.submitAuthorization({ body: submitBody('Secure06') });
    sim.advanceTime(10 * 24 * 3600_000);
    const result = await client.queryAuthorization({
      params: { path: { out_insurance_no: 'Secure06' } },
    });
    expect(result.error).toBeUndefined();
    expect(Number(result.response.headers.get('Wechatpay-Timestamp'))).toBe(
      Math.floor(sim.now() / 1000),
    );
  });

  it('given WeChat Pay keys are used as they are', async () => {
    const wechatpay = await createTestKeyPair();
    const given = createInspolicymgrSimulator({
      mchid: MCHID,
      merchant: { serialNo: MERCHANT_SERIAL, publicKey: merchant.publicKey },
      wechatpay: { publicKeyId: 'PUB_KEY_ID_GIVEN', privateKey: wechatpay.privateKey },
      baseUrl: 'https://api2.mch.weixin.qq.com',
    });
    server.use(...given.handlers);
    const api2 = simulatorClient(given, {
      baseUrl: 'https://api2.mch.weixin.qq.com',
      wechatpay: { publicKeyId: 'PUB_KEY_ID_GIVEN', publicKey: wechatpay.publicKey },
    });
    const result = await api2.submitAuthorization({ body: submitBody('Secure07') });
    expect(result.data?.auth_state).toBe('AUTH_STATE_INIT');
    expect(given.keys.wechatpay.publicKey).toBeUndefined();
    expect(sim.store.authorization('Secure07')).toBeUndefined();
    server.resetHandlers();
  });
});
