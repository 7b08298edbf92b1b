import { describe, expect, it } from 'vitest';
import { transformEnumSchema } from '../../src/transform/enum-schema.js';
import type { EnumModel } from '../../src/model.js';
import { outcome, type TestCase } from '../helpers.js';

const path = '/components/schemas/AuthState';

const cases: TestCase<Record<string, unknown>, EnumModel | undefined | { error: RegExp }>[] = [
  ['not an enum', { given: { type: 'string' }, want: undefined }],
  [
    'names and describes members from x-enum-varnames and x-enum-descriptions',
    {
      given: {
        type: 'string',
        description: '授权状态',
        enum: ['AUTH_STATE_INIT', 'AUTH_STATE_GRANTED'],
        'x-enum-varnames': ['INIT', 'GRANTED'],
        'x-enum-descriptions': ['初始态 (created)', '已授权 (granted)'],
      },
      want: {
        name: 'AuthState',
        description: '授权状态',
        members: [
          { key: 'INIT', value: 'AUTH_STATE_INIT', description: '初始态 (created)' },
          { key: 'GRANTED', value: 'AUTH_STATE_GRANTED', description: '已授权 (granted)' },
        ],
      },
    },
  ],
  [
    'x-extensible-enum: the known values of an open list',
    {
      given: {
        type: 'string',
        'x-extensible-enum': ['PARAM_ERROR', 'NO_AUTH'],
        'x-enum-varnames': ['PARAM_ERROR', 'NO_AUTH'],
      },
      want: {
        name: 'AuthState',
        members: [
          { key: 'PARAM_ERROR', value: 'PARAM_ERROR' },
          { key: 'NO_AUTH', value: 'NO_AUTH' },
        ],
        open: true,
      },
    },
  ],
  [
    'an open list needs x-enum-varnames too',
    {
      given: { 'x-extensible-enum': ['A'] },
      want: { error: /AuthState: enum "AuthState" needs x-enum-varnames/ },
    },
  ],
  [
    'enum and x-extensible-enum together',
    {
      given: { enum: ['A'], 'x-extensible-enum': ['A'], 'x-enum-varnames': ['A'] },
      want: { error: /AuthState: enum "AuthState" has both enum and x-extensible-enum/ },
    },
  ],
  [
    'only string values in an open list',
    {
      given: { 'x-extensible-enum': [400] },
      want: { error: /AuthState\/x-extensible-enum: only string enums are supported/ },
    },
  ],
  [
    'descriptions are optional',
    {
      given: { enum: ['A'], 'x-enum-varnames': ['A_NAME'] },
      want: { name: 'AuthState', members: [{ key: 'A_NAME', value: 'A' }] },
    },
  ],
  [
    'needs x-enum-varnames',
    {
      given: { enum: ['A'] },
      want: { error: /AuthState: enum "AuthState" needs x-enum-varnames/ },
    },
  ],
  [
    'varnames must match the values one to one',
    {
      given: { enum: ['A', 'B'], 'x-enum-varnames': ['A'] },
      want: { error: /x-enum-varnames: x-enum-varnames must list 2 strings/ },
    },
  ],
  [
    'descriptions must match the values one to one',
    {
      given: { enum: ['A'], 'x-enum-varnames': ['A'], 'x-enum-descriptions': ['a', 'b'] },
      want: { error: /x-enum-descriptions must list 1 strings/ },
    },
  ],
  [
    'varnames must be identifiers',
    {
      given: { enum: ['A'], 'x-enum-varnames': ['HALF-YEAR'] },
      want: { error: /x-enum-varnames\/0: "HALF-YEAR" is not a valid identifier/ },
    },
  ],
  [
    'varnames must be unique',
    {
      given: { enum: ['A', 'B'], 'x-enum-varnames': ['X', 'X'] },
      want: { error: /x-enum-varnames\/1: duplicate enum name "X"/ },
    },
  ],
  [
    'only string enums',
    {
      given: { enum: [1, 2] },
      want: { error: /AuthState\/enum: only string enums are supported/ },
    },
  ],
];

describe('transformEnumSchema', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    const got = outcome(() => transformEnumSchema('AuthState', given, { path }));
    if (want && 'error' in want) {
      expect(got).toMatchObject({ error: expect.stringMatching(want.error) });
    } else {
      expect(got).toEqual(want);
    }
  });
});
