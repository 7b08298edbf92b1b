import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { removeScratchDirs, scratchMini } from './fixture-target.js';
import { runCli } from './run-cli.js';

const BIN = resolve(import.meta.dirname, '../bin/generate.js');
const MINI_ARGS = [
  '--spec',
  'spec/openapi.yaml',
  '--config',
  'spec/redocly.yaml',
  '--out',
  'generated',
  '--name',
  'Mini',
];

afterAll(removeScratchDirs);

/** Runs the generator CLI in this process on a scratch copy of the mini fixture. */
function run(dir: string, ...extra: string[]) {
  return runCli(main, [...MINI_ARGS, ...extra], dir);
}

describe('wechatpay-kit-generate', () => {
  it('writes the generated folder, then --check finds it current', async () => {
    const { dir } = await scratchMini();
    expect(await run(dir)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Generated 8 files'),
    });
    expect(await run(dir, '--check')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('is up to date'),
    });
  });

  it('--mock-out writes the mock handlers too, and --check covers both folders', async () => {
    const { dir } = await scratchMini();
    expect(await run(dir, '--mock-out', 'msw')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Generated 3 files in'),
    });
    expect(await readdir(join(dir, 'msw'))).toEqual(['handlers.ts', 'index.ts', 'schemas.ts']);
    expect(await run(dir, '--mock-out', 'msw', '--check')).toMatchObject({ code: 0 });
    await writeFile(join(dir, 'msw/handlers.ts'), '// edited\n');
    await writeFile(join(dir, 'msw/extra.ts'), 'export {};\n');
    const result = await run(dir, '--mock-out', 'msw', '--check');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('msw/handlers.ts (differs)');
    expect(result.stderr).toContain('msw/extra.ts (not generated)');
    expect(result.stderr).not.toContain('generated/');
  });

  it('--check exits non-zero and names every stale file', async () => {
    const { dir } = await scratchMini();
    await run(dir);
    const out = join(dir, 'generated');
    await writeFile(
      join(out, 'enums.ts'),
      (await readFile(join(out, 'enums.ts'), 'utf8')) + '// edited\n',
    );
    await writeFile(join(out, 'extra.ts'), 'export {};\n');
    await mkdir(join(out, 'nested'));
    await writeFile(join(out, 'nested/left.ts'), '');
    await rm(join(out, 'client.ts'));
    const result = await run(dir, '--check');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('generated/client.ts (missing)');
    expect(result.stderr).toContain('generated/enums.ts (differs)');
    expect(result.stderr).toContain('generated/extra.ts (not generated)');
    expect(result.stderr).toContain('generated/nested/left.ts (not generated)');
    expect(result.stderr).toContain('Run `pnpm generate`');
  });

  it('a broken spec names file, pointer and message, exits non-zero and writes nothing', async () => {
    const { dir } = await scratchMini((spec) => {
      spec.components.schemas.Policy.properties.policy_no.type = 'strin';
    });
    await mkdir(join(dir, 'generated'));
    await writeFile(join(dir, 'generated/keep.ts'), 'previous output\n');
    const result = await run(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nothing was written');
    expect(result.stderr).toMatch(
      /error: spec\/openapi\.yaml#\/components\/schemas\/Policy\/properties\/policy_no\/type: .*strin/,
    );
    expect(await readdir(join(dir, 'generated'))).toEqual(['keep.ts']);
    expect(await readdir(dir)).toEqual(['generated', 'spec']);
  });

  it('every problem the generator finds is reported at once, each with its pointer', async () => {
    const { dir } = await scratchMini((spec) => {
      spec.components.schemas.PolicyState['x-enum-varnames'] = ['ONLY'];
      spec.components.schemas.ErrorCode.enum = ['PARAM_ERROR'];
    });
    const result = await run(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The spec has 2 problems; nothing was written');
    expect(result.stderr).toContain(
      'error: spec/openapi.yaml#/components/schemas/PolicyState/x-enum-varnames: x-enum-varnames must list 2 strings',
    );
    expect(result.stderr).toContain(
      'error: spec/openapi.yaml#/components/schemas/ErrorCode: enum "ErrorCode" has both enum and x-extensible-enum',
    );
    expect(await readdir(dir)).toEqual(['spec']);
  });

  it('lint problems and what the generator finds are reported together, each in its source file', async () => {
    const { dir } = await scratchMini((spec) => {
      spec.tags = [{ name: 'policies' }];
      spec.components.schemas.PolicyState = { $ref: './schemas/PolicyState.yaml' };
    });
    await mkdir(join(dir, 'spec/schemas'));
    await writeFile(
      join(dir, 'spec/schemas/PolicyState.yaml'),
      'type: string\ndescription: State.\nenum: [POLICY_STATE_ISSUING, POLICY_STATE_APPROVED]\n' +
        'x-extensible-enum: [POLICY_STATE_ISSUING, POLICY_STATE_APPROVED]\n',
    );
    const result = await run(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The spec has 2 problems; nothing was written');
    expect(result.stderr).toMatch(
      /warn: spec\/openapi\.yaml#\/tags\/0\/description: .*\[tag-description\]/,
    );
    expect(result.stderr).toContain(
      'error: spec/schemas/PolicyState.yaml#: enum "PolicyState" has both enum and x-extensible-enum',
    );
  });

  it('WeChat conventions are not required: an enum without x-enum-varnames is generated', async () => {
    const { dir } = await scratchMini((spec) => {
      delete spec.components.schemas.PolicyState['x-enum-varnames'];
    });
    expect(await run(dir)).toMatchObject({ code: 0 });
    expect(await readFile(join(dir, 'generated/enums.ts'), 'utf8')).toContain(
      "POLICY_STATE_ISSUING: 'POLICY_STATE_ISSUING',",
    );
  });

  it('without a rule set of its own, lint warnings are printed and do not stop generation', async () => {
    const { dir } = await scratchMini((spec) => {
      spec.tags = [{ name: 'policies' }, { name: 'policies' }];
    });
    await rm(join(dir, 'spec/redocly.yaml'));
    const result = await run(dir, '--config', '');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^The spec has 1 lint warning:\n  warn: spec\/openapi\.yaml#\/tags\/1: .*\[no-duplicated-tag-names\]\n$/,
    );
  });

  it('a $ref to a missing file is reported', async () => {
    const { dir } = await scratchMini((spec) => {
      spec.components.schemas.Policy.properties.holders.items = { $ref: './missing.yaml' };
    });
    const result = await run(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /spec\/openapi\.yaml#\/components\/schemas\/Policy\/properties\/holders\/items.*missing\.yaml/,
    );
  });

  it('--help prints the usage and exits 0', async () => {
    const { dir } = await scratchMini();
    expect(await run(dir, '--help')).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^Usage: pnpm generate \[--check\]/),
      stderr: '',
    });
  });

  it('an unknown option is named, without a stack trace', async () => {
    const { dir } = await scratchMini();
    const result = await run(dir, '--chek');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Unknown option '--chek'");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(dir)).toEqual(['spec']);
  });
});

// The one test that starts the real executable, on its cheapest path (no generation): what only a
// process shows is the bin's wiring, i.e. INIT_CWD as the working folder, stderr and the exit code.
// It runs the compiled CLI in dist/ (turbo builds it before this package's tests); loading the
// TypeScript toolchain took over a minute on a crowded 2-core machine: the limit is a safety net.
describe('bin/generate.js', () => {
  it('runs the CLI from INIT_CWD and exits with its code', { timeout: 300_000 }, async () => {
    const { dir } = await scratchMini();
    const args = [BIN, ...MINI_ARGS, '--spec', 'spec/missing.yaml'];
    const failed = await promisify(execFile)(process.execPath, args, {
      cwd: import.meta.dirname,
      env: { ...process.env, INIT_CWD: dir },
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1, stdout: '' });
    // Resolved against INIT_CWD (not the process's own folder), and named relative to it.
    expect(failed.stderr).toContain(
      `error: spec/missing.yaml#/: ENOENT: no such file or directory '${join(dir, 'spec/missing.yaml')}'`,
    );
    expect(await readdir(dir)).toEqual(['spec']);
  });
});
