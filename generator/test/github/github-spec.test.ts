import { rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { compilerHost } from '../compiler-host.js';
import { describe, expect, it } from 'vitest';
import { generateOutputs } from '../../src/pipeline/generate.js';
import { writeOutputs } from '../../src/pipeline/write-output.js';

// The proof that the generator is general: GitHub's REST spec (1,000+ operations, OpenAPI 3.0,
// none of WeChat Pay's conventions), unpatched, gives a client and MSW handlers that compile with
// zero errors. Slow (a few minutes of CPU on 2 cores): run by `pnpm --filter
// @wechatpay-kit/generator test:github`, a CI step of its own, not by `npm test`.

const require = createRequire(import.meta.url);
const SPEC = require.resolve('@octokit/openapi/generated/api.github.com.json');
const REPO = resolve(import.meta.dirname, '../../..');
/** The package with the hand-written mock runtime the generated handlers import. */
const MOCK_PACKAGE = join(REPO, 'packages/mock');
/** Inside the mock package, so that `msw` and `@wechatpay-kit/core` resolve as they do there. */
const WORK = join(MOCK_PACKAGE, 'node_modules/.cache/wechatpay-kit-github-spec');

describe('GitHub REST spec', { timeout: 900_000 }, () => {
  it('generates a client and MSW handlers that type-check with zero errors', async () => {
    await rm(WORK, { recursive: true, force: true });
    const warnings: unknown[] = [];
    const outputs = await generateOutputs(
      {
        specPath: SPEC,
        outDir: join(WORK, 'client'),
        mockOutDir: join(WORK, 'mock/generated'),
        mockRuntimeModule: '../runtime.js',
        clientName: 'Github',
        specLabel: '@octokit/openapi/generated/api.github.com.json',
        corePackage: '@wechatpay-kit/core',
        packageName: '@wechatpay-kit/github',
        cwd: REPO,
      },
      { onWarnings: (found) => warnings.push(...found) },
    );
    await writeOutputs(outputs);
    await writeFile(
      join(WORK, 'mock/runtime.ts'),
      `export * from '${join(MOCK_PACKAGE, 'src/runtime.js')}';\n`,
    );
    expect(diagnostics(WORK)).toEqual([]);
    // GitHub's spec breaks some of Redocly's `spec` rules (e.g. `nullable` without `type`):
    // reported, yet generation goes on.
    expect(warnings.length).toBeGreaterThan(0);
    await rm(WORK, { recursive: true, force: true });
  });
});

/**
 * `tsc --noEmit` over the generated folders with the repository's compiler options; with
 * `declaration` on, as a package build has it, so the declarations could be written too.
 */
function diagnostics(root: string): string[] {
  const base = ts.getParsedCommandLineOfConfigFile(
    join(REPO, 'tsconfig.base.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  const openapiFetch = createRequire(join(REPO, 'packages/core/package.json')).resolve(
    'openapi-fetch',
  );
  const options: ts.CompilerOptions = {
    ...base?.options,
    noEmit: true,
    types: [],
    paths: {
      '@wechatpay-kit/github': [join(root, 'client/index.ts')],
      'openapi-fetch': [join(dirname(openapiFetch), 'index.d.mts')],
    },
  };
  const program = ts.createProgram(
    ['client/index.ts', 'mock/generated/handlers.ts', 'mock/generated/schemas.ts'].map((file) =>
      join(root, file),
    ),
    options,
    compilerHost(options),
  );
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) =>
      ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').slice(0, 300),
    )
    .slice(0, 20);
}
