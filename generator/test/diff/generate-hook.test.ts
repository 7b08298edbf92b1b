import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { main } from '../../src/cli.js';
import { removeScratchDirs, scratchMini } from '../fixture-target.js';
import { runCli } from '../run-cli.js';

const git = promisify(execFile);

afterAll(removeScratchDirs);

it('pnpm generate prints the short API change report since HEAD', async () => {
  const { dir } = await scratchMini();
  const id = ['-c', 'user.name=Test', '-c', 'user.email=test@example.test'];
  await git('git', ['init', '-q'], { cwd: dir });
  await git('git', ['add', 'spec'], { cwd: dir });
  await git('git', [...id, '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'spec'], {
    cwd: dir,
  });
  const file = join(dir, 'spec/openapi.yaml');
  const spec = parse(await readFile(file, 'utf8'));
  spec.components.schemas.Policy.properties.note = { type: 'string', description: 'A note.' };
  await writeFile(file, stringify(spec));
  const argv = ['--spec', 'spec/openapi.yaml', '--config', 'spec/redocly.yaml', '--out', 'out'];
  const { code, stdout, stderr } = await runCli(main, [...argv, '--name', 'Mini'], dir);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(stdout).toMatch(/^Generated \d+ files in .*out\.$/m);
  expect(stdout).toContain(
    'inspolicymgr: 0 breaking, 3 non-breaking changes since HEAD\nDetails: pnpm spec:diff HEAD\n',
  );
});
