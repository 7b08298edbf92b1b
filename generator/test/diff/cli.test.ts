import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/diff/cli.js';
import { diffSpecs } from '../../src/diff/run.js';
import { specChangeSummary } from '../../src/diff/summary.js';
import { runCli } from '../run-cli.js';

const git = promisify(execFile);
const scratchDirs: string[] = [];

async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wechatpay-kit-spec-diff-test-'));
  scratchDirs.push(dir);
  return dir;
}

afterAll(() => Promise.all(scratchDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A split spec: the root refers to the request schema in its own file. */
const ROOT = `openapi: 3.1.0
info: {title: Tiny, version: '1'}
paths:
  /v1/policies:
    post:
      operationId: uploadPolicy
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: ./schemas/Policy.yaml
      responses:
        '200':
          description: Stored.
          content:
            application/json:
              schema:
                $ref: ./schemas/Policy.yaml
`;
const POLICY = `type: object
required: [policy_no]
properties:
  policy_no: {type: string}
`;
const POLICY_EDITED = `type: object
required: [policy_no, holder]
properties:
  policy_no: {type: string}
  holder: {type: string}
  note: {type: string}
`;

async function write(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

/** A git repository with the tiny spec at the root of spec/ committed. */
async function repoWithSpec(): Promise<string> {
  const dir = await scratch();
  await write(dir, { 'spec/openapi.yaml': ROOT, 'spec/schemas/Policy.yaml': POLICY });
  const id = ['-c', 'user.name=Test', '-c', 'user.email=test@example.test'];
  await git('git', ['init', '-q'], { cwd: dir });
  await git('git', ['add', '.'], { cwd: dir });
  await git('git', [...id, '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'spec'], {
    cwd: dir,
  });
  return dir;
}

function run(cwd: string, ...argv: string[]) {
  return runCli(main, argv, cwd);
}

describe('spec:diff', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await repoWithSpec();
    await write(repo, { 'spec/schemas/Policy.yaml': POLICY_EDITED });
  });

  it('reports the working tree against HEAD, grouped by operation', async () => {
    expect(await run(repo)).toEqual({
      code: 0,
      stdout: [
        'inspolicymgr: 1 breaking, 3 non-breaking changes since HEAD',
        '  POST /v1/policies (uploadPolicy)',
        '    breaking      request.body.holder: required field added (sent)',
        '    non-breaking  request.body.note: optional field added (sent)',
        '    non-breaking  response.200.body.holder: required field added (received)',
        '    non-breaking  response.200.body.note: optional field added (received)',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('--fail-on-breaking exits 1 when a change is breaking', async () => {
    const result = await run(repo, 'HEAD', '--fail-on-breaking');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('1 breaking');
  });

  it('--fail-on-breaking exits 0 without breaking changes, from a subfolder too', async () => {
    const dir = await repoWithSpec();
    await write(dir, {
      'spec/schemas/Policy.yaml': `${POLICY}  note: {type: string}\n`,
    });
    expect(await run(join(dir, 'spec/schemas'), '--fail-on-breaking')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('inspolicymgr: 0 breaking, 2 non-breaking changes'),
    });
  });

  it('--json prints the changes with their counts', async () => {
    const result = await run(repo, '--json');
    const report = JSON.parse(result.stdout);
    expect(report.ref).toBe('HEAD');
    expect(report.products).toMatchObject([
      { product: 'inspolicymgr', status: 'changed', breaking: 1, nonBreaking: 3 },
    ]);
    expect(report.products[0].changes[0]).toEqual({
      kind: 'field-added',
      breaking: true,
      operation: {
        method: 'POST',
        path: '/v1/policies',
        operationId: 'uploadPolicy',
        webhook: false,
      },
      field: 'request.body.holder',
      direction: 'input',
      message: 'required field added (sent)',
    });
  });

  it('finds product folders, and matches spec/openapi.yaml to spec/inspolicymgr after the move', async () => {
    const dir = await repoWithSpec();
    await mkdir(join(dir, 'spec/inspolicymgr'));
    await rename(join(dir, 'spec/openapi.yaml'), join(dir, 'spec/inspolicymgr/openapi.yaml'));
    await rename(join(dir, 'spec/schemas'), join(dir, 'spec/inspolicymgr/schemas'));
    await write(dir, {
      'spec/papay-insurance/openapi.yaml': ROOT.replaceAll('./schemas', '../inspolicymgr/schemas'),
    });
    expect(await run(dir, '--fail-on-breaking')).toEqual({
      code: 0,
      stdout: [
        'inspolicymgr: no API changes since HEAD',
        'papay-insurance: new since HEAD (1 operation)',
        '  POST /v1/policies (uploadPolicy)',
        '    non-breaking  operation added',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('a removed product is breaking', async () => {
    const dir = await repoWithSpec();
    await rm(join(dir, 'spec'), { recursive: true });
    const result = await run(dir, '--fail-on-breaking');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('inspolicymgr: removed since HEAD (1 operation, breaking)');
  });

  it.each([
    ['an unknown ref', ['no-such-branch'], /^Unknown git ref "no-such-branch": name a commit/],
    ['two refs', ['HEAD', 'HEAD~1'], /^Give at most one git ref/],
    ['an unknown option', ['--fail-on-braking'], /Unknown option '--fail-on-braking'/],
  ])('%s: exit 2 with a clear message, no stack trace', async (_name, argv, message) => {
    const result = await run(repo, ...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('outside a git repository: exit 2 with a clear message', async () => {
    const dir = await scratch();
    const result = await run(dir);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(
      `${dir} is not inside a git repository; run spec:diff in a clone of the project.\n`,
    );
  });

  it('a spec that does not bundle names the file and the side', async () => {
    const dir = await repoWithSpec();
    await rm(join(dir, 'spec/schemas/Policy.yaml'));
    const result = await run(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "spec/openapi.yaml (working tree)#/paths/~1v1~1policies/post/requestBody/content/application~1json/schema: Can't resolve $ref",
    );
  });
});

describe('diffSpecs', () => {
  it('removes the temporary copy of the ref, also when a spec does not bundle', async () => {
    const repo = await repoWithSpec();
    const tempDir = await scratch();
    const diff = await diffSpecs({ cwd: repo, tempDir });
    expect(diff.products).toEqual([{ product: 'inspolicymgr', status: 'unchanged', changes: [] }]);
    expect(await readdir(tempDir)).toEqual([]);
    await write(repo, { 'spec/openapi.yaml': 'openapi: [' });
    await expect(diffSpecs({ cwd: repo, tempDir })).rejects.toThrow(
      /spec\/openapi.yaml \(working tree\): /,
    );
    expect(await readdir(tempDir)).toEqual([]);
  });
});

describe('specChangeSummary, for pnpm generate', () => {
  it('is the short report', async () => {
    const repo = await repoWithSpec();
    await write(repo, { 'spec/schemas/Policy.yaml': POLICY_EDITED });
    expect(await specChangeSummary(join(repo, 'spec'))).toBe(
      'inspolicymgr: 1 breaking, 3 non-breaking changes since HEAD\nDetails: pnpm spec:diff HEAD',
    );
  });

  it('is nothing outside a git repository', async () => {
    expect(await specChangeSummary(await scratch())).toBeUndefined();
  });
});
