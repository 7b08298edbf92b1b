import type { CodeBlockWriter, StatementStructures } from 'ts-morph';
import { StructureKind } from '../lib/ts-morph.js';
import type { OperationModel } from '../model.js';
import { docsOf, escapeDoc, literal } from './source-file.js';

export interface HandlerNames {
  /** e.g. `Inspolicymgr`: gives `createInspolicymgrHandlers` and `inspolicymgrHandlers`. */
  clientName: string;
  /** The generated client package: the handlers import its operation table and types. */
  packageName: string;
  /** Module of the hand-written handler runtime, relative to the generated folder. */
  runtimeModule: string;
}

/** `handle<OperationId>`: the name of an operation's handler factory. */
export function handlerName(operationId: string): string {
  return `handle${operationId.charAt(0).toUpperCase()}${operationId.slice(1)}`;
}

/**
 * `handlers.ts` of the MSW package: one typed handler factory per operation, each a call of the
 * hand-written runtime with the operation's descriptor and its spec example, bound to options.
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
      namedImports: ['operationTable', { name: 'operations', isTypeOnly: true }],
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
      writer.writeLine(`/** ${escapeDoc(doc)} */`);
      writer.write(`${handlerName(operation.operationId)}: operationHandler<`);
      writer.write(`operations[${literal(operation.operationId)}]>(`);
      writer.write(`${memberOf('operationTable', operation.operationId)}, options`);
      if (operation.successExample !== undefined) {
        writer.write(`, ${JSON.stringify(operation.successExample)}`);
      }
      writer.write('),').newLine();
    }
  });
  writer.write('}');
}

function memberOf(object: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${object}.${key}` : `${object}[${literal(key)}]`;
}
