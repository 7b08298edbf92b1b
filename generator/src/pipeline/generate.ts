import type { StatementStructures } from 'ts-morph';
import { createDocumentContext } from '../lib/document.js';
import { byCodePoint } from '../lib/compare.js';
import { clientStatements } from '../emit/client-file.js';
import { enumStatements } from '../emit/enums-file.js';
import { generatedHeader } from '../emit/header.js';
import { indexStatements } from '../emit/index-file.js';
import { operationStatements } from '../emit/operations-file.js';
import { notificationStatements } from '../emit/notifications-file.js';
import { handlerStatements } from '../emit/handlers-file.js';
import { schemaStatements } from '../emit/schemas-file.js';
import { generatedReadme } from '../emit/readme.js';
import { schemaTypes } from '../emit/schema-file.js';
import { schemaTypeStatements } from '../emit/types-file.js';
import { printStatements } from '../emit/source-file.js';
import type { Node } from '../lib/document.js';
import type { ApiModel } from '../model.js';
import { transformDocument } from '../transform/document.js';
import { transformRequestSchemas } from '../transform/request-schemas.js';
import type { GenerateTarget } from '../target.js';
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

/** Module of the MSW package's hand-written runtime, as the generated `handlers.ts` imports it. */
const MSW_RUNTIME_MODULE = '../operation-handler.js';

/** The files of the target's generated folder (`outDir`), in memory. */
export async function generate(target: GenerateTarget): Promise<GeneratedFile[]> {
  const [client] = await generateOutputs(target);
  return client?.files ?? [];
}

/**
 * Runs the whole pipeline in memory: lint, bundle, transform, emit, format. Writes nothing.
 * Returns the client folder first, then the MSW handlers folder when the target has one.
 */
export async function generateOutputs(target: GenerateTarget): Promise<GeneratedOutput[]> {
  const { document } = await loadSpec(target.specPath, target.redoclyConfigPath, target.cwd);
  const model = transformDocument(createDocumentContext(document));
  const header = generatedHeader(model, target.specLabel);
  const outputs = [
    { outDir: target.outDir, files: await clientFiles(target, model, header, document) },
  ];
  if (target.mswOutDir !== undefined) {
    const handlers = handlerStatements(model.operations, {
      clientName: target.clientName,
      packageName: target.packageName,
      runtimeModule: MSW_RUNTIME_MODULE,
    });
    const schemas = schemaStatements(
      transformRequestSchemas(createDocumentContext(document), model.operations),
    );
    const raw = [
      { path: 'handlers.ts', content: header + printStatements('handlers.ts', handlers) },
      { path: 'schemas.ts', content: header + printStatements('schemas.ts', schemas) },
    ];
    outputs.push({ outDir: target.mswOutDir, files: byPath(raw) });
  }
  return outputs;
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
  return byPath(raw);
}

function byPath(files: readonly GeneratedFile[]): GeneratedFile[] {
  return [...files].sort((a, b) => byCodePoint(a.path, b.path));
}
