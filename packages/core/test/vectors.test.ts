/**
 * Published WeChat Pay APIv3 test vectors (Go and Java SDKs, axios plugin) plus the derived
 * vectors D1–D5 of the protocol reference (§6). Every expected value is exact, so each test
 * fails if signing, message building, verification or decryption drifts.
 */
import { createHash, createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aesGcmDecrypt, aesGcmEncrypt } from '../src/crypto/aes-gcm.js';
import { importRsaKey, type KeyInput } from '../src/crypto/keys.js';
import { oaepDecrypt, oaepEncrypt, rsaSign, rsaVerify } from '../src/crypto/rsa.js';
import {
  parseNotification,
  WechatpayDecryptionError,
  WechatpayVerificationError,
  type VerificationFailure,
} from '../src/index.js';
import { formatAuthorization, parseAuthorization } from '../src/protocol/authorization.js';
import { merchantKeys, wechatpayKeys } from '../src/protocol/credentials.js';
import { requestMessage, responseMessage } from '../src/protocol/messages.js';
import { verifySignature } from '../src/protocol/verify.js';
import { verifyResponse } from '../src/transport/verify-response.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./vectors/${name}`, import.meta.url), 'utf8');

/** wechatpay-go test key (PKCS#8), its SPKI public key and a self-signed cert (serial F5765756002FDD77). */
const GO_KEY = fixture('go-test-key.pem');
const GO_PUB = fixture('go-test-key.pub.pem');
const GO_CERT = fixture('go-test-cert.pem');
/** wechatpay-java `core/src/test/resources/merchant_private_key.pem`. */
const JAVA_KEY = fixture('java-merchant-key.pem');

const utf8 = (text: string) => new TextEncoder().encode(text);
const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** The public half of a PKCS#8 PEM as SPKI PEM (test-side, via node:crypto). */
const publicPemOf = (privatePem: string) =>
  createPublicKey(privatePem).export({ type: 'spki', format: 'pem' }) as string;
const JAVA_PUB = publicPemOf(JAVA_KEY);

const keys = {
  go: { private: GO_KEY, public: GO_PUB },
  java: { private: JAVA_KEY, public: JAVA_PUB },
} as const;

const GO_SERIAL = 'F5765756002FDD77';
const GO_NOTIFY_SERIAL = 'D7CE59D1F522D701';
const OFFICIAL_TS = '1554208460';
const OFFICIAL_NONCE = '593BEC0C930BF1AFEB40B4A08C8FB242';
const RESPONSE_TS = '1554209980';
const RESPONSE_NONCE = 'c5ac7061fccab6bf3e254dcf98995b8c';

const V1_SIGNATURE =
  'BKyAfU4iMCuvXMXS0Wzam3V/cnxZ+JaqigPM5OhljS2iOT95OO6Fsuml2JkFANJU9K6q9bLlDhPXuoVz+pp4hAm6pHU4ld815U4jsKu1RkyaII+1CYBUYC8TK0XtJ8FwUXXz8vZHh58rrAVN1XwNyvD1vfpxrMT4SL536GLwvpUHlCqIMzoZUguLli/K8V29QiOhuH6IEqLNJn8e9b3nwNcQ7be3CzYGpDAKBfDGPCqCv8Rw5zndhlffk2FEA70G4hvMwe51qMN/RAJbknXG23bSlObuTCN7Ndj1aJGH6/L+hdwfLpUtJm4QYVazzW7DFD27EpSQEqA8bX9+8m1rLg==';
const D1_SIGNATURE =
  'RjVFHMcrr9NsM4SiNmpFx6QPR99WztxatBshmr/6f7pXnt2YSPAhmNrEEAjWgpOcf5Zxbwl2qdPACOsEOeGrnLD81nVK3ucJq50iD0FAyF11knd1C9ic7zV9Jg3zao0+Wx3yAI6jXx6NLBEfNNspCazrQ+IHsUi04tubSBsT+4LHT9j0rL9axFBl7jVYe7uZ1ZQzap8EokLHDQbYw6qPEOs85+a2rnudh3TCPe81oUfe0zPqwEE6sWxxeSCYx+1mbURsOAN4Z8/uKgOIZxbDAkqYWFb7VOaHFeejC1rsxUc7wkw0zQWxae1giswROXii1DorwdJ3CGlPchx0PyDjkQ==';
const D2_BODY =
  '{"appid":"wxd678efh567hg6787","mchid":"1230000109","description":"Image形象店-深圳腾大-QQ公仔","out_trade_no":"1217752501201407033233368018","notify_url":"https://www.weixin.qq.com/wxpay/pay.php","amount":{"total":100,"currency":"CNY"},"payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}';
const D2_SIGNATURE =
  'pZiQhrF522xeAq+RRHDJybp2Pa+UY+kdjK/7ttFy6n20wjQGCBWdMWasBFz0gS+hxH3ljSj6KXmwA2jtjZTsdZoWBf5SDw1OfgmXpI0onXKS08kt7+mnMkJFpuT3QtlDBtfOcW5DQjA2JezMtJLsVDfd1cja8EyDVkRAmVeI2ZK3/+OFZirZ9Qt10l7ojFZyc2nb8yOCi6w1W2UUEZenveeim5v9qFLZbTupUkzR8TwjSJXOKK4EA+OY6HACrFD8QeaKvezTwQbGqTiH3gZvajrbuK4iHIZKThBs413j4xRau+ZocaMYm18dgCX2DitoYqjpsmIiL69zeD8dWz4LuQ==';
