// The whole protocol on WebCrypto alone: run with `--import ./register.mjs`, against dist.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parseNotification } from '../../dist/index.js';
import { createWechatpayClient, importRsaKey, rsaSign, rsaVerify } from '../../dist/internal.js';
import { createTestKeyPair, encryptNotification, signAsWechatpay } from '../../dist/testing.js';

await assert.rejects(import('node:crypto'), /not available/);
// Runtimes other than Node have no getBuiltinModule either: core must fall back to WebCrypto.
process.getBuiltinModule = undefined;

// Published vector V1 (Go SDK test key), through WebCrypto.
const goKey = await readFile(new URL('../vectors/go-test-key.pem', import.meta.url), 'utf8');
const v1 = await rsaSign(await importRsaKey(goKey, 'sign', 'go key'), 'source');
assert.match(
  v1,
  /^BKyAfU4iMCuvXMXS0Wzam3V\/cnxZ\+JaqigPM5OhljS2iOT95OO6Fsuml2JkFANJU9K6q9bLlDhPXuoVz\+pp4hAm6/,
);
const goPublic = await readFile(new URL('../vectors/go-test-key.pub.pem', import.meta.url), 'utf8');
assert.equal(await rsaVerify(await importRsaKey(goPublic, 'verify', 'go key'), 'source', v1), true);
assert.equal(
  await rsaVerify(await importRsaKey(goPublic, 'verify', 'go key'), 'wrong source', v1),
  false,
);

const [merchant, wechatpay] = await Promise.all([createTestKeyPair(), createTestKeyPair()]);
const keyId = 'PUB_KEY_ID_1';
const operations = {
  addPerson: {
    operationId: 'addPerson',
    method: 'POST',
    path: '/v3/people',
    successStatus: 200,
    requiredHeaders: [],
    encryptedFields: { request: ['/names/*'], response: [] },
  },
};
const fetch = async (request) => {
  assert.match(request.headers.get('Authorization'), /^WECHATPAY2-SHA256-RSA2048 /);
  const sent = await request.json();
  assert.notEqual(sent.names[0], '张三');
  const body = JSON.stringify({ ok: true });
  return new Response(body, {
    headers: await signAsWechatpay(body, { privateKey: wechatpay.privateKey, serial: keyId }),
  });
};
const client = createWechatpayClient(
  {
    mchid: '1900000001',
    merchant: { serialNo: 'S1', privateKey: merchant.privateKey },
    wechatpay: { publicKeyId: keyId, publicKey: wechatpay.publicKey },
    fetch,
  },
  { operations, product: 'portable-test' },
);
const { data } = await client.addPerson({ body: { names: ['张三'] } });
assert.deepEqual(data, { ok: true });

const apiV3Key = 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb';
const body = await encryptNotification({
  apiV3Key,
  eventType: 'E.GRANTED',
  payload: { a: 1 },
  originalType: 'x',
  summary: 's',
});
const headers = await signAsWechatpay(body, { privateKey: wechatpay.privateKey, serial: keyId });
const event = await parseNotification(
  { headers, body },
  { apiV3Key, wechatpay: { publicKeyId: keyId, publicKey: wechatpay.publicKey } },
);
assert.deepEqual(event.resource, { a: 1 });
console.log('webcrypto-only: ok');
