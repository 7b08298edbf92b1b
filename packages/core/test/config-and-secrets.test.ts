import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createWechatpayClient } from '../src/client/wechatpay-client.js';
import {
  WechatpayConfigError,
  WechatpayVerificationError,
  type WechatpayClientOptions,
} from '../src/index.js';
import { client, credentials, merchantPair, scripted, signed, table } from './support.js';

const create = (options: Partial<WechatpayClientOptions>) => () =>
  createWechatpayClient(options as WechatpayClientOptions, { operations: table, product: 'test' });

describe('configuration errors name the option and the fix', () => {
  it.each([
    [
      'mchid',
      { ...credentials, mchid: 'abc' },
      'mchid: give your merchant id (商户号), digits only',
    ],
    [
      'merchant.serialNo',
      { ...credentials, merchant: { serialNo: ' ', privateKey: 'x' } },
      'merchant.serialNo: give the serial number',
    ],
    ['wechatpay', { ...credentials, wechatpay: {} }, 'wechatpay: give { publicKeyId, publicKey }'],
    [
      'wechatpay.publicKeyId',
      { ...credentials, wechatpay: { publicKeyId: '123', publicKey: 'x' } },
      'wechatpay.publicKeyId: public-key mode needs both publicKeyId ("PUB_KEY_ID_…"',
    ],
  ])('%s', (field, options, message) => {
    expect(create(options)).toThrow(WechatpayConfigError);
    expect(create(options)).toThrow(message);
    try {
      create(options)();
    } catch (error) {
      expect((error as WechatpayConfigError).field).toBe(field);
    }
  });

  it('a PKCS#1 private key is refused on the first call with the conversion command', async () => {
    const pkcs1 =
      '-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END RSA PRIVATE KEY-----';
    const api = client(scripted().fetch, { merchant: { serialNo: 'S1', privateKey: pkcs1 } });
    const call = api.getThing({ params: { path: { id: '1' } } });
    await expect(call).rejects.toBeInstanceOf(WechatpayConfigError);
    await expect(call).rejects.toThrow(
      'merchant.privateKey: expected a PKCS#8 "BEGIN PRIVATE KEY" PEM (convert PKCS#1 keys with `openssl pkcs8 -topk8 -nocrypt`), got "BEGIN RSA PRIVATE KEY"',
    );
    await expect(call).rejects.not.toThrow('MIIBOgIBAAJBAKj34');
  });
});

describe('secrets never show', () => {
  const keyBody = merchantPair.privateKey.split('\n')[2] as string;

  it('not in inspect or JSON of the client', () => {
    const api = client(scripted().fetch);
    for (const text of [inspect(api, { depth: 10, showHidden: true }), JSON.stringify(api) ?? '']) {
      expect(text).not.toContain(keyBody);
      expect(text).not.toContain('PRIVATE KEY');
    }
  });

  it('not in errors, their inspect or JSON, nor the Authorization header', async () => {
    const { fetch, requests } = scripted(() =>
      signed({}, { edit: (h) => (h['Wechatpay-Signature'] = 'AAAA') }),
    );
    const error = await client(fetch)
      .getThing({ params: { path: { id: '1' } } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WechatpayVerificationError);
    const authorization = requests[0]?.headers.get('Authorization') ?? '';
    const signature = /signature="([^"]+)"/.exec(authorization)?.[1] ?? '';
    expect(signature.length).toBeGreaterThan(300);
    for (const text of [
      String(error),
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(error),
    ]) {
      expect(text).not.toContain(keyBody);
      expect(text).not.toContain(signature);
      expect(text).not.toContain('WECHATPAY2-SHA256-RSA2048');
    }
  });
});

describe('certificates', () => {
  it('an unreadable certificate is a config error naming its serial', async () => {
    const { importRsaKey } = await import('../src/crypto/keys.js');
    const broken = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    const call = importRsaKey(broken, 'verify', 'wechatpay.certificates["X"]');
    await expect(call).rejects.toBeInstanceOf(WechatpayConfigError);
    await expect(call).rejects.toThrow(
      'wechatpay.certificates["X"]: the certificate cannot be read',
    );
  });
});
