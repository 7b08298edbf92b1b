import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintFromString, stringifyYaml } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { fixture, getConfig, lintFile, ofRule, pointerOf, specDir } from './helpers.js';

// The walker's fixture: one operation per JSON Schema keyword, with the fields and problems the
// walker must find (x-want-fields, x-want-problems). The lint rules must see exactly those.
const FIXTURE = fixture('encrypted-fields.json');

interface FixtureOperation {
  operationId: string;
  'x-want-fields': string[];
  'x-want-problems': { pointer: string; message: string }[];
}
const operations = Object.values(
  (
    JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
      paths: Record<string, { post: FixtureOperation }>;
    }
  ).paths,
).map((item) => item.post);

const problems = await lintFile(FIXTURE);
const pointerProblems = ofRule(problems, 'wechatpay/encrypted-field-pointers').map((problem) => ({
  pointer: pointerOf(problem) ?? '',
  message: problem.message,
}));
const serialMessages = ofRule(problems, 'wechatpay/encrypted-requires-serial').map(
  (problem) => problem.message,
);

// A mark in an error answer, linted once here so no test waits on redocly.
const errorAnswerSource = stringifyYaml({
  openapi: '3.1.0',
  info: { title: 'error answer', version: '1.0.0' },
  paths: {
    '/v3/things': {
      get: {
        operationId: 'getThing',
        responses: {
          '200': { description: 'ok' },
          '400': {
            description: 'bad',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { hint: { type: 'string', 'x-wechatpay-encrypted': true } },
                },
              },
            },
          },
        },
      },
    },
  },
});
const errorAnswerProblems = await lintFromString({
  source: errorAnswerSource,
  absoluteRef: path.join(specDir, 'test', 'fixtures', 'error-answer.yaml'),
  config: await getConfig(),
});

describe.each(operations.map((operation) => [operation.operationId, operation] as const))(
  'fixture %s',
  (operationId, operation) => {
    it('encrypted-field-pointers reports what the walker cannot express, where the mark is', () => {
      const inOperation = `#/paths/~1v3~1${operationId}/`;
      const want = operation['x-want-problems'];
      expect(pointerProblems).toEqual(expect.arrayContaining(want));
      const here = pointerProblems.filter((problem) => problem.pointer.startsWith(inOperation));
      expect(here).toEqual(want.filter((problem) => problem.pointer.startsWith(inOperation)));
    });

    it('encrypted-requires-serial sees the fields the walker finds', () => {
      const fields = operation['x-want-fields'];
      const named = serialMessages.filter((message) =>
        message.startsWith(`Operation "${operationId}" `),
      );
      expect(named).toEqual(
        fields.length === 0
          ? []
          : [
              `Operation "${operationId}" sends encrypted field(s) ${fields.join(', ')} but declares no "Wechatpay-Serial" header parameter.`,
            ],
      );
    });
  },
);

describe('wechatpay/encrypted-field-pointers', () => {
  it('reports nothing beyond what the fixture wants', () => {
    const want = operations.flatMap((operation) => operation['x-want-problems']);
    expect(pointerProblems).toHaveLength(want.length);
  });

  it('reports a mark in a non-2xx answer, which nothing decrypts', () => {
    expect(
      ofRule(errorAnswerProblems, 'wechatpay/encrypted-field-pointers').map((p) => [
        pointerOf(p),
        p.message,
      ]),
    ).toEqual([
      [
        '#/paths/~1v3~1things/get/responses/400',
        'The 400 answer marks /hint x-wechatpay-encrypted, but only the 2xx answer is decrypted.',
      ],
    ]);
  });
});
