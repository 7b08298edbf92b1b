import type { ExportDeclarationStructure, OptionalKind, StatementStructures } from 'ts-morph';
import { StructureKind } from '../lib/ts-morph.js';
import type { ApiModel } from '../model.js';

type Export = OptionalKind<ExportDeclarationStructure> & {
  kind: typeof StructureKind.ExportDeclaration;
};

const TABLES = ['OperationId', 'WebhookEventType', 'WebhookResources'];
const SCHEMA_TYPES = ['components', 'operations', 'paths', 'webhooks'];

/**
 * The names `index.ts` exports whatever the spec holds (and `notifications.ts`'s), which no
 * schema's type may take.
 */
export function fixedExportNames(clientName: string): string[] {
  return [
    ...clientExports(clientName),
    `create${clientName}Client`,
    'parseNotification',
    `${clientName}Notification`,
    'operationTable',
    'webhookTable',
    ...TABLES,
    ...SCHEMA_TYPES,
  ];
}

function clientExports(clientName: string): string[] {
  return [`${clientName}Client`, `${clientName}ClientOptions`, `${clientName}Operations`];
}

/** `index.ts`: names every public export of the generated modules, one by one. */
export function indexStatements(model: ApiModel, clientName: string): StatementStructures[] {
  const enums = model.enums.map((item) => item.name);
  const types = model.schemaTypes.map((item) => item.name);
  const statements = [
    exportFrom('./client.js', [`create${clientName}Client`], clientExports(clientName)),
    ...(enums.length > 0 ? [exportFrom('./enums.js', enums, [])] : []),
    ...(model.webhooks.length > 0
      ? [exportFrom('./notifications.js', ['parseNotification'], [`${clientName}Notification`])]
      : []),
    exportFrom('./operations.js', ['operationTable', 'webhookTable'], TABLES),
    exportFrom('./schema.js', [], SCHEMA_TYPES),
    ...(types.length > 0 ? [exportFrom('./types.js', [], types)] : []),
  ];
  assertUniqueNames(statements.flatMap(exportedNames));
  return statements;
}

/** The transforms give schema types names no other export has; this guards that promise. */
function assertUniqueNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) {
      throw new Error(`generator bug: two exports are named "${name}"`);
    }
    seen.add(name);
  }
}

function exportedNames(statement: Export): string[] {
  const named = Array.isArray(statement.namedExports) ? statement.namedExports : [];
  return named.flatMap((item) => (typeof item === 'object' ? [item.name] : []));
}

function exportFrom(
  moduleSpecifier: string,
  values: readonly string[],
  types: readonly string[],
): Export {
  const onlyTypes = values.length === 0;
  return {
    kind: StructureKind.ExportDeclaration,
    moduleSpecifier,
    isTypeOnly: onlyTypes,
    namedExports: [
      ...values.map((name) => ({ name })),
      ...types.map((name) => ({ name, isTypeOnly: !onlyTypes })),
    ],
  };
}
