import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const here = resolve(import.meta.dirname, 'portable');
const dist = resolve(import.meta.dirname, '../dist');

describe('portability (built package)', () => {
  it('signs, verifies, encrypts and parses callbacks with node:crypto unavailable', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', './register.mjs', 'flow.mjs'],
      { cwd: here },
    );
    expect(stdout).toContain('webcrypto-only: ok');
  });

  it('imports no Node built-in module anywhere in dist', async () => {
    const files = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith('.js'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = await readFile(join(dist, file), 'utf8');
      expect(text, file).not.toMatch(/from ['"](node:|crypto['"]|buffer['"]|util['"])/);
    }
  });
});
