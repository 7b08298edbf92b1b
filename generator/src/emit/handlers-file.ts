import { StructureKind, type CodeBlockWriter, type StatementStructures } from 'ts-morph';
import type { OperationModel } from '../model.js';
import { docsOf, escapeDoc, literal, propertyKey } from './source-file.js';

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
 * it fits the schema, else seeded data), bound to options.
 */
export function handlerStatements(
  operations: readonly OperationModel[],
  { clientName, packageName, runtimeModule }: HandlerNames,
): StatementStructures[] {
  const lower = clientName.charAt(0).toLowerCase() + clientName.slice(1);
  const create = `create${clientName}Handlers`;
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
      namedImports: ['operationHandler', 'withAll', { name: 'HandlerOptions', isTypeOnly: true }],
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
      statements: (writer) => {
        writer.write('return withAll(');
        writeFactories(writer, operations);
        writer.write(');');
      },
    },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: `${clientName}Handlers`,
      type: `ReturnType<typeof ${create}>`,
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

function writeFactories(writer: CodeBlockWriter, operations: readonly OperationModel[]): void {
  writer.write('{').indent(() => {
    for (const operation of operations) {
      const doc = [operation.summary, `\`${operation.method} ${operation.path}\``]
        .filter(Boolean)
        .join(': ');
      writer.writeLine(`/** ${escapeDoc(doc.replace(/\s+/g, ' '))} */`);
      writer.write(`${handlerName(operation.name)}: operationHandler<`);
      writer.write(
        `paths[${literal(operation.path)}][${literal(operation.method.toLowerCase())}]>(`,
      );
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
