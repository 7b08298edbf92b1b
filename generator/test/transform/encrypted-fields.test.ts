import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/errors.js';
import { createDocumentContext, type Node } from '../../src/lib/document.js';
import { collectEncryptedFields } from '../../src/transform/encrypted-fields.js';
import { contextWithSchemas } from '../helpers.js';

// The walker's fixture: one operation per JSON Schema keyword, with the fields and problems the
// walk must find. The generator must turn exactly those fields into the operation table, and
// refuse (naming each pointer) when there are problems.
const FIXTURE = new URL('../../../spec/test/fixtures/encrypted-fields.json', import.meta.url);
const document = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Node & {
  paths: Record<string, { post: FixtureOperation }>;
};
interface FixtureOperation {
  operationId: string;
  requestBody: { content: { 'application/json': { schema: unknown } } };
  'x-want-fields': string[];
  'x-want-problems': { pointer: string; message: string }[];
}
const ctx = createDocumentContext(document);

const cases = Object.entries(document.paths).map(
  ([path, { post }]) =>
    [
      post.operationId,
      {
        schema: post.requestBody.content['application/json'].schema,
        path: `/paths/${path.replaceAll('/', '~1')}/post/requestBody/content/application~1json/schema`,
        operation: post,
      },
    ] as const,
);

/** The fields, or the problems of the SpecError thrown instead. */
function outcome(schema: unknown, path: string) {
  try {
    return { fields: collectEncryptedFields(schema, ctx, { path }), problems: [] };
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return {
      fields: undefined,
      problems: error.problems.map(({ file, pointer, message }) => ({ file, pointer, message })),
    };
  }
}

describe('collectEncryptedFields', () => {
  it.each(cases)('%s', (_name, { schema, path, operation }) => {
    const problems = operation['x-want-problems'];
    expect(outcome(schema, path)).toEqual({
      fields: problems.length === 0 ? operation['x-want-fields'] : undefined,
      problems: problems.map((problem) => ({ file: '(bundled spec)', ...problem })),
    });
  });

  it('names every problem and its pointer in the error message', () => {
    const call = () =>
      collectEncryptedFields(
        { properties: { list: { contains: { type: 'string', 'x-wechatpay-encrypted': true } } } },
        contextWithSchemas(),
        { path: '/x' },
      );
    expect(call).toThrow(
      'error: (bundled spec)#/x/properties/list/contains: x-wechatpay-encrypted under "contains" at /list cannot be expressed as a field pointer',
    );
  });

  it('reports a $ref to nothing with its pointer', () => {
    const call = () =>
      collectEncryptedFields(
        { properties: { a: { $ref: '#/components/schemas/Missing' } } },
        contextWithSchemas(),
        { path: '/x' },
      );
    expect(call).toThrow(
      '(bundled spec)#/x/properties/a: $ref "#/components/schemas/Missing" does not point to an object',
    );
  });
});
