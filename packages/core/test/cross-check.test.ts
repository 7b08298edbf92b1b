/**
 * Cross-checks against an independent implementation: wechatpay-axios-plugin 0.9.6
 * (node:crypto based), for signatures, the signed messages, AES-GCM and RSA-OAEP.
 */
import { readFileSync } from 'node:fs';
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin';
import { beforeAll, describe, expect, it } from 'vitest';
import { aesGcmDecrypt, aesGcmEncrypt } from '../src/crypto/aes-gcm.js';
import { importRsaKey } from '../src/crypto/keys.js';
import { oaepDecrypt, oaepEncrypt, rsaSign } from '../src/crypto/rsa.js';
import { parseNotification, WechatpayVerificationError } from '../src/index.js';
import { formatAuthorization, parseAuthorization } from '../src/protocol/authorization.js';
import { merchantKeys, wechatpayKeys } from '../src/protocol/credentials.js';
import { requestMessage, responseMessage } from '../src/protocol/messages.js';
import { createNonce } from '../src/protocol/nonce.js';
import { authorizationFor } from '../src/protocol/sign.js';
import { verifySignature } from '../src/protocol/verify.js';
import { verifyResponse } from '../src/transport/verify-response.js';
import { createTestKeyPair, encryptNotification, type TestKeyPair } from '../src/testing.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./vectors/${name}`, import.meta.url), 'utf8');
const GO_KEY = fixture('go-test-key.pem');
const GO_CERT = fixture('go-test-cert.pem');
const GO_SERIAL = 'F5765756002FDD77';
const PUB_KEY_ID = 'PUB_KEY_ID_0116571234562024052000123400000000';
const utf8 = (text: string) => new TextEncoder().encode(text);

const NOW_MS = 1_700_000_000_123;
const now = () => NOW_MS;
const NOW_S = Math.floor(NOW_MS / 1000);

let merchant: TestKeyPair;
let platform: TestKeyPair;
beforeAll(async () => {
  [merchant, platform] = await Promise.all([createTestKeyPair(), createTestKeyPair()]);
});

const JSON_BODY = JSON.stringify({
  appid: 'wxd678efh567hg6787',
  mchid: '1230000109',
  description: 'Image形象店-深圳腾大-QQ公仔',
  amount: { total: 100, currency: 'CNY' },
});

describe('our request signatures verify with Rsa.verify', () => {
  const requests = [
    {
      name: 'GET with query',
      method: 'GET',
      url: 'https://api.mch.weixin.qq.com/v3/pay/transactions/id/4200000001?mchid=1230000109',
      path: '/v3/pay/transactions/id/4200000001?mchid=1230000109',
      body: '',
    },
    {
      name: 'POST JSON with CJK text',
      method: 'POST',
      url: 'https://api2.mch.weixin.qq.com/v3/pay/transactions/jsapi',
      path: '/v3/pay/transactions/jsapi',
      body: JSON_BODY,
    },
    {
      name: 'DELETE without body',
      method: 'DELETE',
      url: 'https://api.mch.weixin.qq.com/v3/things/a%20b',
      path: '/v3/things/a%20b',
      body: '',
    },
  ];

  it.each(requests)(
    '$name (authorizationFor, fresh key pair)',
    async ({ method, url, path, body }) => {
      const keys = merchantKeys({
        serialNo: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C',
        privateKey: merchant.privateKey,
      });
      const header = await authorizationFor(
        { method, url, body },
        { mchid: '1900009191', merchant: keys, now },
      );
      const parts = parseAuthorization(header);
      expect(parts).toMatchObject({
        mchid: '1900009191',
        serial_no: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C',
        timestamp: String(NOW_S),
      });
      const { nonce_str: nonce, timestamp, signature } = parts!;
      expect(nonce).toMatch(/^[0-9A-Za-z]{32}$/);
      const publicKey = Rsa.from(merchant.publicKey, 'public');
      expect(
        Rsa.verify(Formatter.request(method, path, timestamp, nonce, body), signature, publicKey),
      ).toBe(true);
      // …and the plugin sees a changed body or path as a different message.
      expect(
        Rsa.verify(
          Formatter.request(method, path, timestamp, nonce, `${body} `),
          signature,
          publicKey,
        ),
      ).toBe(false);
      expect(
        Rsa.verify(
          Formatter.request(method, `${path}/`, timestamp, nonce, body),
          signature,
          publicKey,
        ),
      ).toBe(false);
    },
  );

  it('rsaSign over requestMessage equals Rsa.sign (Go key, deterministic)', async () => {
    const message = requestMessage({
      method: 'POST',
      url: '/v3/pay/transactions/jsapi',
      timestamp: NOW_S,
      nonce: createNonce(),
      body: JSON_BODY,
    });
    const ours = await rsaSign(await importRsaKey(GO_KEY, 'sign', 'k'), message);
    expect(ours).toBe(Rsa.sign(message, Rsa.from(GO_KEY, 'private')));
    expect(Rsa.verify(message, ours, Rsa.from(GO_CERT, 'public'))).toBe(true);
  });
});

