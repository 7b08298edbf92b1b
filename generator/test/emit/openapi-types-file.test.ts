import { describe, expect, it } from 'vitest';
import { openapiTypes } from '../../src/emit/openapi-types-file.js';
import type { Node } from '../../src/lib/document.js';

describe('openapiTypes', () => {
  it('types x-extensible-enum as its values or any other string', async () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      components: {
        schemas: {
          Codes: { type: 'string', description: 'Codes.', 'x-extensible-enum': ['A', 'B'] },
        },
      },
    } as Node;
    const text = (await openapiTypes(document)).replace(/\s+/g, ' ');
    expect(text).toContain(`Codes: "A" | "B" | (string & {});`);
  });
});
