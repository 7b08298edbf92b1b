import { inspect, parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { SpecError, formatWarnings } from './errors.js';
import { generateOutputs } from './pipeline/generate.js';
import { findStaleFiles, writeOutputs } from './pipeline/write-output.js';
import { INSPOLICYMGR, REPO_ROOT, type GenerateTarget } from './target.js';

const USAGE = `Usage: pnpm generate [--check] [--spec FILE --config FILE --out DIR --msw-out DIR --name NAME]

  --check    regenerate in memory and fail, naming the stale files, if the committed output differs
  --spec     spec entry file            (default spec/openapi.yaml)
  --config   Redocly config, our rule set: its warnings stop generation too
             (default spec/redocly.yaml; with --spec, the redocly.yaml beside it if any,
              else the spec is only checked against the OpenAPI specification)
  --out      generated folder           (default packages/inspolicymgr/src/generated)
  --msw-out  generated MSW handlers     (default packages/inspolicymgr-msw/src/generated;
                                         none when --out is given without it)
  --name     client name prefix         (default Inspolicymgr)`;

type Output = { write(text: string): unknown };

/** Where the CLI runs: the folder relative paths start from, and where it prints. */
export interface CliContext {
  cwd: string;
  stdout: Output;
  stderr: Output;
}

/** Runs the generator CLI and returns its exit code; it never exits the process itself. */
export async function main(argv: readonly string[], context: CliContext): Promise<number> {
  try {
    return await run(argv, context);
  } catch (error) {
    const known = error instanceof SpecError || isUsageError(error);
    say(context.stderr, known ? error.message : inspect(error));
    return 1;
  }
}

function say(output: Output, line: string): void {
  output.write(`${line}\n`);
}

async function run(argv: readonly string[], { cwd, stdout, stderr }: CliContext): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      check: { type: 'boolean', default: false },
      spec: { type: 'string' },
      config: { type: 'string' },
      out: { type: 'string' },
      'msw-out': { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    say(stdout, USAGE);
    return 0;
  }
  const target = targetFrom(values, cwd);
  const outputs = await generateOutputs(target, {
    onWarnings: (warnings) => say(stderr, formatWarnings(warnings)),
  });
  if (values.check) {
    let code = 0;
    for (const { outDir, files } of outputs) {
      const stale = await findStaleFiles(outDir, files);
      code = Math.max(code, reportStale(shown(outDir), stale, { stdout, stderr }));
    }
    return code;
  }
  await writeOutputs(outputs);
  for (const { outDir, files } of outputs) {
    say(stdout, `Generated ${files.length} files in ${shown(outDir)}.`);
  }
  return 0;
}

/** An unknown option or a missing value, as `parseArgs` reports it. */
function isUsageError(error: unknown): error is Error {
  return error instanceof Error && String(Reflect.get(error, 'code')).startsWith('ERR_PARSE_ARGS');
}

function shown(outDir: string): string {
  return relative(REPO_ROOT, outDir) || outDir;
}

function targetFrom(
  values: {
    spec?: string;
    config?: string;
    out?: string;
    'msw-out'?: string;
    name?: string;
  },
  cwd: string,
): GenerateTarget {
  // Another --out means another package: keep the default MSW folder out of it unless named.
  const { mswOutDir: defaultMswOut, redoclyConfigPath: defaultConfig, ...rest } = INSPOLICYMGR;
  const mswOut = values['msw-out'];
  return {
    ...rest,
    cwd,
    ...(values.out || defaultMswOut === undefined ? {} : { mswOutDir: defaultMswOut }),
    ...(mswOut ? { mswOutDir: resolve(cwd, mswOut) } : {}),
    ...(values.spec ? { specPath: resolve(cwd, values.spec), specLabel: values.spec } : {}),
    ...configOf(values, cwd, defaultConfig),
    ...(values.out ? { outDir: resolve(cwd, values.out) } : {}),
    ...(values.name ? { clientName: values.name } : {}),
  };
}

/** The Redocly config given, else the one beside a given spec, else the default target's. */
function configOf(
  values: { spec?: string; config?: string },
  cwd: string,
  defaultConfig: string | undefined,
): { redoclyConfigPath?: string } {
  if (values.config) {
    return { redoclyConfigPath: resolve(cwd, values.config) };
  }
  const beside = values.spec ? join(dirname(resolve(cwd, values.spec)), 'redocly.yaml') : undefined;
  const found = beside === undefined ? defaultConfig : existsSync(beside) ? beside : undefined;
  return found === undefined ? {} : { redoclyConfigPath: found };
}

function reportStale(
  shown: string,
  stale: readonly { path: string; reason: string }[],
  { stdout, stderr }: Pick<CliContext, 'stdout' | 'stderr'>,
): number {
  if (stale.length === 0) {
    say(stdout, `${shown} is up to date with the spec.`);
    return 0;
  }
  say(stderr, `Generated code in ${shown} is stale:`);
  for (const file of stale) {
    say(stderr, `  ${shown}/${file.path} (${file.reason})`);
  }
  say(stderr, 'Run `pnpm generate` and commit the result.');
  return 1;
}
