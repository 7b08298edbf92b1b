import { describe, expect, it } from 'vitest';
import { transformEnumSchema } from '../../src/transform/enum-schema.js';
import type { EnumModel } from '../../src/model.js';
import { contextWithSchemas, outcome, type TestCase } from '../helpers.js';

const pointer = '/components/schemas/AuthState';

type Want = { value: EnumModel | undefined; problems?: string[] };

const cases: TestCase<Record<string, unknown>, Want>[] = [
  ['not an enum', { given: { type: 'string' }, want: { value: undefined } }],
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
        value: {
          name: 'AuthState',
          description: '授权状态',
          members: [
            { key: 'INIT', value: 'AUTH_STATE_INIT', description: '初始态 (created)' },
            { key: 'GRANTED', value: 'AUTH_STATE_GRANTED', description: '已授权 (granted)' },
          ],
        },
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
        value: {
          name: 'AuthState',
          members: [
            { key: 'PARAM_ERROR', value: 'PARAM_ERROR' },
            { key: 'NO_AUTH', value: 'NO_AUTH' },
          ],
          open: true,
        },
      },
    },
  ],
  [
    'without x-enum-varnames the keys come from the values, made identifiers',
    {
      given: { enum: ['in-progress', 'done', '+1', '-1', '', '2fa', 'delete'] },
      want: {
        value: {
          name: 'AuthState',
          members: [
            { key: 'IN_PROGRESS', value: 'in-progress' },
            { key: 'done', value: 'done' },
            { key: '_1', value: '+1' },
            { key: '_1_2', value: '-1' },
            { key: 'EMPTY', value: '' },
            { key: '_2FA', value: '2fa' },
            { key: 'delete', value: 'delete' },
          ],
        },
      },
    },
  ],
  [
    'an open list without x-enum-varnames',
    {
      given: { 'x-extensible-enum': ['A'] },
      want: { value: { name: 'AuthState', members: [{ key: 'A', value: 'A' }], open: true } },
    },
  ],
  [
    'a nullable enum: null has no member',
    {
      given: { type: 'string', nullable: true, enum: ['A', null] },
      want: { value: { name: 'AuthState', members: [{ key: 'A', value: 'A' }] } },
    },
  ],
  [
    'an enum of numbers is no const object',
    { given: { enum: [1, 2] }, want: { value: undefined } },
  ],
  [
    'an open list of numbers neither',
    { given: { 'x-extensible-enum': [400] }, want: { value: undefined } },
  ],
  [
    'enum and x-extensible-enum together',
    {
      given: { enum: ['A'], 'x-extensible-enum': ['A'], 'x-enum-varnames': ['A'] },
      want: {
        value: undefined,
        problems: [
          '(bundled spec)#/components/schemas/AuthState: enum "AuthState" has both enum and x-extensible-enum; keep one',
        ],
      },
    },
  ],
  [
    'descriptions are optional',
    {
      given: { enum: ['A'], 'x-enum-varnames': ['A_NAME'] },
      want: { value: { name: 'AuthState', members: [{ key: 'A_NAME', value: 'A' }] } },
    },
  ],
  [
    'varnames that do not match the values one to one are reported, the values used instead',
    {
      given: { enum: ['A', 'B'], 'x-enum-varnames': ['X'] },
      want: {
        value: {
          name: 'AuthState',
          members: [
            { key: 'A', value: 'A' },
            { key: 'B', value: 'B' },
          ],
        },
        problems: [
          '(bundled spec)#/components/schemas/AuthState/x-enum-varnames: x-enum-varnames must list 2 strings, one per enum value',
        ],
      },
    },
  ],
  [
    'descriptions must match the values one to one',
    {
      given: { enum: ['A'], 'x-enum-varnames': ['A'], 'x-enum-descriptions': ['a', 'b'] },
      want: {
        value: { name: 'AuthState', members: [{ key: 'A', value: 'A' }] },
        problems: [
          '(bundled spec)#/components/schemas/AuthState/x-enum-descriptions: x-enum-descriptions must list 1 strings, one per enum value',
        ],
      },
    },
  ],
  [
    'varnames that are no identifiers are made ones',
    {
      given: { enum: ['A'], 'x-enum-varnames': ['HALF-YEAR'] },
      want: { value: { name: 'AuthState', members: [{ key: 'HALF_YEAR', value: 'A' }] } },
    },
  ],
  [
    'duplicate varnames get a number',
    {
      given: { enum: ['A', 'B'], 'x-enum-varnames': ['X', 'X'] },
      want: {
        value: {
          name: 'AuthState',
          members: [
            { key: 'X', value: 'A' },
            { key: 'X_2', value: 'B' },
          ],
        },
      },
    },
  ],
];

describe('transformEnumSchema', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    const context = contextWithSchemas({ AuthState: given }, pointer);
    expect(outcome(context, () => transformEnumSchema(given, context))).toEqual({
      problems: [],
      ...want,
    });
  });

  it('names the enum as its schema type is exported', () => {
    const context = contextWithSchemas({ 'auth-state': {} }, '/components/schemas/auth-state');
    expect(transformEnumSchema({ enum: ['A'] }, context)?.name).toBe('AuthState');
  });
});