const D3_SIGNATURE =
  'I3rBjiGKeDrfOqpT4aW2VvjhsA2GEpOyCQivyRwmSroe6EftplTwTBtIyg0QKmxX+5xWmgOkHEWjebST5Vt8NL9Dka8cNN3oZsRvG8hvBxuTLMrvigG7tOF2YNUW6AKzKlCCXMAo0MF6BE/d7jNKyM7nAK+ZaiI/22T4v2RmlQFFGo1op6Li+MBeLb7624rDqkw5VKY97jMavtEFgaVWy0DKTmiXinujsU9kpYVJq8noO0NiyhDWG5RFYQmGYRzd3wio9IWRDWYi+qNWuGhg1CoSOgo02UbmT9W8/RXXxP+w0c9RLLhL3aBPT5coCp6cEbyA+KukOGAhKi93HHIYAg==';
const D4_SIGNATURE =
  '2KjblL4kjCDgxa69eexKN10rB7UdPqmw2wn4slUaPHCYLY1TAwScXSMnPIZ2fv6jkqI0x25yOWhl+ZSXR6PNPbG/clJrcqNzzFJtzTAyZ4YDyAINaPAiIY4qZYm6t/XIYqEkDKlBUG+NwOJe+96vbciGPD5dv58TbUBaHgdcz8gfYeYwbB4hf7pOOg1YJZPwhQdB1iPgQcaGzYZn0b43efi4qwDiIXl1wgyIAXsQxKyOIQAwbS8tgloL+GOr61Px0BGGwmh/0D5j1X4mZA1dxFyprU4mB95W4n3WpQmEJz91luUBqMfz3jo1zxRmLFjJDVdd2/qct0WD6fzD3HyQvw==';
const V7_SIGNATURE =
  'Rq+5ZpWV6IHTWE1+9gCrYJKguNgbItpMdlIA+PVCPCdUAKNlohZz7CL7Y8xWDIFJjdGnErMj6Z+Q/h9CF5MV+nAVkqDmBR0uP5ppsUEzco4ijvKHsvI2ro4boSW6vSfQs3W8I4QSI9a0/NFIgvj83Fv27LIYZf7deaFWmEwd1fpAeJRCyoKyBeJPdsjVx0//Lqe6Wze2zVdliLcBvaHCfpd8+rAVGS+FQDeWgHqJ7n/Zy09LmV1/ghs7pO1mdjdD16SHKlysAD3K5hNGUJX/SHrEXEcu1yO1AOb/YvOVkjNh8243rcfXNE5L4ph2XS11vS+2aToKYSOcKUagf0LLaw==';

const D1_MESSAGE = requestMessage({
  method: 'GET',
  url: '/v3/certificates',
  timestamp: OFFICIAL_TS,
  nonce: OFFICIAL_NONCE,
  body: '',
});
const D2_MESSAGE = requestMessage({
  method: 'POST',
  url: '/v3/pay/transactions/jsapi',
  timestamp: Number(OFFICIAL_TS),
  nonce: OFFICIAL_NONCE,
  body: D2_BODY,
});
const V9_MESSAGE = requestMessage({
  method: 'get',
  url: '/v3/pay/transactions/id/1217752501201407033233368018?mchid=1230000109',
  timestamp: 1652750623,
  nonce: 'eBYqCOxa0QudMnPvVilkTzOg3gHh5Z3u',
  body: '',
});
const D4_MESSAGE = responseMessage({ timestamp: RESPONSE_TS, nonce: RESPONSE_NONCE, body: '' });

