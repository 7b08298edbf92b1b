import type { CodeBlockWriter, StatementStructures } from 'ts-morph';
import { StructureKind } from '../lib/ts-morph.js';
import type { OperationModel } from '../model.js';
import { docsOf, literal, propertyKey } from './source-file.js';

export interface HandlerNames {
  /** e.g. `Inspolicymgr`: gives `createInspolicymgrHandlers` and `inspolicymgrHandlers`. */
  clientName: string;
  /** The generated client package: the handlers import its operation table and types. */
  packageName: string;
  /** Module of the hand-written handler runtime, relative to the generated folder. */
  runtimeModule: string;
}

/** `handle<Name>`: the name of an operation's handler factory, from its method name. */
export function handlerName(name: string): string {
  return `handle${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/**
 * `handlers.ts` of the MSW package: one typed handler factory per operation, each a call of the
 * hand-written runtime with the operation's descriptor and its success example (the spec's when
 * it fits the schema, else seeded data), bound to options. Their type is declared, not inferred:
 * an inferred one spells out every operation's types and, for a large API, outgrows what the
 * compiler writes into a declaration file.
 */
export function handlerStatements(
  operations: readonly OperationModel[],
  { clientName, packageName, runtimeModule }: HandlerNames,
): StatementStructures[] {
  const lower = clientName.charAt(0).toLowerCase() + clientName.slice(1);
  const create = `create${clientName}Handlers`;
  const handlers = `${clientName}Handlers`;
  return [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: packageName,
      namedImports: ['operationTable', { name: 'paths', isTypeOnly: true }],
    },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: 'msw',
      namedImports: ['HttpHandler'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: runtimeModule,
      namedImports: [
        'operationHandler',
        'withAll',
        { name: 'HandlerOptions', isTypeOnly: true },
        { name: 'OperationHandlerFactory', isTypeOnly: true },
      ],
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: handlers,
      docs: docsOf('The typed handler factory of each operation, and `all()`.'),
      properties: operations.map((operation) => ({
        name: propertyKey(handlerName(operation.name)),
        type: `OperationHandlerFactory<${operationType(operation)}>`,
        docs: docsOf(handlerDoc(operation)),
      })),
      methods: [
        {
          name: 'all',
          docs: docsOf(
            'The default handler of every operation, for `setupServer(...)` or `setupWorker(...)`.',
          ),
          returnType: 'HttpHandler[]',
        },
      ],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: create,
      docs: docsOf(
        'One typed handler factory per operation, bound to `options` (keys, base URL); `all()` gives every default handler.',
        'Without an argument a factory answers the spec example; pass a value, `{ status, body }` or a resolver to override, or call `.error(status, code, message)`.',
      ),
      parameters: [{ name: 'options', type: 'HandlerOptions' }],
      returnType: handlers,
      statements: (writer) => {
        writer.write('return withAll(');
        writeFactories(writer, operations);
        writer.write(');');
      },
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: `${lower}Handlers`,
      docs: docsOf(
        'The default handler of every operation, for `setupServer(...)` or `setupWorker(...)`.',
      ),
      parameters: [{ name: 'options', type: 'HandlerOptions' }],
      returnType: 'HttpHandler[]',
      statements: `return ${create}(options).all();`,
    },
  ];
}

/** The operation's type in openapi-typescript's `paths`: there whether or not it has an id. */
function operationType(operation: OperationModel): string {
  return `paths[${literal(operation.path)}][${literal(operation.method.toLowerCase())}]`;
}

function handlerDoc(operation: OperationModel): string {
  const route = `\`${operation.method} ${operation.path}\``;
  return operation.summary ? `${operation.summary.replace(/\s+/g, ' ')}: ${route}` : route;
}

function writeFactories(writer: CodeBlockWriter, operations: readonly OperationModel[]): void {
  writer.write('{').indent(() => {
    for (const operation of operations) {
      const key = propertyKey(handlerName(operation.name));
      writer.write(`${key}: operationHandler<${operationType(operation)}>(`);
      writer.write(`${memberOf('operationTable', operation.name)}, options`);
      if (operation.successExample !== undefined) {
        writer.write(`, ${JSON.stringify(operation.successExample)}`);
      }
      writer.write('),').newLine();
    }
  });
  writer.write('}');
}

function memberOf(object: string, key: string): string {
  const property = propertyKey(key);
  return property === key ? `${object}.${key}` : `${object}[${property}]`;
}
