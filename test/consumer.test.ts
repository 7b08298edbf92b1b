import { createRequire } from 'node:module';
import { WechatpayConfigError } from '@wechatpay-kit/core';
import { PolicyState, createInspolicymgrClient, operationTable } from '@wechatpay-kit/inspolicymgr';
import { afterAll, describe, expect, it } from 'vitest';
import { clientCredentials, createKeys, startServerFor } from './support/credentials.js';

// These tests use the packages as a consumer does: through their exports maps, from dist.

const keys = await createKeys();
const server = await startServerFor(keys);
afterAll(() => server.close());

describe('@wechatpay-kit/* from dist', () => {
  it('resolves to the built ESM files', () => {
    const require = createRequire(import.meta.url);
    const manifest = (name: string) =>
      require(`${name}/package.json`) as { exports: Record<string, unknown> };
    expect(import.meta.resolve('@wechatpay-kit/inspolicymgr')).toMatch(
      /packages\/inspolicymgr\/dist\/index\.js$/,
    );
    expect(import.meta.resolve('@wechatpay-kit/core')).toMatch(/packages\/core\/dist\/index\.js$/);
    expect(import.meta.resolve('@wechatpay-kit/core/testing')).toMatch(
      /packages\/core\/dist\/testing\.js$/,
    );
    expect(Object.keys(manifest('@wechatpay-kit/inspolicymgr').exports)).toEqual([
      '.',
      './package.json',
    ]);
    expect(Object.keys(manifest('@wechatpay-kit/core').exports)).toEqual([
      '.',
      './testing',
      './internal',
      './internal/encrypted-fields',
      './package.json',
    ]);
    // Plain JS from src on purpose: redocly loads it in the lint plugin without a build.
    expect(import.meta.resolve('@wechatpay-kit/core/internal/encrypted-fields')).toMatch(
      /packages\/core\/src\/schema\/encrypted-fields\.js$/,
    );
    expect(Object.keys(operationTable)).toHaveLength(6);
  });

  it('needs credentials to create a client', () => {
    expect(() =>
      // @ts-expect-error mchid, merchant and wechatpay are required
      createInspolicymgrClient({ baseUrl: server.url }),
    ).toThrow(WechatpayConfigError);
  });

  it('talks signed HTTP with the global fetch', async () => {
    const client = createInspolicymgrClient({ ...clientCredentials(keys), baseUrl: server.url });
    const { data, error, response } = await client.submitAuthorization({
      body: {
        out_insurance_no: 'CONSUMER1',
        appid: 'wxd678efh567hg6787',
        plan_id: '12535',
        out_contract_code: 'wxwtdk20200910100000',
        insurance_name: '微医保·百万医疗险',
      },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual({
      out_insurance_no: 'CONSUMER1',
      appid: 'wxd678efh567hg6787',
      plan_id: '12535',
      out_contract_code: 'wxwtdk20200910100000',
      insurance_name: '微医保·百万医疗险',
      auth_state: 'AUTH_STATE_INIT',
    });
    const seen = server.exchanges.at(-1);
    expect(seen).toMatchObject({
      method: 'POST',
      url: '/v3/inspolicymgr/deduct/authorizations',
      signatureVerified: true,
    });
    expect(seen?.headers['user-agent']).toMatch(/^@wechatpay-kit\/inspolicymgr wechatpay-kit\//);
    expect(PolicyState.APPROVED).toBe('POLICY_STATE_APPROVED');
  });
});