describe('message builders', () => {
  it.each([
    [
      'D1 (GET, empty body)',
      D1_MESSAGE,
      `GET\n/v3/certificates\n${OFFICIAL_TS}\n${OFFICIAL_NONCE}\n\n`,
    ],
    [
      'D2 (POST JSON)',
      D2_MESSAGE,
      `POST\n/v3/pay/transactions/jsapi\n${OFFICIAL_TS}\n${OFFICIAL_NONCE}\n${D2_BODY}\n`,
    ],
    [
      'V9 (lower-case method, query string)',
      V9_MESSAGE,
      'GET\n/v3/pay/transactions/id/1217752501201407033233368018?mchid=1230000109\n1652750623\neBYqCOxa0QudMnPvVilkTzOg3gHh5Z3u\n\n',
    ],
    ['D4 (204, empty body)', D4_MESSAGE, `${RESPONSE_TS}\n${RESPONSE_NONCE}\n\n`],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('D2 body transcribed exactly (295 UTF-8 bytes, published SHA-256)', () => {
    expect(utf8(D2_BODY).length).toBe(295);
    expect(sha256Hex(D2_BODY)).toBe(
      '11bbfb8793ea3544bbd7da6d384d570644ceaa7f9cf172c8fbeffb3724686dd9',
    );
  });
});

describe('SHA256withRSA vectors (V1, D1, D2, D3, D4, V7)', () => {
  const table = [
    { name: 'V1 Go "source"', key: 'go', message: 'source', signature: V1_SIGNATURE },
    { name: 'D1 GET /v3/certificates', key: 'go', message: D1_MESSAGE, signature: D1_SIGNATURE },
    { name: 'D2 POST jsapi', key: 'go', message: D2_MESSAGE, signature: D2_SIGNATURE },
    { name: 'D3 V9 with Java key', key: 'java', message: V9_MESSAGE, signature: D3_SIGNATURE },
    { name: 'D4 signed 204', key: 'go', message: D4_MESSAGE, signature: D4_SIGNATURE },
    { name: 'V7 Java "message"', key: 'java', message: 'message', signature: V7_SIGNATURE },
  ] as const;

  it.each(table)(
    '$name: signs to the exact published value',
    async ({ key, message, signature }) => {
      const signKey = await importRsaKey(keys[key].private, 'sign', 'test.privateKey');
      expect(await rsaSign(signKey, message)).toBe(signature);
    },
  );

  it.each(table)('$name: verifies with the public key', async ({ key, message, signature }) => {
    const verifyKey = await importRsaKey(keys[key].public, 'verify', 'test.publicKey');
    expect(await rsaVerify(verifyKey, message, signature)).toBe(true);
    expect(await rsaVerify(verifyKey, utf8(message), signature)).toBe(true);
  });

  it.each(table)('$name: fails with the other key pair', async ({ key, message, signature }) => {
    const other = key === 'go' ? 'java' : 'go';
    const verifyKey = await importRsaKey(keys[other].public, 'verify', 'test.publicKey');
    expect(await rsaVerify(verifyKey, message, signature)).toBe(false);
  });

  it('V1 negative: the signature does not cover "wrong source"', async () => {
    const verifyKey = await importRsaKey(GO_PUB, 'verify', 'test.publicKey');
    expect(await rsaVerify(verifyKey, 'wrong source', V1_SIGNATURE)).toBe(false);
    expect(await rsaVerify(verifyKey, 'source\n', V1_SIGNATURE)).toBe(false);
  });

  it.each([
    ['probe signature', 'WECHATPAY/SIGNTEST/xyz'],
    ['not base64', 'not base64!'],
    ['empty', ''],
    ['unpadded base64', V1_SIGNATURE.replace(/=+$/, '')],
    ['one flipped character', `A${V1_SIGNATURE.slice(1)}`],
  ])('rsaVerify returns false, never throws, for a malformed signature: %s', async (_n, sig) => {
    const verifyKey = await importRsaKey(GO_PUB, 'verify', 'test.publicKey');
    await expect(rsaVerify(verifyKey, 'source', sig)).resolves.toBe(false);
  });

  it('D1 Authorization header, in Go/Java pair order', async () => {
    const merchant = merchantKeys({ serialNo: GO_SERIAL, privateKey: GO_KEY });
    const header = formatAuthorization({
      mchid: '1900009191',
      nonce_str: OFFICIAL_NONCE,
      timestamp: OFFICIAL_TS,
      serial_no: merchant.serialNo,
      signature: await merchant.sign(D1_MESSAGE),
    });
    expect(header).toBe(
      `WECHATPAY2-SHA256-RSA2048 mchid="1900009191",nonce_str="${OFFICIAL_NONCE}",timestamp="${OFFICIAL_TS}",serial_no="${GO_SERIAL}",signature="${D1_SIGNATURE}"`,
    );
    expect(parseAuthorization(header)).toEqual({
      mchid: '1900009191',
      nonce_str: OFFICIAL_NONCE,
      timestamp: OFFICIAL_TS,
      serial_no: GO_SERIAL,
      signature: D1_SIGNATURE,
    });
  });

  it('V1 through a Node KeyObject and through a CryptoKey made for another algorithm', async () => {
    const keyObject = createPrivateKey(GO_KEY);
    expect(await rsaSign(await importRsaKey(keyObject, 'sign', 'k'), 'source')).toBe(V1_SIGNATURE);
    const der = keyObject.export({ type: 'pkcs8', format: 'der' });
    const oaepKey = await crypto.subtle.importKey(
      'pkcs8',
      new Uint8Array(der),
      { name: 'RSA-OAEP', hash: 'SHA-1' },
      true,
      ['decrypt'],
    );
    expect(await rsaSign(await importRsaKey(oaepKey, 'sign', 'k'), 'source')).toBe(V1_SIGNATURE);
  });
});

describe('D4: signed 204 response over an empty body', () => {
  const headers = () =>
    new Headers({
      'Wechatpay-Timestamp': RESPONSE_TS,
      'Wechatpay-Nonce': RESPONSE_NONCE,
      'Wechatpay-Serial': GO_SERIAL,
      'Wechatpay-Signature': D4_SIGNATURE,
      'Request-ID': 'e2762b10-b6b9-5108-a42c-16fe2422fc8a',
    });
  const now = () => Number(RESPONSE_TS) * 1000;

  it('verifySignature accepts it (SPKI key and X.509 certificate)', async () => {
    for (const key of [GO_PUB, GO_CERT]) {
      const wechatpay = wechatpayKeys({ certificates: { [GO_SERIAL]: key } });
      await expect(
        verifySignature(headers(), new Uint8Array(0), { wechatpay, now }),
      ).resolves.toBeUndefined();
    }
  });

  it('verifyResponse passes the 204 through', async () => {
    const wechatpay = wechatpayKeys({ certificates: { [GO_SERIAL]: GO_PUB } });
    const response = await verifyResponse(new Response(null, { status: 204, headers: headers() }), {
      wechatpay,
      now,
    });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('rejects a one-byte body under the same signature', async () => {
    const wechatpay = wechatpayKeys({ certificates: { [GO_SERIAL]: GO_PUB } });
    await expect(verifySignature(headers(), utf8(' '), { wechatpay, now })).rejects.toMatchObject({
      reason: 'bad-signature',
      requestId: 'e2762b10-b6b9-5108-a42c-16fe2422fc8a',
    });
  });
});

describe('V2: the Go SDK callback (verify + AES-128-GCM decrypt)', () => {
  const V2_TS = 1624523846;
  const V2_SIGNATURE =
    'tJHIiIS9eB2hAYstmAmbbD3ZE5LiIm/Ug5tuL4fC0YOFRWIHV39UFIZXC0e9Wl6lBu6sKvkqDkzpqzBsVHyXFlbYZTOQrVdG4b6LfTnK4mikv9++ixJMd3vTf2yCqvBkh98zs3Ds5zsYQakzbcwhmw4fMJs4nPLws28H0UW9FjDR//rxELLwXvV1VEA1IBLX70xptjL8hrfUjEE8kkry6yNJTHZRU8CAc7qHli2Ng1V1qb9ARbK8A3ThmFmPQvRGrapI/jS2laKKgYUmfdEdkNO6B2Cke5e8VTxY406ArAmQ90GAihDwIcb16TQMnzCMBoutnwZKNiKRACrFmtxw2Q==';
  const V2_CIPHERTEXT =
    'YDS3lKPaC4Y52Gf3uhft5qUBlIa8b428AWTtTauHQfQrRw+X1WpiuHIDy0vo1Vd6VEq67aVyqPdDYMkRVSDaZL3iZttevRMOoPKMifozg6XPWjIZumks/GpT48lI4NizyeaqLBokNebthah3o1H76qSlO9NkDjp9bzmKLEYYH9TEklFUpsvPqOTOcgSLgh21YJXYR7dEBXFgRLiNIKRgO5JdXh1hccRUAlyVWxE54PXpnQ==';
  const V2_BODY = `{"id":"3119dfba-e649-5eec-ab1e-3412bc4d2e17","create_time":"2021-06-24T16:37:26+08:00","resource_type":"encrypt-resource","event_type":"PAYSCORE.USER_OPEN_SERVICE","summary":"签约成功","resource":{"original_type":"payscore","algorithm":"AEAD_AES_256_GCM","ciphertext":"${V2_CIPHERTEXT}","associated_data":"payscore","nonce":"Kj7QIyUiYx1q"}}`;
  const V2_PLAINTEXT =
    '{"mchid":"1234567890","appid":"054aa7d7a2a54ab5898df65bd96f001c","create_time":"2020-06-30T12:12:00+08:00","out_contract_code":"21640bdbd08e473e828f3206a2741c6e"}';
  const V2_HEADERS: Record<string, string> = {
    'Wechatpay-Nonce': 'EcZ9Cmy4Xyx1i6RlJQzLcCyEqDa26NBz',
    'Wechatpay-Timestamp': String(V2_TS),
    'Wechatpay-Serial': GO_NOTIFY_SERIAL,
    'Wechatpay-Signature': V2_SIGNATURE,
    'Content-Type': 'application/json',
  };
  const options = (overrides: { now?: number; apiV3Key?: string; serial?: string } = {}) => ({
    apiV3Key: overrides.apiV3Key ?? 'testMchAPIv3Key0',
    wechatpay: { certificates: { [overrides.serial ?? GO_NOTIFY_SERIAL]: GO_PUB } },
    now: () => (overrides.now ?? V2_TS) * 1000,
  });
  const request = (body = V2_BODY, headers = V2_HEADERS) =>
    new Request('https://merchant.example/notify', { method: 'POST', headers, body });

  it('body transcribed exactly (568 UTF-8 bytes, published SHA-256)', () => {
    expect(utf8(V2_BODY).length).toBe(568);
    expect(sha256Hex(V2_BODY)).toBe(
      'b6fdfc5e4afdc463950d873c4fdc3c494df05965016225c6a1e8e2e887cdc94d',
    );
  });

  it.each([
    ['a Request', () => request()],
    ['{ headers, body: string }', () => ({ headers: V2_HEADERS, body: V2_BODY })],
    [
      '{ headers: Headers, body: bytes }',
      () => ({ headers: new Headers(V2_HEADERS), body: utf8(V2_BODY) }),
    ],
  ])('parseNotification verifies and decrypts %s', async (_name, input) => {
    const event = await parseNotification(input(), options());
    expect(event).toMatchObject({
      id: '3119dfba-e649-5eec-ab1e-3412bc4d2e17',
      create_time: '2021-06-24T16:37:26+08:00',
      resource_type: 'encrypt-resource',
      event_type: 'PAYSCORE.USER_OPEN_SERVICE',
      summary: '签约成功',
    });
    expect(JSON.stringify(event.resource)).toBe(V2_PLAINTEXT);
  });

  it('accepts a clock exactly 300 s away', async () => {
    await expect(
      parseNotification(request(), options({ now: V2_TS + 300 })),
    ).resolves.toBeDefined();
    await expect(
      parseNotification(request(), options({ now: V2_TS - 300 })),
    ).resolves.toBeDefined();
  });

  const failures: [string, () => Request, ReturnType<typeof options>, VerificationFailure][] = [
    [
      'body with one extra space',
      () => request(V2_BODY.replace('{"id":', '{"id": ')),
      options(),
      'bad-signature',
    ],
    ['now 301 s later', () => request(), options({ now: V2_TS + 301 }), 'stale-timestamp'],
    ['now 301 s earlier', () => request(), options({ now: V2_TS - 301 }), 'stale-timestamp'],
    ['unknown Wechatpay-Serial', () => request(), options({ serial: GO_SERIAL }), 'unknown-serial'],
    [
      'SIGNTEST probe signature',
      () => request(V2_BODY, { ...V2_HEADERS, 'Wechatpay-Signature': 'WECHATPAY/SIGNTEST/xyz' }),
      options(),
      'probe-signature',
    ],
    [
      'missing Wechatpay-Nonce',
      () => request(V2_BODY, { ...V2_HEADERS, 'Wechatpay-Nonce': '' }),
      options(),
      'missing-header',
    ],
    [
      'millisecond timestamp',
      () => request(V2_BODY, { ...V2_HEADERS, 'Wechatpay-Timestamp': `${V2_TS}000` }),
      options(),
      'stale-timestamp',
    ],
  ];

  it.each(failures)('rejects: %s', async (_name, input, opts, reason) => {
    const error = await parseNotification(input(), opts).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WechatpayVerificationError);
    expect((error as WechatpayVerificationError).reason).toBe(reason);
  });

  it('a verified callback under the wrong APIv3 key is a decryption error', async () => {
    await expect(
      parseNotification(request(), options({ apiV3Key: 'testMchAPIv3Key1' })),
    ).rejects.toBeInstanceOf(WechatpayDecryptionError);
  });
});

describe('AES-GCM vectors (V2 resource, V3, V5, V10, D5 resource)', () => {
  const D5_CIPHERTEXT =
    'Y/YEfUnbjBvKjySBXpexHPMC5wc2rJu0ma+GDqJJTec+dUFFEmUAr1GSevciGbQaxBCU90ZRIDRRP3k0Q8C6+HrJ5eTgbTaEORoE2mN6L4zvytbkDjceOOVX+PcO8zfSqWelbBn/HTARoR/IJ8vaYvibDUWkf9P6DcgO36YXDNde98UeVk5jdilJIvsWcocQDRnfSbdOmoGrYDrGIuaq+H4d277delFR1T00HFNYZvZPuIms2CHx3sOaWHZLStwaZQMkwM7dTb2AZMK6kuek1ZhPBVPRl3r/wvKKx59r/dZSePKbSZ9QVvW4aaBMD5zZkLSUjVWtg4IX+NXe8paYVTtfeDRwTbpIuPdzUkXAf1KE6lKe2zMlTgpUdKcNGUfSyTGOoH2tj78CBj1UD/M4BPCbr1jRlav97U3l4L9wmfzJaKjZzekVUo8VFLxqbZ1YABRUr07wNtNAXrHxsnBIhtlLD1NG2Z96ZLhxsViRXiXPrU/xNLBvkLbILdlhKlZ+sMP9IbfyYpUiilwyPVz0pH90D1G8s1qQOjh5mJ9UQQokU8mR6pAN5m3JWl4Kl3A9TV4Cp6WBtCSwioJe';
  const table = [
    {
      name: 'V3 Go AES-128',
      key: 'testAPIv3Key0000',
      nonce: 'wCq51qZv4Yfg',
      associatedData: 'Dl56FrqWQJF1t9LtC3vEUsniZKvbqdR8',
      plaintext: 'Hello World',
      ciphertext: 'FsdXzxryWfKwvLJKf8LG/ToRPTRh8RN9wROC',
    },
    {
      name: 'V5 Java AES-256',
      key: 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb',
      nonce: 'uluk4a9R25RW',
      associatedData: 'associatedData',
      plaintext: 'message',
      ciphertext: 'ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=',
    },
    {
      name: 'V10 axios 16-byte IV, empty plaintext and AAD',
      key: '0123456789abcdef0123456789abcdef',
      nonce: '0123456789abcdef',
      associatedData: '',
      plaintext: '',
      ciphertext: 'GvpmmdtYwexXIPhySs9Tlg==',
    },
    {
      name: 'V10 axios 16-byte IV, "hello"/"world"',
      key: '0123456789abcdef0123456789abcdef',
      nonce: '0123456789abcdef',
      associatedData: 'world',
      plaintext: 'hello',
      ciphertext: 'APoZlYpivU3HjbAiB4CvW1rAFr8J',
    },
    {
      name: 'D5 transaction resource',
      key: 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb',
      nonce: 'fdasflkja484',
      associatedData: 'transaction',
      plaintext:
        '{"mchid":"1230000109","appid":"wxd678efh567hg6787","out_trade_no":"1217752501201407033233368018","transaction_id":"1217752501201407033233368018","trade_type":"JSAPI","trade_state":"SUCCESS","trade_state_desc":"支付成功","bank_type":"CMC","attach":"","success_time":"2018-06-08T10:34:56+08:00","payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},"amount":{"total":100,"payer_total":100,"currency":"CNY","payer_currency":"CNY"}}',
      ciphertext: D5_CIPHERTEXT,
    },
  ];

  it.each(table)(
    '$name: decrypts to the exact plaintext',
    async ({ key, nonce, associatedData, plaintext, ciphertext }) => {
      expect(await aesGcmDecrypt(key, { ciphertext, nonce, associatedData })).toBe(plaintext);
    },
  );

  it.each(table)(
    '$name: encrypts to the exact ciphertext',
    async ({ key, nonce, associatedData, plaintext, ciphertext }) => {
      expect(await aesGcmEncrypt(key, plaintext, { nonce, associatedData })).toBe(ciphertext);
    },
  );

  it('D5 plaintext is the documented 428 bytes', () => {
    expect(utf8(table[4]!.plaintext).length).toBe(428);
  });

  const v3 = { nonce: 'wCq51qZv4Yfg', associatedData: 'Dl56FrqWQJF1t9LtC3vEUsniZKvbqdR8' };
  const v5 = { nonce: 'uluk4a9R25RW', associatedData: 'associatedData' };
  const zeros128 = btoa(String.fromCharCode(...new Uint8Array(128)));
  it.each([
    [
      'V3 wrong key',
      'testAPIv3Key1111',
      { ...v3, ciphertext: 'FsdXzxryWfKwvLJKf8LG/ToRPTRh8RN9wROC' },
    ],
    ['V3 shorter than a tag', 'testAPIv3Key0000', { ...v3, ciphertext: 'SGVsbG8gV29ybGQK' }],
    ['V3 not base64', 'testAPIv3Key0000', { ...v3, ciphertext: 'invalid cipher' }],
    [
      'V5 bad AAD',
      'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb',
      {
        ...v5,
        associatedData: 'bad-associatedData',
        ciphertext: 'ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=',
      },
    ],
    [
      'V5 bad nonce',
      'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb',
      { ...v5, nonce: 'bad-4a9R25RW', ciphertext: 'ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=' },
    ],
    ['V5 128 zero bytes', 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb', { ...v5, ciphertext: zeros128 }],
    [
      'V5 missing AAD',
      'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb',
      { nonce: v5.nonce, ciphertext: 'ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=' },
    ],
    [
      'V5 tag truncated by one byte',
      'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb',
      { ...v5, ciphertext: btoa(atob('ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=').slice(0, -1)) },
    ],
  ])('rejects: %s', async (_name, key, parts) => {
    await expect(aesGcmDecrypt(key, parts)).rejects.toThrow();
  });

  it.each([['short'], ['testAPIv3Key000'], ['a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb0']])(
    'refuses an APIv3 key that is not 16/24/32 bytes: %s',
    async (key) => {
      await expect(
        aesGcmDecrypt(key, {
          ciphertext: 'ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=',
          nonce: 'uluk4a9R25RW',
        }),
      ).rejects.toThrow(/apiV3Key/);
    },
  );
});

describe('RSA-OAEP(SHA-1) vectors (V4, V8)', () => {
  const V4_CIPHERTEXT =
    'k/ASStqPXJikowOxiCddi8QeBhMcpLV4bjVqvNM9jnoqt1MPvbKSAmaEgYhIP07KUC8suaTCKw6IWsng/BIR2wLicfm1m7mPSosC3xnMb2tU0uA/DQTggN+e0G/akhIZ7d9gL6dj56BYkcy/RgTGHvs9ybIoD6dgCWL/pApgZRnowhKU2ZY1bQbBpudyiWmfBE6kZ+zISN8eb9tNOGucOTkkqz7C0BgGkkUAtu/qVUMo9t/597tGUde7uqVSdrV68XA4FTk9Jxjb3mXSB1u+huX99pY/ku/8evvtR/rhtebQNzHmghiFtEDpPQKwdf3m1akilb3Eum/MvV0Ouxn2dg==';
  const V8_CIPHERTEXT =
    'Qqsluo7R1IZyAqdkm/jBzwXDP5VndCwwFbRA+yILFTYciZzrRChQIQ7SKuI2k3YSR5auB3ZspdjR1WPB3PTCKe6BCFx3NnaPWhSwonYTmW8ZseXjkbcYSbKL5O/6dr6Zftg3t2A2FUd97acjM1fr2EIvIvRieQ3Hl8qVkDBY9520wm1rzvePUnxQWN70RZiBcqr7O7Gb0gU3l7FkvoUFSbY44HgDJetmVow3yGIV3Tcd45o2MNQ+5F1qvjIjb3/6dkGKce4/kNTYraUMO6o6kfFXlfg+bFRIiz8hiUpbToWdu7g0R5Hq0/YIE5vw/5Ms4gbk2HIQIfOLkY8sEPjYHA==';
  const table = [
    { name: 'V4 Go key', key: 'go', ciphertext: V4_CIPHERTEXT, plaintext: 'hello world' },
    { name: 'V8 Java key', key: 'java', ciphertext: V8_CIPHERTEXT, plaintext: 'plaintext' },
  ] as const;

  it.each(table)(
    '$name: oaepDecrypt gives the exact plaintext',
    async ({ key, ciphertext, plaintext }) => {
      const decryptKey = await importRsaKey(keys[key].private, 'decrypt', 'test.privateKey');
      expect(await oaepDecrypt(decryptKey, ciphertext)).toBe(plaintext);
    },
  );

  it.each(table)(
    '$name: merchantKeys().decrypt gives the exact plaintext',
    async ({ key, ciphertext, plaintext }) => {
      const merchant = merchantKeys({ serialNo: 'TEST', privateKey: keys[key].private });
      expect(await merchant.decrypt(ciphertext)).toBe(plaintext);
    },
  );

  it.each(table)('$name: fails under the other private key', async ({ key, ciphertext }) => {
    const other = key === 'go' ? 'java' : 'go';
    const decryptKey = await importRsaKey(keys[other].private, 'decrypt', 'test.privateKey');
    await expect(oaepDecrypt(decryptKey, ciphertext)).rejects.toThrow();
  });

  it('V8 negative: "MTIzNA==" does not decrypt', async () => {
    const decryptKey = await importRsaKey(JAVA_KEY, 'decrypt', 'test.privateKey');
    await expect(oaepDecrypt(decryptKey, 'MTIzNA==')).rejects.toThrow();
  });

  it('V4 ciphertext does not decrypt as OAEP/SHA-256 (the hash matters)', async () => {
    const der = createPrivateKey(GO_KEY).export({ type: 'pkcs8', format: 'der' });
    const sha256Key = await crypto.subtle.importKey(
      'pkcs8',
      new Uint8Array(der),
      { name: 'RSA-OAEP', hash: 'SHA-256' },
      false,
      ['decrypt'],
    );
    await expect(oaepDecrypt(sha256Key, V4_CIPHERTEXT)).rejects.toThrow();
    // importRsaKey re-imports a foreign CryptoKey as SHA-1 only when it is extractable.
    await expect(importRsaKey(sha256Key, 'decrypt', 'test.privateKey')).rejects.toThrow(
      /test\.privateKey/,
    );
  });

  it('oaepEncrypt with the public key (SPKI and certificate) decrypts with the Go key', async () => {
    const decryptKey = await importRsaKey(GO_KEY, 'decrypt', 'test.privateKey');
    for (const pub of [GO_PUB, GO_CERT]) {
      const ciphertext = await oaepEncrypt(
        await importRsaKey(pub, 'encrypt', 'k'),
        '张三 13800138000',
      );
      expect(atob(ciphertext)).toHaveLength(256);
      expect(await oaepDecrypt(decryptKey, ciphertext)).toBe('张三 13800138000');
    }
  });
});

describe('D5: AES-256 callback signed with the Go key', () => {
  const D5_TS = 1554209980;
  const D5_SIGNATURE =
    'Db9CFzBwbE0kGug6c5Q3RAP5e2T5Dco9HVqbk797jd3xchv3+ftPDd62ZFog1muN+KyonH+hMYcA87ZGsLh63tnnwHWkHUCGi3kf/yZLDtOuAJqgtMHb6sxkJWXRWiJDu7Hply5gVV6aAmc540Jq9TA1wi5+tQ5Ac6k10s7nMChPa7/NSdJY5IcdTSae5ZivO9Xtgil/5K+jrnSmUdm55OgDwNh+dWZDGp6ZdLpserO7BJx6vrq0ObO3WOjEDJAfYnI69wHvChv3CICAojLzjJfg7gfxupenBVw3q53u4guUoDMW5m2RuuQ1WykS0chbAx52G5S2JN4wqLGi9Ad6ew==';
  const D5_CIPHERTEXT =
    'Y/YEfUnbjBvKjySBXpexHPMC5wc2rJu0ma+GDqJJTec+dUFFEmUAr1GSevciGbQaxBCU90ZRIDRRP3k0Q8C6+HrJ5eTgbTaEORoE2mN6L4zvytbkDjceOOVX+PcO8zfSqWelbBn/HTARoR/IJ8vaYvibDUWkf9P6DcgO36YXDNde98UeVk5jdilJIvsWcocQDRnfSbdOmoGrYDrGIuaq+H4d277delFR1T00HFNYZvZPuIms2CHx3sOaWHZLStwaZQMkwM7dTb2AZMK6kuek1ZhPBVPRl3r/wvKKx59r/dZSePKbSZ9QVvW4aaBMD5zZkLSUjVWtg4IX+NXe8paYVTtfeDRwTbpIuPdzUkXAf1KE6lKe2zMlTgpUdKcNGUfSyTGOoH2tj78CBj1UD/M4BPCbr1jRlav97U3l4L9wmfzJaKjZzekVUo8VFLxqbZ1YABRUr07wNtNAXrHxsnBIhtlLD1NG2Z96ZLhxsViRXiXPrU/xNLBvkLbILdlhKlZ+sMP9IbfyYpUiilwyPVz0pH90D1G8s1qQOjh5mJ9UQQokU8mR6pAN5m3JWl4Kl3A9TV4Cp6WBtCSwioJe';
  const D5_BODY = `{"id":"EV-2018022511223320873","create_time":"2015-05-20T13:29:35+08:00","resource_type":"encrypt-resource","event_type":"TRANSACTION.SUCCESS","summary":"支付成功","resource":{"original_type":"transaction","algorithm":"AEAD_AES_256_GCM","ciphertext":"${D5_CIPHERTEXT}","associated_data":"transaction","nonce":"fdasflkja484"}}`;
  const D5_HEADERS = {
    'Wechatpay-Timestamp': String(D5_TS),
    'Wechatpay-Nonce': RESPONSE_NONCE,
    'Wechatpay-Serial': GO_SERIAL,
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
    'Wechatpay-Signature': D5_SIGNATURE,
    'Content-Type': 'application/json',
  };
  const options = (wechatpayKey: KeyInput = GO_PUB) => ({
    apiV3Key: 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb',
    wechatpay: { certificates: { [GO_SERIAL]: wechatpayKey } },
    now: () => D5_TS * 1000,
  });

  it('body transcribed exactly (905 UTF-8 bytes, published SHA-256)', () => {
    expect(utf8(D5_BODY).length).toBe(905);
    expect(sha256Hex(D5_BODY)).toBe(
      '1cf730d43022a9ad8fbe4aee443acf089e0e0ee8b55418fd4cad74374d58cb7e',
    );
  });

  it('signature is exactly ours over ts\\nnonce\\nbody\\n', async () => {
    const signKey = await importRsaKey(GO_KEY, 'sign', 'test.privateKey');
    const message = responseMessage({
      timestamp: String(D5_TS),
      nonce: RESPONSE_NONCE,
      body: D5_BODY,
    });
    expect(await rsaSign(signKey, message)).toBe(D5_SIGNATURE);
  });

  it.each([
    ['SPKI public key', GO_PUB],
    ['X.509 certificate', GO_CERT],
  ])('parseNotification verifies and decrypts it (%s)', async (_name, key) => {
    const request = new Request('https://merchant.example/notify', {
      method: 'POST',
      headers: D5_HEADERS,
      body: D5_BODY,
    });
    const event = await parseNotification(request, options(key));
    expect(event).toMatchObject({
      id: 'EV-2018022511223320873',
      event_type: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
    });
    expect(event.resource).toMatchObject({
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      amount: { total: 100, payer_total: 100, currency: 'CNY', payer_currency: 'CNY' },
    });
    expect(utf8(JSON.stringify(event.resource)).length).toBe(428);
  });

  it('rejects the callback when verified against the Java key', async () => {
    await expect(
      parseNotification({ headers: D5_HEADERS, body: D5_BODY }, options(JAVA_PUB)),
    ).rejects.toMatchObject({ reason: 'bad-signature' });
  });
});

describe('X.509 certificate fixture (self-signed for the Go key)', () => {
  it('carries the Go public key and serial F5765756002FDD77', () => {
    const cert = new X509Certificate(GO_CERT);
    expect(cert.serialNumber.toUpperCase()).toBe(GO_SERIAL);
    expect(cert.publicKey.export({ type: 'spki', format: 'pem' })).toBe(GO_PUB.trimEnd() + '\n');
  });

  it('importRsaKey(cert, "verify") verifies V1 and rejects "wrong source"', async () => {
    const verifyKey = await importRsaKey(GO_CERT, 'verify', 'wechatpay.certificates');
    expect(await rsaVerify(verifyKey, 'source', V1_SIGNATURE)).toBe(true);
    expect(await rsaVerify(verifyKey, 'wrong source', V1_SIGNATURE)).toBe(false);
  });

  it('a certificate with CRLF line endings imports too', async () => {
    const verifyKey = await importRsaKey(GO_CERT.replace(/\n/g, '\r\n'), 'verify', 'cert');
    expect(await rsaVerify(verifyKey, 'source', V1_SIGNATURE)).toBe(true);
  });
});

describe('key import errors name the field and never echo key material', () => {
  const base64Body = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  /** Fails if any 40-character run of the key's base64 body appears in `message`. */
  const expectNoKeyMaterial = (message: string, pem: string) => {
    const body = base64Body(pem);
    for (let index = 0; index + 40 <= body.length; index += 1) {
      expect(message.includes(body.slice(index, index + 40))).toBe(false);
    }
    expect(message).not.toMatch(/[A-Za-z0-9+/]{40,}/);
  };
  const pkcs1 = createPrivateKey(GO_KEY).export({ type: 'pkcs1', format: 'pem' }) as string;
  const lines = GO_KEY.trim().split('\n');
  const corruptPkcs8 = [...lines.slice(0, 5), ...lines.slice(6)].join('\n');

  it('the PKCS#1 fixture really is "BEGIN RSA PRIVATE KEY"', () => {
    expect(pkcs1).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
  });

  it.each(['sign', 'decrypt'] as const)(
    'PKCS#1 private key for %s: names the field and the fix',
    async (use) => {
      const error = await importRsaKey(pkcs1, use, 'merchant.privateKey').catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(Error);
      const { message } = error as Error;
      expect(message).toMatch(/^merchant\.privateKey: /);
      expect(message).toContain('merchant.privateKey');
      expect(message).toContain('PKCS#8');
      expect(message).toContain('openssl pkcs8 -topk8 -nocrypt');
      expect(message).toContain('BEGIN RSA PRIVATE KEY');
      expectNoKeyMaterial(message, pkcs1);
    },
  );

  it('merchantKeys() with a PKCS#1 key fails at first use with the field name', async () => {
    const merchant = merchantKeys({ serialNo: GO_SERIAL, privateKey: pkcs1 });
    const error = await merchant.sign('source').catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/^merchant\.privateKey: .*PKCS#8/);
    expectNoKeyMaterial((error as Error).message, pkcs1);
  });

  it.each([
    ['SPKI public key as a private key', GO_PUB, 'sign'],
    ['PKCS#8 private key as a public key', GO_KEY, 'verify'],
    ['PKCS#8 private key as an encryption key', GO_KEY, 'encrypt'],
    ['PKCS#1 private key as a public key', pkcs1, 'verify'],
    ['PKCS#8 with a line missing', corruptPkcs8, 'sign'],
    ['certificate as a private key', GO_CERT, 'decrypt'],
    ['not PEM at all', base64Body(GO_KEY), 'sign'],
  ] as const)('%s', async (_name, pem, use) => {
    const error = await importRsaKey(pem, use, 'some.field').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    const { message } = error as Error;
    expect(message).toMatch(/^some\.field: /);
    expectNoKeyMaterial(message, pem);
  });
});
