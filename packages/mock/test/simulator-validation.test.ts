import { describe, expect, it } from 'vitest';
import { SimulatedApiError } from '../src/simulator/errors.js';
import { createRequestValidator } from '../src/simulator/validate.js';
import { useSimulatorServer, signedFetch, submitBody, uploadBody } from './simulator-fixtures.js';

const { sim, client } = useSimulatorServer();

describe('request validation → 400 PARAM_ERROR with detail', () => {
  it('a missing required body field: JSON pointer of the field', async () => {
    const { insurance_name: _, ...body } = submitBody('Valid001');
    const result = await client.submitAuthorization({ body: body as never });
    expect(result.response.status).toBe(400);
    expect(result.error).toEqual({
      code: 'PARAM_ERROR',
      message: '参数错误',
      detail: {
        field: '/insurance_name',
        location: 'body',
        issue: "must have required property 'insurance_name'",
      },
    });
  });

  it('a bad value: pointer, ajv issue and the value', async () => {
    const result = await client.submitAuthorization({
      body: { ...submitBody('Valid002'), out_contract_code: 'has-dashes' },
    });
    expect(result.error?.detail).toEqual({
      field: '/out_contract_code',
      location: 'body',
      issue: 'must match pattern "^[0-9A-Za-z]+$"',
      value: 'has-dashes',
    });
  });

  it('nested pointers and date-time formats', async () => {
    const result = await client.uploadPolicy({
      body: uploadBody('Valid003', { effective_time: 'tomorrow' }),
    });
    expect(result.error?.detail).toMatchObject({
      field: '/effective_time',
      location: 'body',
      issue: 'must match format "date-time"',
      value: 'tomorrow',
    });
    const tooMany = await client.uploadPolicy({
      body: uploadBody('Valid003', { insured_name_list: Array(12).fill('张三') }),
    });
    expect(tooMany.error?.detail).toMatchObject({
      field: '/insured_name_list',
      issue: 'must NOT have more than 11 items',
    });
    const wrongType = await client.updatePolicy({
      params: { path: { out_insurance_no: 'Valid003' } },
      body: { support_renewal: 'yes' as never },
    });
    expect(wrongType.error?.detail).toMatchObject({
      field: '/support_renewal',
      issue: 'must be boolean',
      value: 'yes',
    });
  });

  it('a bad path parameter: its name, location path', async () => {
    const result = await client.queryAuthorization({
      params: { path: { out_insurance_no: 'x'.repeat(33) } },
    });
    expect(result.response.status).toBe(400);
    expect(result.error?.detail).toEqual({
      field: 'out_insurance_no',
      location: 'path',
      issue: 'must NOT have more than 32 characters',
      value: 'x'.repeat(33),
    });
  });

  it('a missing required header: its name, location header', async () => {
    const response = await signedFetch(sim, 'POST', '/v3/inspolicymgr/deduct/policies', {
      ...uploadBody('Valid004'),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'PARAM_ERROR',
      detail: {
        field: 'Wechatpay-Serial',
        location: 'header',
        issue: "must have required property 'wechatpay-serial'",
      },
    });
    expect(response.headers.get('Wechatpay-Signature')).toBeNull();
  });

  it('a body that is not JSON', async () => {
    const response = await signedFetch(
      sim,
      'POST',
      '/v3/inspolicymgr/deduct/authorizations',
      '{not json',
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'PARAM_ERROR',
      detail: { location: 'body' },
    });
  });
});

describe('createRequestValidator with a hand-written schema set', () => {
  const validate = createRequestValidator({
    schemaDocument: {
      components: {
        schemas: {
          Kind: { type: 'string', enum: ['A', 'B'] },
          Thing: {
            type: 'object',
            required: ['kind'],
            properties: { kind: { $ref: '#/components/schemas/Kind' }, note: { type: 'string' } },
            if: { properties: { kind: { const: 'B' } } },
            then: { required: ['note'] },
          },
        },
      },
    },
    requestSchemas: {
      make: {
        path: { type: 'object', properties: { id: { type: 'string', pattern: '^\\d+$' } } },
        headers: ['X-Thing'],
        body: { $ref: '#/components/schemas/Thing' },
      },
    },
  });
  const headers = new Headers({ 'X-Thing': '1' });
  const fails = (run: () => void) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(SimulatedApiError);
      return (error as SimulatedApiError).detail;
    }
    throw new Error('expected a PARAM_ERROR');
  };

  it('accepts a valid request', () => {
    expect(() =>
      validate('make', { params: { id: '1' }, headers, body: { kind: 'A' } }),
    ).not.toThrow();
    expect(() => validate('unknown', { params: {}, headers, body: null })).not.toThrow();
  });

  it('resolves refs and if/then', () => {
    expect(
      fails(() => validate('make', { params: { id: '1' }, headers, body: { kind: 'C' } })),
    ).toMatchObject({ field: '/kind', location: 'body', value: 'C' });
    expect(
      fails(() => validate('make', { params: { id: '1' }, headers, body: { kind: 'B' } })),
    ).toMatchObject({ field: '/note', issue: "must have required property 'note'" });
  });

  it('path and header', () => {
    expect(fails(() => validate('make', { params: { id: 'a' }, headers, body: {} }))).toMatchObject(
      {
        field: 'id',
        location: 'path',
      },
    );
    expect(
      fails(() => validate('make', { params: { id: '1' }, headers: new Headers(), body: {} })),
    ).toMatchObject({ field: 'X-Thing', location: 'header' });
  });
});
