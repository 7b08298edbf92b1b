import type { CodeBlockWriter, StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from '../lib/ts-morph.js';
import type { OperationModel, WebhookModel } from '../model.js';
import { docsOf, escapeDoc, literal, propertyKey } from './source-file.js';

/** `operations.ts`: the operation and webhook tables the hand-written runtime is driven by. */
export function operationStatements(
  operations: readonly OperationModel[],
  webhooks: readonly WebhookModel[],
  corePackage: string,
): StatementStructures[] {
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: `${corePackage}/internal`,
      namedImports: ['OperationDescriptor', 'WebhookDescriptor'],
    },
    ...(webhooks.length > 0
      ? [
          {
            kind: StructureKind.ImportDeclaration as typeof StructureKind.ImportDeclaration,
            isTypeOnly: true,
            moduleSpecifier: './schema.js',
            namedImports: ['components'],
          },
        ]
      : []),
    tableStatement(
      'operationTable',
      'Every operation: method, path, success status, required headers and the JSON pointers of encrypted fields.',
      'OperationDescriptor',
      operations.map((operation) => [operation.name, operation.summary, operationRow(operation)]),
    ),
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: 'OperationId',
      type: 'keyof typeof operationTable',
    },
    tableStatement(
      'webhookTable',
      'Every callback event type, with the component schema of its decrypted resource.',
      'WebhookDescriptor',
      webhooks.map((webhook) => [webhook.eventType, webhook.summary, webhookRow(webhook)]),
    ),
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: 'WebhookEventType',
      type: 'keyof typeof webhookTable',
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: 'WebhookResources',
      docs: docsOf('The decrypted `resource` of each callback event type.'),
      properties: webhooks.map((webhook) => ({
        name: propertyKey(webhook.eventType),
        type: `components['schemas'][${literal(webhook.resourceSchema)}]`,
        docs: docsOf(webhook.summary),
      })),
    },
  ];
}

type Row = [key: string, summary: string | undefined, fields: Record<string, unknown>];

function tableStatement(
  name: string,
  doc: string,
  rowType: string,
  rows: Row[],
): StatementStructures {
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: docsOf(doc),
    declarations: [
      {
        name,
        initializer: (writer) => {
          writeRows(writer, rows);
          writer.write(` as const satisfies Readonly<Record<string, ${rowType}>>`);
        },
      },
    ],
  };
}

function writeRows(writer: CodeBlockWriter, rows: readonly Row[]): void {
  writer.write('{').indent(() => {
    for (const [key, summary, fields] of rows) {
      if (summary) {
        writer.writeLine(`/** ${escapeDoc(summary)} */`);
      }
      writer.writeLine(`${propertyKey(key)}: ${JSON.stringify(fields)},`);
    }
  });
  writer.write('}');
}

function operationRow(operation: OperationModel): Record<string, unknown> {
  return {
    operationId: operation.operationId,
    method: operation.method,
    path: operation.path,
    successStatus: operation.successStatus,
    requiredHeaders: operation.requiredHeaders,
    encryptedFields: operation.encryptedFields,
  };
}

function webhookRow(webhook: WebhookModel): Record<string, unknown> {
  return {
    eventType: webhook.eventType,
    operationId: webhook.operationId,
    resourceSchema: webhook.resourceSchema,
  };
}
