import type { StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from '../lib/ts-morph.js';
import type { OperationModel } from '../model.js';
import { docsOf, literal, propertyKey } from './source-file.js';

export interface MockIndexNames {
  /** e.g. `Inspolicymgr`: gives `createInspolicymgrHandlers` and `inspolicymgrMock`. */
  clientName: string;
  /** The generated client package: the operation table comes from it. */
  packageName: string;
  /** Module of the hand-written mock runtime (`MockProduct`). */
  runtimeModule: string;
}

/**
 * `index.ts` of a product's mock folder: its typed handlers, and `<product>Mock`, everything the
 * product-agnostic simulator needs to answer the product (operations, schemas, examples).
 */
export function mockIndexStatements(
  operations: readonly OperationModel[],
  { clientName, packageName, runtimeModule }: MockIndexNames,
): StatementStructures[] {
  const lower = clientName.charAt(0).toLowerCase() + clientName.slice(1);
  return [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: packageName,
      namedImports: ['operationTable'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: runtimeModule,
      namedImports: ['MockProduct'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './schemas.js',
      namedImports: ['requestSchemas', 'schemaDocument'],
    },
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: './handlers.js',
      namedExports: [
        `create${clientName}Handlers`,
        `${lower}Handlers`,
        { name: `${clientName}Handlers`, isTypeOnly: true },
      ],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: docsOf(
        `What the simulator needs to answer ${packageName}: pass it to \`createSimulator\`.`,
      ),
      declarations: [
        {
          name: `${lower}Mock`,
          type: 'MockProduct',
          initializer: (writer) => {
            writer.write('{').indent(() => {
              writer.writeLine(`name: ${literal(packageName)},`);
              writer.writeLine('operations: operationTable,');
              writer.writeLine('schemas: { schemaDocument, requestSchemas },');
              writer.write('examples: {').indent(() => {
                for (const operation of operations) {
                  if (operation.successExample !== undefined) {
                    const key = propertyKey(operation.operationId);
                    writer.writeLine(`${key}: ${JSON.stringify(operation.successExample)},`);
                  }
                }
              });
              writer.write('},');
            });
            writer.write('}');
          },
        },
      ],
    },
  ];
}
