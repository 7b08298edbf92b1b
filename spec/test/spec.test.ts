// Structural checks on the hand-written spec that the linter cannot express.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleSpec, productDir } from './helpers.js';

type Schema = Record<string, any>;

const schemaDir = path.join(productDir, 'components', 'schemas');
const schemaFiles: Record<string, Schema> = Object.fromEntries(
  readdirSync(schemaDir)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => [
      path.basename(file, '.yaml'),
      parseYaml(readFileSync(path.join(schemaDir, file), 'utf8')) as Schema,
    ]),
);

const ENUMS = [
  'AuthState',
  'PolicyType',
  'PolicyState',
  'PaymentMethod',
  'PeriodPremiumMode',
  'PaymentPeriod',
  'CoverageTermType',
];

/** Calls `visit` for every `properties` entry found anywhere inside `schema`. */
function eachProperty(
  schema: unknown,
  at: string,
  visit: (name: string, property: Schema, at: string) => void,
): void {
  if (Array.isArray(schema)) {
    schema.forEach((item, index) => eachProperty(item, `${at}/${index}`, visit));
    return;
  }
  if (typeof schema !== 'object' || schema === null) return;
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'examples' || key === 'example' || key.startsWith('x-')) continue;
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      for (const [name, property] of Object.entries(value as Record<string, Schema>)) {
        visit(name, property, `${at}/properties/${name}`);
      }
    }
    eachProperty(value, `${at}/${key}`, visit);
  }
}

function screamingSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

