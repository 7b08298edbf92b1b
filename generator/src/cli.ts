import { parseArgs } from 'node:util';
import { relative, resolve } from 'node:path';
import { SpecError } from './errors.js';
import { generateOutputs } from './pipeline/generate.js';
import { findStaleFiles, writeOutputs } from './pipeline/write-output.js';
import { INSPOLICYMGR, REPO_ROOT, type GenerateTarget } from './target.js';

const USAGE = `Usage: pnpm generate [--check] [--spec FILE --config FILE --out DIR --msw-out DIR --name NAME]

  --check    regenerate in memory and fail, naming the stale files, if the committed output differs
  --spec     spec entry file            (default spec/openapi.yaml)
  --config   Redocly config             (default spec/redocly.yaml)
  --out      generated folder           (default packages/inspolicymgr/src/generated)
  --msw-out  generated MSW handlers     (default packages/inspolicymgr-msw/src/generated;
                                         none when --out is given without it)
  --name     client name prefix         (default Inspolicymgr)`;

async function main(argv: readonly string[]): Promise<number> {
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
    console.log(USAGE);
    return 0;
  }
  const target = targetFrom(values);
  const outputs = await generateOutputs(target);
  if (values.check) {
    let code = 0;
    for (const { outDir, files } of outputs) {
      code = Math.max(code, reportStale(shown(outDir), await findStaleFiles(outDir, files)));
    }
    return code;
  }
  await writeOutputs(outputs);
  for (const { outDir, files } of outputs) {
    console.log(`Generated ${files.length} files in ${shown(outDir)}.`);
  }
  return 0;
}

function shown(outDir: string): string {
  return relative(REPO_ROOT, outDir) || outDir;
}

function targetFrom(values: {
  spec?: string;
  config?: string;
  out?: string;
  'msw-out'?: string;
  name?: string;
}): GenerateTarget {
  const cwd = process.env.INIT_CWD ?? process.cwd();
  // Another --out means another package: keep the default MSW folder out of it unless named.
  const { mswOutDir: defaultMswOut, ...rest } = INSPOLICYMGR;
  const mswOut = values['msw-out'];
  return {
    ...rest,
    ...(values.out || defaultMswOut === undefined ? {} : { mswOutDir: defaultMswOut }),
    ...(mswOut ? { mswOutDir: resolve(cwd, mswOut) } : {}),
    ...(values.spec ? { specPath: resolve(cwd, values.spec), specLabel: values.spec } : {}),
    ...(values.config ? { redoclyConfigPath: resolve(cwd, values.config) } : {}),
    ...(values.out ? { outDir: resolve(cwd, values.out) } : {}),
    ...(values.name ? { clientName: values.name } : {}),
  };
}

function reportStale(shown: string, stale: readonly { path: string; reason: string }[]): number {
  if (stale.length === 0) {
    console.log(`${shown} is up to date with the spec.`);
    return 0;
  }
  console.error(`Generated code in ${shown} is stale:`);
  for (const file of stale) {
    console.error(`  ${shown}/${file.path} (${file.reason})`);
  }
  console.error('Run `pnpm generate` and commit the result.');
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof SpecError ? error.message : error);
    process.exitCode = 1;
  },
);
