import { describe, expect, it } from 'vitest';
import { schemaTypes } from '../../src/emit/schema-file.js';

const object = (extra: Record<string, unknown>) => ({
  type: 'object',
  description: 'An object.',
  properties: { id: { type: 'string', description: 'Id.' } },
  ...extra,
});

/** The generated type of a document with one component schema, whitespace squeezed. */
async function typeOf(schema: unknown, received: boolean) {
  const document = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    components: { schemas: { Only: schema } },
  };
  const text = (await schemaTypes(document, received ? ['Only'] : [])).replace(/\s+/g, ' ');
  return text.slice(text.indexOf(' Only: '), text.indexOf(' responses: '));
}

describe('schemaTypes', () => {
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

  it('types x-extensible-enum as its values or any other string', async () => {
    const codes = { type: 'string', description: 'Codes.', 'x-extensible-enum': ['A', 'B'] };
    expect(await typeOf(codes, false)).toContain(`Only: "A" | "B" | (string & {});`);
  });
});
