import type { StatementStructures } from 'ts-morph';
import { StructureKind } from '../lib/ts-morph.js';
import type { SchemaTypeModel } from '../model.js';
import { docsOf, literal } from './source-file.js';

/**
 * `types.ts`: one named type per component schema, so callers write `Policy` rather than
 * `components['schemas']['Policy']`.
 */
export function schemaTypeStatements(schemas: readonly SchemaTypeModel[]): StatementStructures[] {
  return [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './schema.js',
      namedImports: ['components'],
    },
    ...schemas.map((schema): StatementStructures => ({
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: schema.name,
      docs: docsOf(schema.description),
      type: `components['schemas'][${literal(schema.schemaName)}]`,
    })),
  ];
}
