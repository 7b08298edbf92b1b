import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Node } from '../../src/lib/document.js';
import { createTransformContext } from '../../src/transform/context.js';
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

/** The fields, and the problems reported. */
function outcome(schema: unknown, pointer: string) {
  const context = createTransformContext(document, { pointer });
  const fields = collectEncryptedFields(schema, context);
  return {
    fields,
    problems: context.problems.map(({ file, pointer, message }) => ({ file, pointer, message })),
  };
}

describe('collectEncryptedFields', () => {
  it.each(cases)('%s', (_name, { schema, path, operation }) => {
    const problems = operation['x-want-problems'];
    expect(outcome(schema, path)).toEqual({
      fields: operation['x-want-fields'],
      problems: problems.map((problem) => ({ file: '(bundled spec)', ...problem })),
    });
  });

  it('reports every problem with its pointer', () => {
    const context = contextWithSchemas({}, '/x');
    collectEncryptedFields(
      { properties: { list: { contains: { type: 'string', 'x-wechatpay-encrypted': true } } } },
      context,
    );
    expect(context.problems).toEqual([
      expect.objectContaining({
        file: '(bundled spec)',
        pointer: '#/x/properties/list/contains',
        message: expect.stringContaining('x-wechatpay-encrypted under "contains" at /list'),
      }),
    ]);
  });

  it('throws on a $ref to nothing, naming its pointer', () => {
    const call = () =>
      collectEncryptedFields(
        { properties: { a: { $ref: '#/components/schemas/Missing' } } },
        contextWithSchemas({}, '/x'),
      );
    expect(call).toThrow(
      '(bundled spec)#/x/properties/a: $ref "#/components/schemas/Missing" does not point to an object',
    );
  });
});
