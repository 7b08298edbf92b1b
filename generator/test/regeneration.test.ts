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
      '/** @description A note. */\n      coverage_note?: string;',
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
    expect(files['schema.ts']).toContain("| 'POLICY_STATE_DECLINED'");
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
  bindContract: {
    operationId: 'bindContract',
    method: 'POST',
    path: '/v1/policies/{policy_no}/bind-contract',
    successStatus: 204,`);
    expect(files['client.ts']).toContain(
      "bindContract: OperationMethod<paths['/v1/policies/{policy_no}/bind-contract'], 'POST'>;",
    );
    expect(files['schema.ts']).toContain('bindContract: {');
  });
});
