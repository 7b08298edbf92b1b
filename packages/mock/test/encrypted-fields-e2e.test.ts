import { createWechatpayClient, type OperationDescriptor } from '@wechatpay-kit/core/internal';
import { createTestKeyPair } from '@wechatpay-kit/core/testing';
import type { Node } from '@wechatpay-kit/generator/src/lib/document.js';
import { createTransformContext } from '@wechatpay-kit/generator/src/transform/context.js';
import { transformOperationObject } from '@wechatpay-kit/generator/src/transform/operation-object.js';
import { describe, expect, it } from 'vitest';
import { createSecurity } from '../src/simulator/security.js';
import { wechatpayResponse } from '../src/wechatpay-response.js';

// From spec to wire and back: the generator turns a schema with marks under `then` and
// `additionalProperties` into an operation row; the client encrypts those fields on the wire;
// the simulator's security decrypts them, and its answer (encrypted by the same row) is
// decrypted by the client again.

const secret = { type: 'string', 'x-wechatpay-encrypted': true };
const document = {
  paths: {
    '/v3/people': {
      post: {
        operationId: 'addPerson',
        parameters: [{ name: 'Wechatpay-Serial', in: 'header', required: true }],
        requestBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Person' } } },
        },
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Person' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Person: {
        type: 'object',
        properties: {
          kind: { type: 'string' },
          contacts: {
            type: 'object',
            properties: { primary: { type: 'string' } },
            additionalProperties: secret,
          },
        },
        if: { properties: { kind: { const: 'person' } }, required: ['kind'] },
        then: { properties: { id_number: secret } },
      },
    },
  },
} as unknown as Node;

const operation = (document.paths as Record<string, { post: Node }>)['/v3/people']!.post;
const descriptor: OperationDescriptor = transformOperationObject(
  operation,
  createTransformContext(document, { pointer: '/paths/~1v3~1people/post' }),
);

const MCHID = '1900000001';
const MERCHANT_SERIAL = '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C';
const KEY_ID = 'PUB_KEY_ID_0114232134912410000000000000';
const [merchant, wechatpay] = await Promise.all([createTestKeyPair(), createTestKeyPair()]);

const security = createSecurity({
  mchid: MCHID,
  merchant: { serialNo: MERCHANT_SERIAL, publicKey: merchant.publicKey },
  wechatpay: { publicKeyId: KEY_ID, privateKey: wechatpay.privateKey },
  now: Date.now,
});

type AddPerson = (init: { body: unknown }) => Promise<{ data?: unknown; response: Response }>;

describe('a field under then and under additionalProperties', () => {
  it('gets a field pointer from the generator', () => {
    expect(descriptor.encryptedFields).toEqual({
      request: ['/contacts/*{"except":["primary"]}', '/id_number'],
      response: ['/contacts/*{"except":["primary"]}', '/id_number'],
    });
  });

  it('is encrypted on the wire by the client and decrypted by the simulator, both ways', async () => {
    const person = {
      kind: 'person',
      id_number: '110101199003070000',
      contacts: { primary: 'plain', mother: '13800000000', father: '13900000000' },
    };
    const wire: { request?: unknown; decrypted?: unknown; answer?: unknown } = {};
    const fetch = async (request: Request) => {
      const text = await request.text();
      await security.verifyRequest(request, text);
      security.checkWechatpaySerial(request);
      wire.request = JSON.parse(text);
      const body = JSON.parse(text) as unknown;
      await security.decryptRequestFields(descriptor, body);
      wire.decrypted = body;
      const answer = await wechatpayResponse(
        descriptor,
        { status: 200, body },
        {
          wechatpay: { serial: KEY_ID, privateKey: wechatpay.privateKey },
          merchant: { publicKey: merchant.publicKey },
        },
      );
      wire.answer = await answer.clone().json();
      return answer;
    };
    const client = createWechatpayClient<any, { addPerson: AddPerson }>(
      {
        mchid: MCHID,
        merchant: { serialNo: MERCHANT_SERIAL, privateKey: merchant.privateKey },
        wechatpay: { publicKeyId: KEY_ID, publicKey: wechatpay.publicKey },
        fetch,
        retry: false,
      },
      { operations: { addPerson: descriptor }, product: '@wechatpay-kit/e2e' },
    );

    const { data, response } = await client.addPerson({ body: person });

    expect(response.status).toBe(200);
    for (const sent of [wire.request, wire.answer] as (typeof person)[]) {
      expect(sent.kind).toBe('person');
      expect(sent.contacts.primary).toBe('plain');
      for (const value of [sent.id_number, sent.contacts.mother, sent.contacts.father]) {
        expect(value).toMatch(/^[A-Za-z0-9+/]{340,}={0,2}$/); // RSA-2048 ciphertext, base64
      }
    }
    expect(wire.decrypted).toEqual(person);
    expect(data).toEqual(person);
  });
});
