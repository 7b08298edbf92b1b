import { existsSync } from 'node:fs';
import { inspect, parseArgs } from 'node:util';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { specChangeSummary } from './diff/summary.js';
import { isUsageError, type CliContext, type Output } from './lib/cli-context.js';
import { SpecError, formatWarnings, type SpecProblem } from './errors.js';
import { generateOutputs, type GeneratedOutput } from './pipeline/generate.js';
import { generateProducts } from './pipeline/products.js';
import {
  findStalePackageFiles,
  writePackageFiles,
  type PackageFile,
} from './pipeline/write-files.js';
import { findStaleFiles, writeOutputs, type StaleFile } from './pipeline/write-output.js';
import { fromRoot } from './product/layout.js';
import { pascalCase } from './product/names.js';
import { REPO_ROOT, type GenerateTarget } from './target.js';
import { UsageError } from './usage-error.js';

const USAGE = `Usage: pnpm generate [--check] [--product NAME ...] [--root DIR]
       pnpm generate [--check] --spec FILE --out DIR [--mock-out DIR] [--name NAME] [--package NAME] [--config FILE]

Every spec/<product>/openapi.yaml is a product: its client package packages/<product> and its
mock handlers packages/mock/src/generated/<product> are written from it.

  --check     regenerate in memory and fail, naming the stale files, if the committed output differs
  --product   only this product (repeatable)          (default: every product)
  --root      repository with spec/ and packages/     (default: this repository)
  --spec      one spec file instead of the products; --out is then required
  --out       its generated client folder
  --mock-out  its generated mock handlers folder      (none when not given)
  --name      client name prefix                      (default: the spec folder in PascalCase)
  --package   package named in the User-Agent         (default: @wechatpay-kit/<spec folder>)
  --config    Redocly config                          (default: redocly.yaml beside the spec)

Relative paths start from the folder the command was typed in.`;

type Options = {
  check: boolean;
  product?: string[];
  root?: string;
  spec?: string;
  out?: string;
  'mock-out'?: string;
  name?: string;
  package?: string;
  config?: string;
};

/** Runs the generator CLI and returns its exit code; it never exits the process itself. */
export async function main(argv: readonly string[], context: CliContext): Promise<number> {
  try {
    return await run(argv, context);
  } catch (error) {
    const known = error instanceof SpecError || error instanceof UsageError || isUsageError(error);
    say(context.stderr, known ? error.message : inspect(error));
    return 1;
  }
}

function say(output: Output, line: string): void {
  output.write(`${line}\n`);
}

async function run(argv: readonly string[], context: CliContext): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      check: { type: 'boolean', default: false },
      product: { type: 'string', multiple: true },
      root: { type: 'string' },
      spec: { type: 'string' },
      out: { type: 'string' },
      'mock-out': { type: 'string' },
      name: { type: 'string' },
      package: { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    say(context.stdout, USAGE);
    return 0;
  }
  const { root, specFolder, outputs, files } = values.spec
    ? await singleSpec(values, context.cwd, context.stderr)
    : await allProducts(values, context.cwd, context.stderr);
  const shown = (path: string) => displayed(root, context.cwd, path);
  if (values.check) {
    return check(outputs, files, shown, context);
  }
  await writeOutputs(outputs);
  await writePackageFiles(files);
  for (const { outDir, files: written } of outputs) {
    say(context.stdout, `Generated ${written.length} files in ${shown(outDir)}.`);
  }
  // The short API change report since HEAD (`pnpm spec:diff` has the details).
  const changes = await specChangeSummary(specFolder);
  if (changes) {
    say(context.stdout, changes);
  }
  return 0;
}

interface Planned {
  /** Paths are shown relative to it. */
  root: string;
  /** A folder of the spec(s), inside the git repository the change report compares. */
  specFolder: string;
  outputs: GeneratedOutput[];
  files: PackageFile[];
}

/** Lint warnings that do not stop generation are still shown. */
function warningsTo(stderr: Output) {
  return {
    onWarnings: (warnings: readonly SpecProblem[]) => say(stderr, formatWarnings(warnings)),
  };
}

async function allProducts(values: Options, cwd: string, stderr: Output): Promise<Planned> {
  const root = values.root ? resolve(cwd, values.root) : REPO_ROOT;
  for (const option of ['out', 'mock-out', 'name', 'package', 'config'] as const) {
    if (values[option] !== undefined) {
      throw new UsageError(`--${option} needs --spec; products take their names from spec/.`);
    }
  }
  const run = await generateProducts(root, {
    ...(values.product && { only: values.product }),
    cwd,
    ...warningsTo(stderr),
  });
  if (run.products.length === 0) {
    throw new UsageError(
      `No product under ${join(root, 'spec')}: add spec/<product>/openapi.yaml.`,
    );
  }
  return { root, specFolder: join(root, 'spec'), outputs: run.outputs, files: run.files };
}

async function singleSpec(values: Options, cwd: string, stderr: Output): Promise<Planned> {
  if (!values.out) {
    throw new UsageError('--spec needs --out: the folder the client code goes to.');
  }
  const specPath = resolve(cwd, values.spec ?? '');
  const folder = basename(dirname(specPath));
  const beside = join(dirname(specPath), 'redocly.yaml');
  const config = values.config
    ? resolve(cwd, values.config)
    : existsSync(beside)
      ? beside
      : undefined;
  const mockOut = values['mock-out'];
  const root = repositoryOf(specPath) ?? cwd;
  const target: GenerateTarget = {
    specPath,
    ...(config ? { redoclyConfigPath: config } : {}),
    outDir: resolve(cwd, values.out),
    ...(mockOut ? { mockOutDir: resolve(cwd, mockOut) } : {}),
    clientName: values.name ?? pascalCase(folder),
    specLabel: fromRoot(root, specPath),
    corePackage: '@wechatpay-kit/core',
    packageName: values.package ?? `@wechatpay-kit/${folder}`,
    cwd,
  };
  const outputs = await generateOutputs(target, warningsTo(stderr));
  return { root, specFolder: dirname(specPath), outputs, files: [] };
}

/** The repository a file is in: the nearest folder up with `.git` or `pnpm-workspace.yaml`. */
function repositoryOf(file: string): string | undefined {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git')) || existsSync(join(dir, 'pnpm-workspace.yaml'))) {
      return dir;
    }
    if (dirname(dir) === dir) {
      return undefined;
    }
  }
}

async function check(
  outputs: readonly GeneratedOutput[],
  files: readonly PackageFile[],
  shown: (path: string) => string,
  { stdout, stderr }: CliContext,
): Promise<number> {
  const stale: StaleFile[] = [];
  for (const { outDir, files: expected } of outputs) {
    const found = await findStaleFiles(outDir, expected);
    stale.push(...found.map((file) => ({ ...file, path: join(outDir, file.path) })));
    if (found.length === 0) {
      say(stdout, `${shown(outDir)} is up to date with the spec.`);
    }
  }
  stale.push(...(await findStalePackageFiles(files)));
  if (stale.length === 0) {
    return 0;
  }
  say(stderr, 'Generated code is stale:');
  for (const file of stale) {
    say(stderr, `  ${shown(file.path)} (${file.reason})`);
  }
  say(stderr, 'Run `pnpm generate` and commit the result.');
  return 1;
}

/** A path as the report shows it: from the repository root, or from the working folder. */
function displayed(root: string, cwd: string, path: string): string {
  const inRoot = relative(root, path);
  if (!inRoot.startsWith('..')) {
    return inRoot || path;
  }
  const inCwd = relative(cwd, path);
  return inCwd.startsWith('..') ? path : inCwd;
}
