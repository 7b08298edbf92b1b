import { inspect, parseArgs } from 'node:util';
import { isUsageError, type CliContext } from '../lib/cli-context.js';
import { SpecDiffError } from './errors.js';
import { formatJsonReport, formatReport, hasBreaking } from './report.js';
import { diffSpecs } from './run.js';

const USAGE = `Usage: pnpm spec:diff [REF] [--fail-on-breaking] [--json]

Compares every product's spec (spec/<product>/openapi.yaml; spec/openapi.yaml counts as
inspolicymgr) at the git ref REF (default HEAD) with the working tree, and lists the API
changes, each marked breaking or not for a client user.

  --fail-on-breaking  exit with 1 when any change is breaking
  --json              print the changes as JSON

Exit codes: 0 compared, 1 breaking changes under --fail-on-breaking, 2 could not compare.`;

/** Runs `spec:diff` and returns its exit code; it never exits the process itself. */
export async function main(argv: readonly string[], context: CliContext): Promise<number> {
  try {
    return await run(argv, context);
  } catch (error) {
    const known = error instanceof SpecDiffError || isUsageError(error);
    context.stderr.write(`${known ? error.message : inspect(error)}\n`);
    if (isUsageError(error)) {
      context.stderr.write(`${USAGE}\n`);
    }
    return 2;
  }
}

async function run(argv: readonly string[], { cwd, stdout }: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      'fail-on-breaking': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length > 1) {
    throw new SpecDiffError(`Give at most one git ref, not ${positionals.join(' ')}.\n${USAGE}`);
  }
  const diff = await diffSpecs({ cwd, ...(positionals[0] ? { ref: positionals[0] } : {}) });
  stdout.write(`${values.json ? formatJsonReport(diff) : formatReport(diff)}\n`);
  return values['fail-on-breaking'] && hasBreaking(diff) ? 1 : 0;
}
