import { createTestKeyPair } from '@wechatpay-kit/core/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspolicymgrMock } from '../src/generated/inspolicymgr/index.js';
import { createSimulator } from '../src/index.js';
import { UNHANDLED_IS_ERROR } from './listen-options.js';
import {
  MCHID,
  MERCHANT_SERIAL,
  merchant,
  simulatorClient,
  submitBody,
  uploadBody,
} from './simulator-fixtures.js';

// A product with no plug-in: only its generated `<product>Mock` and the product-agnostic runtime.
const sim = createSimulator({
  product: inspolicymgrMock,
  mchid: MCHID,
  merchant: { serialNo: MERCHANT_SERIAL, publicKey: merchant.publicKey },
});
const client = simulatorClient(sim);
const server = setupServer(...sim.handlers);
beforeAll(() => server.listen(UNHANDLED_IS_ERROR));
afterAll(() => server.close());

describe('the simulator of a product without hand-written rules', () => {
  it('answers the spec example, signed and with its encrypted fields encrypted', async () => {
    const result = await client.queryPolicy({
      params: { path: { out_insurance_no: 'Generic01' } },
    });
    // The client verified the signature and decrypted `insured_name_list` with the merchant key.
    expect(result.response.status).toBe(200);
    expect(result.data).toEqual(inspolicymgrMock.examples.queryPolicy);
    expect(result.response.headers.get('Wechatpay-Serial')).toBe(sim.keys.wechatpay.publicKeyId);
  });

  it('validates requests against the spec: 400 PARAM_ERROR naming the field', async () => {
    const { insurance_name: _, ...body } = submitBody('Generic02');
    const result = await client.submitAuthorization({ body: body as never });
    expect(result.response.status).toBe(400);
    expect(result.error).toMatchObject({
      code: 'PARAM_ERROR',
      detail: { field: '/insurance_name', location: 'body' },
    });
  });

  it('checks request signatures: another key is 401 SIGN_ERROR', async () => {
    const other = simulatorClient(sim, {
      merchant: { serialNo: MERCHANT_SERIAL, privateKey: (await createTestKeyPair()).privateKey },
    });
    const result = await other.uploadPolicy({ body: uploadBody('Generic03') });
    expect(result.response.status).toBe(401);
    expect(result.error).toMatchObject({ code: 'SIGN_ERROR' });
  });

  it('has no user actions', () => {
    expect(sim.userActions).toEqual({});
  });
});
