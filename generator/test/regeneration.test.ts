import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../src/pipeline/generate.js';
import { removeScratchDirs, scratchMini } from './fixture-target.js';

/** Generates the mini fixture after `edit` and returns the files by name. */
async function generated(edit?: (spec: any) => void): Promise<Record<string, string>> {
  const { target } = await scratchMini(edit);
  return Object.fromEntries((await generate(target)).map((file) => [file.path, file.content]));
}

afterAll(removeScratchDirs);

const baseline = await generated();

describe('a spec change shows up in the output with no generator change', () => {
  it('a new optional field', async () => {
    const files = await generated((spec) => {
      spec.components.schemas.Policy.properties.coverage_note = {
        type: 'string',
        description: 'A note.',
      };
    });
    expect(baseline['schema.ts']).not.toContain('coverage_note');
    expect(files['schema.ts']).toContain(
      '/** @description A note. */\n            coverage_note?: string;',
    );
  });

  it('a new enum value', async () => {
    const files = await generated((spec) => {
      const state = spec.components.schemas.PolicyState;
      state.enum.push('POLICY_STATE_DECLINED');
      state['x-enum-varnames'].push('DECLINED');
      state['x-enum-descriptions'].push('拒保 (declined)');
    });
    expect(baseline['enums.ts']).not.toContain('DECLINED');
    expect(files['enums.ts']).toContain(
      "  /** 拒保 (declined) */\n  DECLINED: 'POLICY_STATE_DECLINED',",
    );
    expect(files['schema.ts']).toContain('| "POLICY_STATE_DECLINED"');
  });

  it('a new operation', async () => {
    const files = await generated((spec) => {
      spec.paths['/v1/policies/{policy_no}/bind-contract'] = {
        post: {
          operationId: 'bindContract',
          summary: '保单绑定保险代扣协议',
          parameters: [
            { name: 'policy_no', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: {
            204: { description: 'Bound.' },
            400: { $ref: '#/components/responses/BadRequest' },
          },
        },
      };
    });
    expect(baseline['operations.ts']).not.toContain('bindContract');
    expect(files['operations.ts']).toContain(`  /** 保单绑定保险代扣协议 */
  bindContract: { "operationId": "bindContract", "method": "POST", "path": "/v1/policies/{policy_no}/bind-contract", "successStatus": 204,`);
    expect(files['client.ts']).toContain(
      "bindContract: OperationMethod<paths['/v1/policies/{policy_no}/bind-contract'], 'POST'>;",
    );
    expect(files['schema.ts']).toContain('bindContract: {');
  });
});

describe('operations of any shape', () => {
  it('a HEAD operation without an operationId, and one with two 2xx responses', async () => {
    // No rule set of its own: the mini one wants an operationId on every operation.
    const { target } = await scratchMini((spec) => {
      spec.paths['/v1/policies/{policy_no}'].head = {
        summary: 'Whether a policy exists.',
        responses: { 200: { description: 'It does.' }, 404: { description: 'It does not.' } },
      };
      spec.paths['/v1/policies/{policy_no}'].delete.responses['202'] = { description: 'Later.' };
    });
    const { redoclyConfigPath: _ownRules, ...withoutRules } = target;
    const files = Object.fromEntries(
      (await generate(withoutRules)).map((file) => [file.path, file.content]),
    );
    expect(files['operations.ts']).toContain(`  /** Whether a policy exists. */
  headV1PoliciesPolicyNo: { "operationId": "head/v1/policies/{policy_no}", "method": "HEAD",`);
    expect(files['client.ts']).toContain(
      "headV1PoliciesPolicyNo: OperationMethod<paths['/v1/policies/{policy_no}'], 'HEAD'>;",
    );
    expect(files['schema.ts']).toMatch(/head: \{[^]*?200: \{/);
    expect(files['operations.ts']).toMatch(/removePolicy: \{[^\n]*"successStatus": 202,/);
  });
});

describe('component schema names become exported type names', () => {
  /** Adds a schema (used by Policy, so the linter keeps quiet) named `name`. */
  const addSchema = (name: string, description: string) => (spec: any) => {
    spec.components.schemas[name] = {
      type: 'object',
      description,
      properties: { code: { type: 'string', description: 'Code.' } },
    };
    spec.components.schemas.Policy.properties.extra = {
      $ref: `#/components/schemas/${name}`,
    };
  };

  it('a new schema gets its named type', async () => {
    const files = await generated(addSchema('Insurer', '保险公司 (insurer).'));
    expect(baseline['types.ts']).not.toContain('Insurer');
    expect(files['types.ts']).toContain(
      "/** 保险公司 (insurer). */\nexport type Insurer = components['schemas']['Insurer'];",
    );
    expect(files['index.ts']).toContain(
      "export type { Holder, Policy, PolicyChanged, Insurer } from './types.js';",
    );
  });

  it.each([
    ['OperationId', 'OperationId2'],
    ['components', 'components2'],
    ['Policy.v2', 'PolicyV2'],
    ['simple-user', 'SimpleUser'],
  ])(
    'a schema name that cannot be exported as it is (%s) is made a free identifier',
    async (name, want) => {
      const files = await generated(addSchema(name, 'Renamed.'));
      expect(files['types.ts']).toContain(
        `/** Renamed. */\nexport type ${want} = components['schemas'][${JSON.stringify(name).replaceAll('"', "'")}];`,
      );
      expect(files['index.ts']).toContain(`${want} } from './types.js';`);
    },
  );
});
