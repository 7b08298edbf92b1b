import type { StatementStructures } from 'ts-morph';
import { byCodePoint } from '../lib/compare.js';
import { clientStatements } from '../emit/client-file.js';
import { enumStatements } from '../emit/enums-file.js';
import { generatedHeader } from '../emit/header.js';
import { fixedExportNames, indexStatements } from '../emit/index-file.js';
import { operationStatements } from '../emit/operations-file.js';
import { notificationStatements } from '../emit/notifications-file.js';
import { handlerStatements } from '../emit/handlers-file.js';
import { mockIndexStatements } from '../emit/mock-index-file.js';
import { requestSchemaStatements } from '../emit/request-schemas-file.js';
import { generatedReadme } from '../emit/readme.js';
import { openapiTypes } from '../emit/openapi-types-file.js';
import { schemaTypeStatements } from '../emit/types-file.js';
import { printStatements } from '../emit/source-file.js';
import { SpecError, type SpecProblem } from '../errors.js';
import type { ApiModel } from '../model.js';
import { createTransformContext } from '../transform/context.js';
import { transformDocument } from '../transform/document.js';
import { MOCK_PACKAGE, type GenerateTarget } from '../target.js';
import { displayPath, loadSpec, unique, type LoadedSpec } from './load-spec.js';
import { createSourceLocator } from './source-locator.js';

export interface GeneratedFile {
  /** Path inside the generated folder. */
  path: string;
  content: string;
}

/** One generated folder and what goes in it. */
export interface GeneratedOutput {
  outDir: string;
  files: GeneratedFile[];
}

export interface GenerateOptions {
  /** Gets the lint warnings that do not stop generation, before anything is generated. */
  onWarnings?(warnings: readonly SpecProblem[]): void;
}

/** The files of the target's generated folder (`outDir`), in memory. */
export async function generate(target: GenerateTarget): Promise<GeneratedFile[]> {
  const [client] = await generateOutputs(target);
  return client?.files ?? [];
}

/**
 * Runs the whole pipeline in memory: lint, bundle, transform, emit, format. Writes nothing.
 * Returns the client folder first, then the product's mock folder when the target has one.
 */
export async function generateOutputs(
  target: GenerateTarget,
  options: GenerateOptions = {},
): Promise<GeneratedOutput[]> {
  return (await generateWithModel(target, options)).outputs;
}

/** `generateOutputs`, with the model read from the spec (the package files are written from it). */
export async function generateWithModel(
  target: GenerateTarget,
  options: GenerateOptions = {},
): Promise<{ model: ApiModel; outputs: GeneratedOutput[] }> {
  const spec = await loadSpec(target.specPath, target.redoclyConfigPath, target.cwd);
  if (spec.warnings.length > 0) {
    options.onWarnings?.(spec.warnings);
  }
  const model = await transformSpec(spec, target);
  const header = generatedHeader(model, target.specLabel);
  const outputs = [{ outDir: target.outDir, files: await clientFiles(target, model, header) }];
  if (target.mockOutDir !== undefined) {
    const names = {
      clientName: target.clientName,
      packageName: target.packageName,
      runtimeModule: target.mockRuntimeModule ?? MOCK_PACKAGE,
    };
    const raw = [
      ['handlers.ts', handlerStatements(model.operations, names)],
      ['index.ts', mockIndexStatements(model.operations, names)],
      ['schemas.ts', requestSchemaStatements(model)],
    ].map(([path, statements]) => ({
      path: path as string,
      content: header + printStatements(path as string, statements as StatementStructures[]),
    }));
    outputs.push({ outDir: target.mockOutDir, files: byPath(raw) });
  }
  return { model, outputs };
}

/**
 * The model of a loaded spec. Lint errors and the transforms' problems are reported together,
 * each transform problem at its place in the split spec where it can be found.
 */
async function transformSpec(spec: LoadedSpec, target: GenerateTarget): Promise<ApiModel> {
  const context = createTransformContext(spec.document, {
    file: `${spec.file} (bundled)`,
    reservedNames: fixedExportNames(target.clientName),
  });
  let model: ApiModel | undefined;
  let failure: unknown;
  try {
    model = await transformDocument(spec.document, context);
  } catch (error) {
    failure = error;
  }
  const locate = createSourceLocator(target.specPath);
  const found = await Promise.all(
    context.problems.map(async (problem) => {
      const source = await locate(problem.pointer.replace(/^#/, '')).catch(() => undefined);
      return source
        ? { ...problem, ...source, file: displayPath(source.file, target.cwd ?? process.cwd()) }
        : problem;
    }),
  );
  const problems = unique([...spec.errors, ...found]);
  if (problems.length > 0) {
    throw new SpecError(problems);
  }
  if (model === undefined) {
    throw failure;
  }
  return model;
}

async function clientFiles(
  target: GenerateTarget,
  model: ApiModel,
  header: string,
): Promise<GeneratedFile[]> {
  const names = {
    clientName: target.clientName,
    corePackage: target.corePackage,
    packageName: target.packageName,
  };
  const modules: [string, StatementStructures[]][] = [
    ['client.ts', clientStatements(model.operations, names)],
    ['operations.ts', operationStatements(model.operations, model.webhooks, target.corePackage)],
    ['index.ts', indexStatements(model, target.clientName)],
  ];
  if (model.enums.length > 0) {
    modules.push(['enums.ts', enumStatements(model.enums)]);
  }
  if (model.schemaTypes.length > 0) {
    modules.push(['types.ts', schemaTypeStatements(model.schemaTypes)]);
  }
  if (model.webhooks.length > 0) {
    modules.push([
      'notifications.ts',
      notificationStatements(target.clientName, target.corePackage),
    ]);
  }
  const raw: GeneratedFile[] = [
    { path: 'schema.ts', content: header + (await openapiTypes(model.typesDocument)) },
    ...modules.map(([path, statements]) => ({
      path,
      content: header + printStatements(path, statements),
    })),
  ];
  const paths = raw.map((file) => file.path);
  raw.push({ path: 'README.md', content: generatedReadme(model, target.specLabel, paths) });
  return byPath(raw);
}

function byPath(files: readonly GeneratedFile[]): GeneratedFile[] {
  return [...files].sort((a, b) => byCodePoint(a.path, b.path));
}
