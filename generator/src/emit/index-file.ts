import {
  StructureKind,
  type ExportDeclarationStructure,
  type OptionalKind,
  type StatementStructures,
} from 'ts-morph';
import type { ApiModel } from '../model.js';

type Export = OptionalKind<ExportDeclarationStructure> & { kind: StructureKind.ExportDeclaration };

/** `index.ts`: names every public export of the generated modules, one by one. */
export function indexStatements(model: ApiModel, clientName: string): StatementStructures[] {
  const client = [`${clientName}Client`, `${clientName}ClientOptions`, `${clientName}Operations`];
  const tables = ['OperationId', 'WebhookEventType', 'WebhookResources'];
  return [
    exportFrom('./client.js', [`create${clientName}Client`], client),
    ...(model.enums.length > 0
      ? [
          exportFrom(
            './enums.js',
            model.enums.map((item) => item.name),
            [],
          ),
        ]
      : []),
    ...(model.webhooks.length > 0
      ? [exportFrom('./notifications.js', ['parseNotification'], [`${clientName}Notification`])]
      : []),
    exportFrom('./operations.js', ['operationTable', 'webhookTable'], tables),
    exportFrom('./schema.js', [], ['components', 'operations', 'paths', 'webhooks']),
  ];
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
