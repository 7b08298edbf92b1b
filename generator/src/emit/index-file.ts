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
  const statements: Export[] = [
    exportFrom(
      './client.js',
      [`create${clientName}Client`],
      [`${clientName}Client`, `${clientName}ClientOptions`, `${clientName}Operations`],
    ),
    exportFrom(
      './operations.js',
      ['operationTable', 'webhookTable'],
      ['OperationId', 'WebhookEventType', 'WebhookResources'],
    ),
    exportFrom('./schema.js', [], ['components', 'operations', 'paths', 'webhooks']),
  ];
  if (model.enums.length > 0) {
    statements.splice(
      1,
      0,
      exportFrom(
        './enums.js',
        model.enums.map((item) => item.name),
        [],
      ),
    );
  }
  return statements;
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
