import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findEncryptedFields } from '../src/schema/encrypted-fields.js';

// One operation per JSON Schema keyword, with what the walk must find; the lint rule and the
// generator are tested against the same file.
const FIXTURE = new URL('../../../spec/test/fixtures/encrypted-fields.json', import.meta.url);
const document = JSON.parse(readFileSync(FIXTURE, 'utf8')) as FixtureDocument;

interface FixtureDocument {
  paths: Record<string, { post: FixtureOperation }>;
}
interface FixtureOperation {
  operationId: string;
  requestBody: { content: { 'application/json': { schema: unknown } } };
  'x-want-fields': string[];
  'x-want-problems': { pointer: string; message: string }[];
}

/** A location in the fixture document: a `#/...` JSON pointer. */
interface At {
  pointer: string;
  child(key: string | number): At;
}

const escape = (token: string | number) =>
  String(token).replaceAll('~', '~0').replaceAll('/', '~1');
const at = (pointer: string): At => ({ pointer, child: (key) => at(`${pointer}/${escape(key)}`) });

/** Follows a local `#/...` reference; `undefined` when nothing is there. */
function resolve(node: { $ref: string }): { node: unknown; location: At } | undefined {
  let current: unknown = document;
  for (const token of node.$ref.slice(2).split('/')) {
    const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
    current = typeof current === 'object' && current !== null ? (current as never)[key] : undefined;
  }
  return current === undefined ? undefined : { node: current, location: at(node.$ref) };
}

const operations = Object.entries(document.paths).map(([path, item]) => ({
  path,
  operation: item.post,
}));

describe('findEncryptedFields', () => {
  it.each(operations.map((entry) => [entry.operation.operationId, entry] as const))(
    '%s',
    (_name, { path, operation }) => {
      const schema = operation.requestBody.content['application/json'].schema;
      const start = at(`#/paths/${escape(path)}/post/requestBody/content/application~1json/schema`);
      const { fields, problems } = findEncryptedFields(schema, start, resolve);
      expect(fields).toEqual(operation['x-want-fields']);
      expect(
        problems.map(({ location, message }) => ({ pointer: location.pointer, message })),
      ).toEqual(operation['x-want-problems']);
    },
  );

  it('covers every keyword that can hold a value', () => {
    const covered = operations.map(({ operation }) => operation.operationId);
    for (const keyword of [
      'properties',
      'patternProperties',
      'additionalProperties',
      'items',
      'prefixItems',
      'contains',
      'allOf',
      'anyOf',
      'oneOf',
      'if',
      'then',
      'else',
      'not',
      'dependentSchemas',
      'unevaluatedProperties',
      'unevaluatedItems',
      'propertyNames',
      'contentSchema',
      'ref',
      'dynamicRef',
      'defs',
    ]) {
      expect(covered).toContain(keyword);
    }
  });

  it('reports a $ref it cannot follow instead of skipping what is behind it', () => {
    const schema = { properties: { holder: { $ref: '#/components/schemas/Missing' } } };
    const { problems } = findEncryptedFields(schema, at('#/body'), resolve);
    expect(problems).toEqual([
      {
        location: expect.objectContaining({ pointer: '#/body/properties/holder' }),
        message:
          'cannot follow $ref "#/components/schemas/Missing" to look for x-wechatpay-encrypted fields',
      },
    ]);
  });
});
