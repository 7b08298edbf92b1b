import { join } from 'node:path';
import type { StatementStructures } from 'ts-morph';
import { createDocumentContext } from '../lib/document.js';
import { byCodePoint } from '../lib/compare.js';
import { formatLikeRepo } from '../lib/format.js';
import { clientStatements } from '../emit/client-file.js';
import { enumStatements } from '../emit/enums-file.js';
import { generatedHeader } from '../emit/header.js';
import { indexStatements } from '../emit/index-file.js';
import { operationStatements } from '../emit/operations-file.js';
import { notificationStatements } from '../emit/notifications-file.js';
import { handlerStatements } from '../emit/handlers-file.js';
import { mockIndexStatements } from '../emit/mock-index-file.js';
import { schemaStatements } from '../emit/schemas-file.js';
import { generatedReadme } from '../emit/readme.js';
import { schemaTypes } from '../emit/schema-file.js';
import { schemaTypeStatements } from '../emit/types-file.js';
import { printStatements } from '../emit/source-file.js';
import type { Node } from '../lib/document.js';
import type { ApiModel } from '../model.js';
import { transformDocument } from '../transform/document.js';
import { transformRequestSchemas } from '../transform/request-schemas.js';
import { MOCK_PACKAGE, type GenerateTarget } from '../target.js';
import { loadSpec } from './load-spec.js';

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

/** The files of the target's generated folder (`outDir`), in memory. */
export async function generate(target: GenerateTarget): Promise<GeneratedFile[]> {
  const [client] = await generateOutputs(target);
  return client?.files ?? [];
}

/**
 * Runs the whole pipeline in memory: lint, bundle, transform, emit, format. Writes nothing.
 * Returns the client folder first, then the product's mock folder when the target has one.
 */
export async function generateOutputs(target: GenerateTarget): Promise<GeneratedOutput[]> {
  return (await generateWithModel(target)).outputs;
}

/** `generateOutputs`, with the model read from the spec (the package files are written from it). */
export async function generateWithModel(
  target: GenerateTarget,
): Promise<{ model: ApiModel; outputs: GeneratedOutput[] }> {
  const { document } = await loadSpec(target.specPath, target.redoclyConfigPath, target.cwd);
  const model = transformDocument(createDocumentContext(document));
  const header = generatedHeader(model, target.specLabel);
  const outputs = [
    { outDir: target.outDir, files: await clientFiles(target, model, header, document) },
  ];
  if (target.mockOutDir !== undefined) {
    const names = {
      clientName: target.clientName,
      packageName: target.packageName,
      runtimeModule: target.mockRuntimeModule ?? MOCK_PACKAGE,
    };
    const handlers = handlerStatements(model.operations, names);
    const index = mockIndexStatements(model.operations, names);
    const schemas = schemaStatements(
      transformRequestSchemas(createDocumentContext(document), model.operations),
    );
    const raw = [
      { path: 'handlers.ts', content: header + printStatements('handlers.ts', handlers) },
      { path: 'index.ts', content: header + printStatements('index.ts', index) },
      { path: 'schemas.ts', content: header + printStatements('schemas.ts', schemas) },
    ];
    outputs.push({ outDir: target.mockOutDir, files: await formatted(raw, target.mockOutDir) });
  }
  return { model, outputs };
}

async function clientFiles(
  target: GenerateTarget,
  model: ApiModel,
  header: string,
  document: Node,
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
    {
      path: 'schema.ts',
      content:
        header +
        (await schemaTypes(
          document,
          model.webhooks.map((item) => item.resourceSchema),
        )),
    },
    ...modules.map(([path, statements]) => ({
      path,
      content: header + printStatements(path, statements),
    })),
    { path: 'README.md', content: generatedReadme(model, target.specLabel) },
  ];
  return formatted(raw, target.outDir);
}

/** Formats each file as Prettier would in its folder, sorted by path. */
async function formatted(raw: readonly GeneratedFile[], outDir: string): Promise<GeneratedFile[]> {
  const files = await Promise.all(
    raw.map(async (file) => ({
      ...file,
      content: await formatLikeRepo(file.content, join(outDir, file.path)),
    })),
  );
  return files.sort((a, b) => byCodePoint(a.path, b.path));
}
