import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// scripts/api-report.mjs, the CI gate on the packages' declared API, on a package made here.

const SCRIPT = resolve(import.meta.dirname, '../scripts/api-report.mjs');

let folder: string;

async function report(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SCRIPT, ...args], {
      cwd: folder,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: failure.stdout + failure.stderr };
  }
}

const declare = (name: string, text: string) => writeFile(join(folder, 'dist', name), text);

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'api-report-'));
  await mkdir(join(folder, 'dist'));
  const exports = {
    '.': { types: './dist/index.d.ts', default: './dist/index.js' },
    './extra': { types: './dist/extra.d.ts', default: './dist/extra.js' },
    './package.json': './package.json',
  };
  await writeFile(
    join(folder, 'package.json'),
    JSON.stringify({ name: 'api-report-fixture', version: '1.0.0', type: 'module', exports }),
  );
  await declare('index.d.ts', 'export declare function greet(name: string): string;\n');
  await declare('extra.d.ts', 'export interface Extra {\n    size: number;\n}\n');
});

afterAll(() => rm(folder, { recursive: true, force: true }));

// Each run loads API Extractor and TypeScript's DOM types: seconds of CPU, more on a busy machine.
describe('api-report', { timeout: 90_000 }, () => {
  it('writes one report per entry point with --update, then passes while nothing changes', async () => {
    expect(await report('--update')).toMatchObject({ code: 0 });
    const index = await readFile(join(folder, 'api/index.api.md'), 'utf8');
    expect(index).toContain('export function greet(name: string): string;');
    expect(await readFile(join(folder, 'api/extra.api.md'), 'utf8')).toContain(
      'export interface Extra',
    );
    const check = await report();
    expect(check.code).toBe(0);
    expect(check.output).toContain('✓ api-report-fixture ./extra');
  });

  it('fails when an entry point declares something else, and leaves the report alone', async () => {
    const before = await readFile(join(folder, 'api/index.api.md'), 'utf8');
    await declare(
      'index.d.ts',
      'export declare function greet(name: string, loud?: boolean): string;\n',
    );
    const check = await report();
    expect(check.code).toBe(1);
    expect(check.output).toContain(
      'api-report-fixture .: the declared API differs from api/index.api.md',
    );
    expect(check.output).toContain('pnpm api:update');
    expect(await readFile(join(folder, 'api/index.api.md'), 'utf8')).toBe(before);
  });
});
