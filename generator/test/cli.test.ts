import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { scratchMini } from './fixture-target.js';

const BIN = resolve(import.meta.dirname, '../bin/generate.js');

/** Runs the generator CLI on a scratch copy of the mini fixture. */
async function run(
  dir: string,
  ...extra: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = [
    BIN,
    '--spec',
    'spec/openapi.yaml',
    '--config',
    'spec/redocly.yaml',
    '--out',
    'generated',
    '--name',
    'Mini',
  ];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...args, ...extra], {
      cwd: dir,
      env: { ...process.env, INIT_CWD: dir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Each test starts the CLI two or three times (about 3 s each alone). While turbo runs every
// package's tests at once on CI's 2 cores, one test took over the 30 s default.
describe('wechatpay-kit-generate', { timeout: 90_000 }, () => {
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

  it('--msw-out writes the MSW handlers too, and --check covers both folders', async () => {
    const { dir } = await scratchMini();
    expect(await run(dir, '--msw-out', 'msw')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Generated 2 files in'),
    });
    expect(await readdir(join(dir, 'msw'))).toEqual(['handlers.ts', 'schemas.ts']);
    expect(await run(dir, '--msw-out', 'msw', '--check')).toMatchObject({ code: 0 });
    await writeFile(join(dir, 'msw/handlers.ts'), '// edited\n');
    await writeFile(join(dir, 'msw/extra.ts'), 'export {};\n');
    const result = await run(dir, '--msw-out', 'msw', '--check');
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
    const { rm } = await import('node:fs/promises');
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

  it('a spec the generator cannot use is reported with its pointer', async () => {
    const { dir } = await scratchMini((spec) => {
      delete spec.components.schemas.PolicyState['x-enum-varnames'];
    });
    const result = await run(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '#/components/schemas/PolicyState: enum "PolicyState" needs x-enum-varnames',
    );
    expect(await readdir(dir)).toEqual(['spec']);
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
});