describe('component schemas', () => {
  it('give every property its own description, also next to a $ref', () => {
    const missing: string[] = [];
    for (const [name, schema] of Object.entries(schemaFiles)) {
      eachProperty(schema, name, (_, property, at) => {
        if (typeof property.description !== 'string' || property.description.trim() === '')
          missing.push(at);
      });
    }
    expect(missing).toEqual([]);
  });

  it('declare every required property, including those required by if/then blocks', () => {
    const undeclared: string[] = [];
    for (const [name, schema] of Object.entries(schemaFiles)) {
      const declared = new Set(Object.keys(schema.properties ?? {}));
      for (const field of schema.required ?? []) {
        if (!declared.has(field)) undeclared.push(`${name}: ${field}`);
      }
      for (const [index, block] of (schema.allOf ?? []).entries()) {
        for (const part of ['if', 'then', 'else']) {
          for (const field of block[part]?.required ?? []) {
            if (!declared.has(field)) undeclared.push(`${name}/allOf/${index}/${part}: ${field}`);
          }
        }
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('keep the constraints of a field identical wherever it is repeated', () => {
    const keys = [
      'type',
      'format',
      'maxLength',
      'pattern',
      '$ref',
      'maxItems',
      'deprecated',
      'x-wechatpay-encrypted',
    ];
    const signature = (property: Schema): string =>
      JSON.stringify([
        ...keys.map((key) => property[key]),
        ...['type', 'maxLength', 'minimum'].map((key) => property.items?.[key]),
      ]);
    const seen = new Map<string, Map<string, string[]>>();
    for (const [name, schema] of Object.entries(schemaFiles)) {
      for (const [field, property] of Object.entries(
        (schema.properties ?? {}) as Record<string, Schema>,
      )) {
        // A `const` field is a fixed literal of its schema (event_type, the FAIL reply's code),
        // not a repeated definition of a shared field.
        if (property.const !== undefined) continue;
        const variants = seen.get(field) ?? new Map<string, string[]>();
        const key = signature(property);
        variants.set(key, [...(variants.get(key) ?? []), name]);
        seen.set(field, variants);
      }
    }
    const inconsistent = [...seen.entries()]
      .filter(([, variants]) => variants.size > 1)
      .map(
        ([field, variants]) =>
          `${field}: ${[...variants.values()].map((names) => names.join('+')).join(' vs ')}`,
      );
    expect(inconsistent).toEqual([]);
  });

  it('type plan_id as a string everywhere (D1)', () => {
    const types: string[] = [];
    for (const [name, schema] of Object.entries(schemaFiles)) {
      eachProperty(schema, name, (field, property, at) => {
        if (field === 'plan_id') types.push(`${at}: ${property.type}`);
      });
    }
    expect(types.length).toBeGreaterThanOrEqual(6);
    expect(types.filter((entry) => !entry.endsWith(': string'))).toEqual([]);
  });

  it('flag insured_name_list as encrypted wherever it appears', () => {
    const holders = Object.entries(schemaFiles)
      .filter(([, schema]) => schema.properties?.insured_name_list)
      .map(([name, schema]) => [
        name,
        schema.properties.insured_name_list['x-wechatpay-encrypted'],
      ]);
    expect(holders.sort()).toEqual([
      ['Policy', true],
      ['UpdatePolicyRequest', true],
      ['UploadPolicyRequest', true],
    ]);
  });

  it.each(ENUMS)('%s: x-enum-varnames are the values without their prefix', (name) => {
    const schema = schemaFiles[name];
    expect(schema).toBeDefined();
    const prefix = `${screamingSnake(name)}_`;
    expect(schema?.type).toBe('string');
    expect(schema?.['x-enum-varnames']).toEqual(
      schema?.enum.map((value: string) => value.replace(prefix, '')),
    );
    for (const [index, value] of (schema?.enum as string[]).entries()) {
      expect(value.startsWith(prefix)).toBe(true);
      expect(schema?.['x-enum-descriptions'][index]).toMatch(/^\S.* \(.+\)$/);
      expect(schema?.description).toContain(value);
    }
  });
});

describe('operations', () => {
  let doc: Schema;
  beforeAll(async () => {
    doc = await bundleSpec();
  });

  const OPERATIONS: Array<[string, string, string, string]> = [
    ['submitAuthorization', 'post', '/v3/inspolicymgr/deduct/authorizations', '200'],
    [
      'queryAuthorization',
      'get',
      '/v3/inspolicymgr/deduct/authorizations/{out_insurance_no}',
      '200',
    ],
    ['uploadPolicy', 'post', '/v3/inspolicymgr/deduct/policies', '200'],
    ['queryPolicy', 'get', '/v3/inspolicymgr/deduct/policies/{out_insurance_no}', '200'],
    ['updatePolicy', 'patch', '/v3/inspolicymgr/deduct/policies/{out_insurance_no}', '200'],
    [
      'bindContract',
      'post',
      '/v3/inspolicymgr/deduct/policies/{out_insurance_no}/bind-contract',
      '204',
    ],
  ];

  it.each(OPERATIONS)(
    '%s: one success status, shared error responses, signed answer',
    (operationId, method, route, success) => {
      const operation = doc.paths[route]?.[method];
      expect(operation?.operationId).toBe(operationId);
      const statuses = Object.keys(operation.responses);
      expect(statuses.filter((status) => status.startsWith('2'))).toEqual([success]);
      const errors = Object.fromEntries(
        statuses.filter((s) => !s.startsWith('2')).map((s) => [s, operation.responses[s].$ref]),
      );
      expect(errors).toEqual({
        '400': '#/components/responses/BadRequest',
        '401': '#/components/responses/Unauthorized',
        '403': '#/components/responses/Forbidden',
        '404': '#/components/responses/NotFound',
        '429': '#/components/responses/TooManyRequests',
        '500': '#/components/responses/InternalServerError',
      });
      expect(Object.keys(operation.responses[success].headers).sort()).toEqual([
        'Request-ID',
        'Wechatpay-Nonce',
        'Wechatpay-Serial',
        'Wechatpay-Signature',
        'Wechatpay-Timestamp',
      ]);
    },
  );

  it('asks for Wechatpay-Serial only where encrypted fields are sent', () => {
    const withSerial = OPERATIONS.filter(([, method, route]) =>
      (doc.paths[route][method].parameters ?? []).some(
        (parameter: Schema) => parameter.$ref === '#/components/parameters/WechatpaySerial',
      ),
    ).map(([operationId]) => operationId);
    expect(withSerial).toEqual(['uploadPolicy', 'updatePolicy']);
  });

  it('exposes both notifications as unauthenticated webhooks', () => {
    expect(Object.keys(doc.webhooks)).toEqual([
      'INSURANCE_POLICY_MANAGEMENT.GRANTED',
      'INSURANCE_POLICY_MANAGEMENT.PENDING_UPLOAD_QUERY',
    ]);
    expect(doc.webhooks['INSURANCE_POLICY_MANAGEMENT.GRANTED'].post).toMatchObject({
      operationId: 'grantedNotification',
      security: [],
    });
    expect(doc.webhooks['INSURANCE_POLICY_MANAGEMENT.PENDING_UPLOAD_QUERY'].post).toMatchObject({
      operationId: 'pendingUploadQueryNotification',
      security: [],
    });
  });
});
