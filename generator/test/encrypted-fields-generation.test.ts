import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../src/errors.js';
import { generate } from '../src/pipeline/generate.js';
import { scratchMini } from './fixture-target.js';

const SPEC_DIR = resolve(import.meta.dirname, '../../spec');
const FIXTURE = resolve(SPEC_DIR, 'test/fixtures/encrypted-fields.json');

const secret = { type: 'string', description: 'Secret.', 'x-wechatpay-encrypted': true };

// Each test runs the whole pipeline (lint, bundle, transform, emit), a few seconds on 2 cores.
describe('encrypted fields through the generator', { timeout: 90_000 }, () => {
  it('puts fields under then and additionalProperties into the operation table', async () => {
    const { target } = await scratchMini((spec) => {
      // Redocly checks examples with every subschema closed, so the marked `then` would reject it.
      delete spec.paths['/v1/policies/{policy_no}'].get.responses['200'].content['application/json']
        .examples;
      const policy = spec.components.schemas.Policy;
      policy.allOf[0].then.properties = { policy_code: secret };
      policy.properties.extras = {
        type: 'object',
        description: 'Extras by name.',
        additionalProperties: secret,
      };
    });
    const operations = (await generate(target)).find((file) => file.path === 'operations.ts');
    expect(operations?.content).toContain(
      '"request": ["/extras/*{}", "/holders/*/id_number", "/insured_name_list/*", "/policy_code"],',
    );
  });

  it('refuses a mark no pointer can express, naming the spec file and pointer', async () => {
    const generation = generate({
      specPath: FIXTURE,
      redoclyConfigPath: resolve(SPEC_DIR, 'inspolicymgr/redocly.yaml'),
      outDir: '/nonexistent/generated',
      clientName: 'Fixture',
      specLabel: 'spec/test/fixtures/encrypted-fields.json',
      corePackage: '@wechatpay-kit/core',
      packageName: '@wechatpay-kit/fixture',
    });
    const error = await generation.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(SpecError);
    const problems = (error as SpecError).problems.filter(
      (problem) => problem.rule === 'wechatpay/encrypted-field-pointers',
    );
    const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
      paths: Record<
        string,
        { post: { 'x-want-problems': { pointer: string; message: string }[] } }
      >;
    };
    const want = Object.values(fixture.paths).flatMap(({ post }) =>
      post['x-want-problems'].map((problem) => ({
        file: FIXTURE,
        ...problem,
        rule: 'wechatpay/encrypted-field-pointers',
        severity: 'error',
      })),
    );
    expect(problems).toHaveLength(want.length);
    expect(problems).toEqual(expect.arrayContaining(want));
  });
});
