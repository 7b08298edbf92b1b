import type { StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from '../lib/ts-morph.js';
import type { ApiModel } from '../model.js';
import { docsOf } from './source-file.js';

/** `schemas.ts`: the JSON Schemas a mock server validates requests with, as data. */
export function requestSchemaStatements(
  model: Pick<ApiModel, 'componentSchemas' | 'operations'>,
): StatementStructures[] {
  const constant = (
    name: string,
    type: string,
    doc: string,
    value: unknown,
  ): StatementStructures => ({
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: docsOf(doc),
    declarations: [{ name, type, initializer: JSON.stringify(value, null, 2) }],
  });
  return [
    constant(
      'schemaDocument',
      '{ components: { schemas: Record<string, object> } }',
      'The component schemas (JSON Schema 2020-12, documentation stripped); refs are `#/components/schemas/…`.',
      { components: { schemas: model.componentSchemas } },
    ),
    constant(
      'requestSchemas',
      'Record<string, { path: object | null; headers: readonly string[]; body: object | null }>',
      'Per operation: the path-parameter object schema, the required request headers and the JSON body schema.',
      Object.fromEntries(
        model.operations.map(({ operationId, request }) => [operationId, request]),
      ),
    ),
  ];
}
