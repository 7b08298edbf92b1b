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
import { generatedReadme } from '../emit/readme.js';
import { schemaTypes } from '../emit/schema-file.js';
import { printStatements } from '../emit/source-file.js';
import { transformDocument } from '../transform/document.js';
import type { GenerateTarget } from '../target.js';
import { loadSpec } from './load-spec.js';

export interface GeneratedFile {
  /** Path inside the generated folder. */
  path: string;
  content: string;
}

/** Runs the whole pipeline in memory: lint, bundle, transform, emit, format. Writes nothing. */
export async function generate(target: GenerateTarget): Promise<GeneratedFile[]> {
  const { document } = await loadSpec(target.specPath, target.redoclyConfigPath);
  const model = transformDocument(createDocumentContext(document));
  const header = generatedHeader(model, target.specLabel);
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
  if (model.webhooks.length > 0) {
    modules.push([
      'notifications.ts',
      notificationStatements(target.clientName, target.corePackage),
    ]);
  }
  const raw: GeneratedFile[] = [
    { path: 'schema.ts', content: header + (await schemaTypes(document)) },
    ...modules.map(([path, statements]) => ({
      path,
      content: header + printStatements(path, statements),
    })),
    { path: 'README.md', content: generatedReadme(model, target.specLabel) },
  ];
  const files = await Promise.all(
    raw.map(async (file) => ({
      ...file,
      content: await formatLikeRepo(file.content, join(target.outDir, file.path)),
    })),
  );
  return files.sort((a, b) => byCodePoint(a.path, b.path));
}
