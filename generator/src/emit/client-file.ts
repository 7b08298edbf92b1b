import type { StatementStructures } from 'ts-morph';
import { StructureKind } from '../lib/ts-morph.js';
import type { OperationModel } from '../model.js';
import { docsOf, literal } from './source-file.js';

export interface ClientNames {
  /** e.g. `Inspolicymgr`: gives `createInspolicymgrClient`, `InspolicymgrClient`, … */
  clientName: string;
  corePackage: string;
  /** The generated package, named in the User-Agent. */
  packageName: string;
}

/** `client.ts`: the client factory and one typed method per operation. */
export function clientStatements(
  operations: readonly OperationModel[],
  { clientName, corePackage, packageName }: ClientNames,
): StatementStructures[] {
  const methods = `${clientName}Operations`;
  const client = `${clientName}Client`;
  const options = `${clientName}ClientOptions`;
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: corePackage,
      namedImports: ['WechatpayClientOptions'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: `${corePackage}/internal`,
      namedImports: [
        'createWechatpayClient',
        { name: 'OperationMethod', isTypeOnly: true },
        { name: 'PathsForFetch', isTypeOnly: true },
      ],
    },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: 'openapi-fetch',
      namedImports: ['Client'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './operations.js',
      namedImports: ['operationTable'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './schema.js',
      namedImports: ['paths'],
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: methods,
      docs: docsOf(
        'One method per operation; each takes the openapi-fetch options of its path and method.',
      ),
      properties: operations.map((operation) => ({
        name: operation.name,
        type: `OperationMethod<paths[${literal(operation.path)}], ${literal(operation.method)}>`,
        docs: operationDocs(operation),
      })),
    },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: client,
      docs: docsOf("An openapi-fetch client for the spec's paths, plus one method per operation."),
      type: `Client<PathsForFetch<paths>> & ${methods}`,
    },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: options,
      type: 'WechatpayClientOptions',
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: `create${client}`,
      docs: docsOf(
        'Creates a typed client: every request signed, every answer verified, sensitive fields encrypted and decrypted.',
        'Call `GET`/`POST`/`PATCH` with a path, or one method per operation.',
      ),
      parameters: [{ name: 'options', type: options }],
      returnType: client,
      statements: (writer) => {
        writer.write(`return createWechatpayClient<PathsForFetch<paths>, ${methods}>(options, `);
        writer.write(`{ operations: operationTable, product: ${literal(packageName)} });`);
      },
    },
  ];
}

function operationDocs(operation: OperationModel) {
  const [doc] = docsOf(
    operation.summary,
    operation.description,
    `\`${operation.method} ${operation.path}\``,
  );
  const tags = operation.deprecated ? [{ tagName: 'deprecated' }] : [];
  return doc ? [{ ...doc, tags }] : [];
}
