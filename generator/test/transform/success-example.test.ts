import { describe, expect, it } from 'vitest';
import type { Node } from '../../src/lib/document.js';
import { createTransformContext } from '../../src/transform/context.js';
import { transformSuccessExample } from '../../src/transform/success-example.js';
import type { TestCase } from '../helpers.js';

const components = {
  schemas: {
    Policy: {
      type: 'object',
      required: ['no'],
      properties: {
        no: { type: 'string', maxLength: 4 },
        names: { type: 'array', items: { type: 'string' }, 'x-wechatpay-encrypted': true },
        state: { type: 'string', enum: ['OPEN', 'CLOSED'], default: 'OPEN' },
      },
    },
  },
  examples: { Open: { value: { no: 'P2', state: 'OPEN' } } },
};

const json = (media: Node) => ({ description: 'ok', content: { 'application/json': media } });
const policy = { $ref: '#/components/schemas/Policy' };
const at = '/paths/~1p/get/responses/200';

async function exampleOf(response: Node) {
  const document = { openapi: '3.1.0', components } as Node;
  const context = createTransformContext(document, { pointer: at });
  return transformSuccessExample(response, context);
}

const cases: TestCase<Node, { example?: unknown }>[] = [
  [
    'the media type `example`, when it fits the schema',
    {
      given: json({ schema: policy, example: { no: 'P1', state: 'CLOSED' } }),
      want: { example: { no: 'P1', state: 'CLOSED' } },
    },
  ],
  [
    'else the first of `examples`, following its $ref',
    {
      given: json({
        schema: policy,
        examples: { open: { $ref: '#/components/examples/Open' }, other: { value: {} } },
      }),
      want: { example: { no: 'P2', state: 'OPEN' } },
    },
  ],
  [
    'an example that breaks the schema gives seeded data',
    {
      given: json({ schema: policy, example: { no: 'TOO-LONG', state: 'OPEN' } }),
      want: { example: { state: 'OPEN', no: expect.stringMatching(/^[A-Za-z0-9]{4}$/) } },
    },
  ],
  [
    'an example with a property the schema does not declare gives seeded data',
    {
      given: json({ schema: policy, example: { no: 'P1', state: 'OPEN', extra: 1 } }),
      want: { example: { state: 'OPEN', no: expect.any(String) } },
    },
  ],
  [
    'an example without a property that has a default gives seeded data (the type requires it)',
    {
      given: json({ schema: policy, example: { no: 'P1' } }),
      want: { example: { state: 'OPEN', no: expect.any(String) } },
    },
  ],
  [
    'encrypted fields of the example are ciphertext: they become seeded plaintext',
    {
      given: json({ schema: policy, example: { no: 'P1', state: 'OPEN', names: ['tCk1JSUV2Q'] } }),
      want: {
        example: { no: 'P1', state: 'OPEN', names: [expect.not.stringMatching(/^tCk1/)] },
      },
    },
  ],
  [
    'no example: seeded data',
    {
      given: json({ schema: policy }),
      want: { example: { state: 'OPEN', no: expect.any(String) } },
    },
  ],
  [
    'an example without a schema is used as it is',
    { given: json({ example: { any: 'thing' } }), want: { example: { any: 'thing' } } },
  ],
  ['no JSON body: none', { given: { description: 'No content.' }, want: {} }],
  [
    'no value fits (a pattern seeded data does not follow): none',
    { given: json({ schema: { type: 'string', pattern: '^x-[0-9]+$' } }), want: {} },
  ],
];

describe('transformSuccessExample', () => {
  it.each(cases)('%s', async (_name, { given, want }) => {
    expect(await exampleOf(given)).toEqual(want);
  });

  it('draws the same seeded data every time', async () => {
    const response = json({ schema: policy });
    expect(await exampleOf(response)).toEqual(await exampleOf(response));
  });
});
