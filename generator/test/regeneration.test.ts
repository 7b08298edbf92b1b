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
      '  /** 拒保 (declined) */\n  DECLINED: "POLICY_STATE_DECLINED",',
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
      'bindContract: OperationMethod<paths["/v1/policies/{policy_no}/bind-contract"], "POST">;',
    );
    expect(files['schema.ts']).toContain('bindContract: {');
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
      '/** 保险公司 (insurer). */\nexport type Insurer = components[\'schemas\']["Insurer"];',
    );
    expect(files['index.ts']).toContain(
      "export type { Holder, Policy, PolicyChanged, Insurer } from './types.js';",
    );
  });

  it.each([
    [
      'OperationId',
      /#\/components\/schemas\/OperationId: schema name "OperationId" is also the name/,
    ],
    ['components', /#\/components\/schemas\/components: schema name "components" is also/],
  ])('a schema named like a generated export (%s) is refused', async (name, error) => {
    const { target } = await scratchMini(addSchema(name, 'Clash.'));
    await expect(generate(target)).rejects.toThrow(error);
  });

  it('a schema name that is no identifier is refused', async () => {
    const { target } = await scratchMini(addSchema('Policy.v2', 'Dotted.'));
    await expect(generate(target)).rejects.toThrow(
      /#\/components\/schemas\/Policy\.v2: schema name "Policy\.v2" is not a TypeScript identifier/,
    );
  });
});
