import { describe, expect, it } from 'vitest';
import { openapiTypes } from '../../src/emit/openapi-types-file.js';
import type { Node } from '../../src/lib/document.js';
import { createTransformContext } from '../../src/transform/context.js';
import { transformTypesDocument } from '../../src/transform/types-document.js';

const object = (extra: Record<string, unknown>) => ({
  type: 'object',
  description: 'An object.',
  properties: { id: { type: 'string', description: 'Id.' } },
  ...extra,
});

/** A webhook with WeChat Pay's envelope whose decrypted resource is `Only`. */
const envelopeWebhook = {
  post: {
    operationId: 'notify',
    requestBody: {
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              resource: {
                type: 'object',
                properties: {
                  ciphertext: {
                    type: 'string',
                    contentSchema: { $ref: '#/components/schemas/Only' },
                  },
                },
              },
            },
          },
        },
      },
    },
    responses: { 200: { description: 'ok' } },
  },
};

function documentWith(schema: unknown, received: boolean): Node {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    ...(received ? { webhooks: { 'E.ONLY': envelopeWebhook } } : {}),
    components: { schemas: { Only: schema } },
  };
}

/** The generated type of `Only`, whitespace squeezed. */
async function typeOf(schema: unknown, received: boolean) {
  const document = documentWith(schema, received);
  const before = structuredClone(document);
  const typesDocument = transformTypesDocument(document, createTransformContext(document));
  expect(document).toEqual(before);
  const text = (await openapiTypes(typesDocument)).replace(/\s+/g, ' ');
  return text.slice(text.indexOf(' Only: '), text.indexOf(' responses: '));
}

describe('transformTypesDocument', () => {
  it('leaves the index signature out of a received schema that allows extra fields', async () => {
    const resource = object({
      additionalProperties: true,
      properties: {
        id: { type: 'string', description: 'Id.' },
        inner: object({ additionalProperties: {} }),
      },
    });
    const type = await typeOf(resource, true);
    expect(type).toContain('inner?: { /** @description Id. */ id?: string; }; }; };');
    expect(type).not.toContain('[key: string]');
    expect(await typeOf(resource, false)).toContain('[key: string]: unknown;');
  });

  it('keeps it on a schema the merchant writes, and on a free-form object', async () => {
    const reply = object({ additionalProperties: true });
    const free = { type: 'object', description: 'Anything.', additionalProperties: true };
    expect(await typeOf(reply, false)).toContain('[key: string]: unknown;');
    expect(await typeOf(free, true)).toContain('[key: string]: unknown;');
  });

  it('makes a parameter the client sets optional, leaving the spec as it was', () => {
    const parameter = {
      name: 'Wechatpay-Serial',
      in: 'header',
      required: true,
      'x-wechatpay-set-by-client': true,
    };
    const document = { components: { parameters: { Serial: parameter } } } as Node;
    const typesDocument = transformTypesDocument(document, createTransformContext(document));
    expect(typesDocument).toEqual({
      components: { parameters: { Serial: { ...parameter, required: false } } },
    });
    expect(parameter.required).toBe(true);
  });
});
