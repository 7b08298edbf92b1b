import type { ExportDeclarationStructure, OptionalKind, StatementStructures } from 'ts-morph';
import { StructureKind } from '../lib/ts-morph.js';
import { specError } from '../errors.js';
import { joinPointer } from '@wechatpay-kit/core/internal';
import type { ApiModel } from '../model.js';

type Export = OptionalKind<ExportDeclarationStructure> & {
  kind: typeof StructureKind.ExportDeclaration;
};

/** `index.ts`: names every public export of the generated modules, one by one. */
export function indexStatements(model: ApiModel, clientName: string): StatementStructures[] {
  const client = [`${clientName}Client`, `${clientName}ClientOptions`, `${clientName}Operations`];
  const tables = ['OperationId', 'WebhookEventType', 'WebhookResources'];
  const enums = model.enums.map((item) => item.name);
  const types = model.schemaTypes.map((item) => item.name);
  const statements = [
    exportFrom('./client.js', [`create${clientName}Client`], client),
    ...(enums.length > 0 ? [exportFrom('./enums.js', enums, [])] : []),
    ...(model.webhooks.length > 0
      ? [exportFrom('./notifications.js', ['parseNotification'], [`${clientName}Notification`])]
      : []),
    exportFrom('./operations.js', ['operationTable', 'webhookTable'], tables),
    exportFrom('./schema.js', [], ['components', 'operations', 'paths', 'webhooks']),
    ...(types.length > 0 ? [exportFrom('./types.js', [], types)] : []),
  ];
  assertUniqueNames(statements.flatMap(exportedNames));
  return statements;
}

/** Schema names become exports next to the fixed ones; a schema named like one is refused. */
function assertUniqueNames(names: readonly string[]): void {
  const clash = names.find((name, index) => names.indexOf(name) !== index);
  if (clash !== undefined) {
    throw specError(
      joinPointer('/components/schemas', clash),
      `schema name "${clash}" is also the name of a generated export; rename the schema`,
    );
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
