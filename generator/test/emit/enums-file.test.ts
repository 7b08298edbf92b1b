import { describe, expect, it } from 'vitest';
import { enumStatements } from '../../src/emit/enums-file.js';
import type { EnumModel } from '../../src/model.js';
import type { TestCase } from '../helpers.js';
import { printed } from './print.js';

const cases: TestCase<EnumModel[], string>[] = [
  ['no enums', { given: [], want: '' }],
  [
    'a const object with member docs and its union type',
    {
      given: [
        {
          name: 'AuthState',
          description: '授权状态 (authorization state)',
          members: [
            { key: 'INIT', value: 'AUTH_STATE_INIT', description: '初始态 (created)' },
            { key: 'GRANTED', value: 'AUTH_STATE_GRANTED' },
          ],
        },
      ],
      want: `/** 授权状态 (authorization state) */
export const AuthState = {
  /** 初始态 (created) */
  INIT: 'AUTH_STATE_INIT',
  GRANTED: 'AUTH_STATE_GRANTED',
} as const;

/** One of the values of {@link AuthState}. */
export type AuthState = (typeof AuthState)[keyof typeof AuthState];
`,
    },
  ],
  [
    'an open enum admits any other string',
    {
      given: [{ name: 'ErrorCode', members: [{ key: 'NO_AUTH', value: 'NO_AUTH' }], open: true }],
      want: `export const ErrorCode = {
  NO_AUTH: 'NO_AUTH',
} as const;

/** One of the known values of {@link ErrorCode}, or another string. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode] | (string & {});
`,
    },
  ],
  [
    'spec text cannot close the comment',
    {
      given: [{ name: 'E', members: [{ key: 'A', value: 'a', description: 'ends */ here' }] }],
      want: `export const E = {
  /** ends *\\/ here */
  A: 'a',
} as const;

/** One of the values of {@link E}. */
export type E = (typeof E)[keyof typeof E];
`,
    },
  ],
];

describe('enumStatements', () => {
  it.each(cases)('%s', async (_name, { given, want }) => {
    expect(await printed(enumStatements(given))).toBe(want);
  });
});