describe('responses the plugin signs pass our verifySignature', () => {
  const pluginSigned = (
    privateKey: string,
    body: string,
    serial: string,
    timestamp: number = NOW_S,
  ) => {
    const nonce = Formatter.nonce();
    const signature = Rsa.sign(
      Formatter.response(timestamp, nonce, body),
      Rsa.from(privateKey, 'private'),
    );
    return new Headers({
      'Wechatpay-Timestamp': String(timestamp),
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': signature,
      'Wechatpay-Serial': serial,
      'Request-ID': '08F78BB5AF0610D302189F99DD5C20BA56F89845-0',
    });
  };

  it.each([
    ['JSON with CJK text', JSON_BODY],
    ['empty body (204)', ''],
    ['body ending in a newline', `${JSON_BODY}\n`],
  ])('public-key mode, fresh keys: %s', async (_name, body) => {
    const wechatpay = wechatpayKeys({ publicKeyId: PUB_KEY_ID, publicKey: platform.publicKey });
    const headers = pluginSigned(platform.privateKey, body, PUB_KEY_ID);
    await expect(verifySignature(headers, utf8(body), { wechatpay, now })).resolves.toBeUndefined();
    await expect(
      verifySignature(headers, utf8(`${body} `), { wechatpay, now }),
    ).rejects.toMatchObject({
      reason: 'bad-signature',
    });
  });

  it('certificate mode with the Go key, through verifyResponse', async () => {
    const wechatpay = wechatpayKeys({ certificates: { [GO_SERIAL]: GO_CERT } });
    const headers = pluginSigned(GO_KEY, JSON_BODY, GO_SERIAL);
    headers.set('Content-Type', 'application/json; charset=utf-8');
    const response = await verifyResponse(new Response(JSON_BODY, { status: 200, headers }), {
      wechatpay,
      now,
    });
    expect(await response.text()).toBe(JSON_BODY);
  });

  it('a response signed by a different key is rejected', async () => {
    const wechatpay = wechatpayKeys({ publicKeyId: PUB_KEY_ID, publicKey: platform.publicKey });
    const headers = pluginSigned(merchant.privateKey, JSON_BODY, PUB_KEY_ID);
    const error = await verifySignature(headers, utf8(JSON_BODY), { wechatpay, now }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(WechatpayVerificationError);
    expect(error).toMatchObject({
      reason: 'bad-signature',
      requestId: '08F78BB5AF0610D302189F99DD5C20BA56F89845-0',
    });
  });

  it('a plugin-signed callback around our encryptNotification body parses', async () => {
    const apiV3Key = createNonce(32);
    const payload = {
      out_trade_no: '1217752501201407033233368018',
      trade_state: 'SUCCESS',
      amount: { total: 100 },
    };
    const body = await encryptNotification({
      apiV3Key,
      eventType: 'TRANSACTION.SUCCESS',
      payload,
      originalType: 'transaction',
      summary: '支付成功',
    });
    const headers = pluginSigned(platform.privateKey, body, PUB_KEY_ID);
    const event = await parseNotification(
      { headers, body },
      { apiV3Key, wechatpay: { publicKeyId: PUB_KEY_ID, publicKey: platform.publicKey }, now },
    );
    expect(event).toMatchObject({
      event_type: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      resource: payload,
    });
  });
});

describe('AES-256-GCM against Aes.AesGcm', () => {
  const cases = [
    ['JSON with CJK text', JSON_BODY, 'transaction'],
    ['empty AAD', '{"a":1}', ''],
    ['empty plaintext', '', 'certificate'],
  ] as const;

  it.each(cases)(
    'its ciphertext decrypts with ours and equals ours: %s',
    async (_name, plaintext, aad) => {
      const key = createNonce(32);
      const nonce = createNonce(12);
      const theirs = Aes.AesGcm.encrypt(plaintext, key, nonce, aad);
      expect(await aesGcmDecrypt(key, { ciphertext: theirs, nonce, associatedData: aad })).toBe(
        plaintext,
      );
      expect(await aesGcmEncrypt(key, plaintext, { nonce, associatedData: aad })).toBe(theirs);
    },
  );

  it.each(cases)('our ciphertext decrypts with its decrypt: %s', async (_name, plaintext, aad) => {
    const key = createNonce(32);
    const nonce = createNonce(12);
    const ours = await aesGcmEncrypt(key, plaintext, { nonce, associatedData: aad });
    expect(Aes.AesGcm.decrypt(ours, key, nonce, aad)).toBe(plaintext);
  });

  it('both sides reject the other one’s ciphertext under a different AAD', async () => {
    const key = createNonce(32);
    const nonce = createNonce(12);
    const theirs = Aes.AesGcm.encrypt('secret', key, nonce, 'transaction');
    await expect(
      aesGcmDecrypt(key, { ciphertext: theirs, nonce, associatedData: 'refund' }),
    ).rejects.toThrow();
    const ours = await aesGcmEncrypt(key, 'secret', { nonce, associatedData: 'transaction' });
    expect(() => Aes.AesGcm.decrypt(ours, key, nonce, 'refund')).toThrow();
  });
});

describe('RSA-OAEP(SHA-1) against Rsa.encrypt/decrypt', () => {
  const plaintexts = [
    ['CJK name', '张三'],
    ['phone number', '13800138000'],
    ['214 bytes (the 2048-bit maximum)', 'x'.repeat(214)],
  ] as const;

  it.each(plaintexts)('our oaepEncrypt decrypts with Rsa.decrypt: %s', async (_name, plaintext) => {
    const ciphertext = await oaepEncrypt(
      await importRsaKey(platform.publicKey, 'encrypt', 'k'),
      plaintext,
    );
    expect(Rsa.decrypt(ciphertext, Rsa.from(platform.privateKey, 'private'))).toBe(plaintext);
  });

  it.each(plaintexts)('Rsa.encrypt decrypts with our oaepDecrypt: %s', async (_name, plaintext) => {
    const ciphertext = Rsa.encrypt(plaintext, Rsa.from(merchant.publicKey, 'public'));
    expect(
      await oaepDecrypt(await importRsaKey(merchant.privateKey, 'decrypt', 'k'), ciphertext),
    ).toBe(plaintext);
  });

  it('wechatpayKeys().encrypt → Rsa.decrypt, and Rsa.encrypt → merchantKeys().decrypt (Go key)', async () => {
    const wechatpay = wechatpayKeys({ certificates: { [GO_SERIAL]: GO_CERT } });
    expect(
      Rsa.decrypt(await wechatpay.encrypt('6225880137005567'), Rsa.from(GO_KEY, 'private')),
    ).toBe('6225880137005567');
    const keys = merchantKeys({ serialNo: GO_SERIAL, privateKey: GO_KEY });
    expect(await keys.decrypt(Rsa.encrypt('330102199001011234', Rsa.from(GO_CERT, 'public')))).toBe(
      '330102199001011234',
    );
  });

  it('Rsa.decrypt refuses our ciphertext under another private key', async () => {
    const ciphertext = await oaepEncrypt(
      await importRsaKey(platform.publicKey, 'encrypt', 'k'),
      'secret',
    );
    expect(() => Rsa.decrypt(ciphertext, Rsa.from(merchant.privateKey, 'private'))).toThrow();
  });
});

describe('Formatter strings against our message and header helpers', () => {
  it.each([
    [
      'GET, body omitted',
      ['GET', '/v3/certificates', 1554208460, '593BEC0C930BF1AFEB40B4A08C8FB242'] as const,
      '',
    ],
    ['POST JSON', ['POST', '/v3/pay/transactions/jsapi', '1554208460', 'abc'] as const, JSON_BODY],
    ['body ending in a newline', ['PUT', '/v3/x?y=1&z=%E4%B8%AD', 1, 'n'] as const, 'line\n'],
  ])('Formatter.request === requestMessage: %s', (_name, [method, url, timestamp, nonce], body) => {
    const theirs =
      body === ''
        ? Formatter.request(method, url, timestamp, nonce)
        : Formatter.request(method, url, timestamp, nonce, body);
    expect(requestMessage({ method, url, timestamp, nonce, body })).toBe(theirs);
  });

  it('V11: Formatter.request(1,2,3,4,5) and (6,7,8,9) shapes', () => {
    expect(Formatter.request('1', '2', 3, '4', '5')).toBe('1\n2\n3\n4\n5\n');
    expect(requestMessage({ method: '1', url: '2', timestamp: 3, nonce: '4', body: '5' })).toBe(
      '1\n2\n3\n4\n5\n',
    );
    expect(requestMessage({ method: '6', url: '7', timestamp: 8, nonce: '9', body: '' })).toBe(
      Formatter.request('6', '7', 8, '9'),
    );
  });

  it.each([
    ['JSON body', JSON_BODY],
    ['empty body', ''],
  ])('Formatter.response === responseMessage: %s', (_name, body) => {
    const theirs =
      body === ''
        ? Formatter.response(1554209980, 'c5ac7061fccab6bf3e254dcf98995b8c')
        : Formatter.response(1554209980, 'c5ac7061fccab6bf3e254dcf98995b8c', body);
    expect(
      responseMessage({ timestamp: '1554209980', nonce: 'c5ac7061fccab6bf3e254dcf98995b8c', body }),
    ).toBe(theirs);
  });

  it('V11: Formatter.authorization(1, 2, 3, 4, 5) parses with parseAuthorization', () => {
    const theirs = Formatter.authorization('1', '2', '3', 4, '5');
    expect(theirs).toBe(
      'WECHATPAY2-SHA256-RSA2048 mchid="1",serial_no="5",timestamp="4",nonce_str="2",signature="3"',
    );
    expect(parseAuthorization(theirs)).toEqual({
      mchid: '1',
      nonce_str: '2',
      signature: '3',
      timestamp: '4',
      serial_no: '5',
    });
  });

  it('a real Formatter.authorization header parses to the same parts as ours, in another pair order', async () => {
    const nonce = Formatter.nonce();
    const timestamp = Formatter.timestamp();
    const message = Formatter.request('GET', '/v3/certificates', timestamp, nonce);
    const signature = Rsa.sign(message, Rsa.from(GO_KEY, 'private'));
    const theirs = Formatter.authorization('1900009191', nonce, signature, timestamp, GO_SERIAL);
    const parts = parseAuthorization(theirs);
    expect(parts).toEqual({
      mchid: '1900009191',
      nonce_str: nonce,
      timestamp: String(timestamp),
      serial_no: GO_SERIAL,
      signature,
    });
    const ours = formatAuthorization(parts!);
    expect(ours).not.toBe(theirs);
    const pairs = (header: string) => header.split(' ')[1]!.split(',').sort();
    expect(pairs(ours)).toEqual(pairs(theirs));
    // The message signed is the same one we build.
    expect(
      await rsaSign(
        await importRsaKey(GO_KEY, 'sign', 'k'),
        requestMessage({ method: 'GET', url: '/v3/certificates', timestamp, nonce, body: '' }),
      ),
    ).toBe(signature);
  });
});
