import type { CodeBlockWriter, StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from '../lib/ts-morph.js';
import type { EnumMemberModel, EnumModel } from '../model.js';
import { docsOf, escapeDoc, literal, propertyKey } from './source-file.js';

/**
 * `enums.ts`: each named enum as a const object plus the union type of its values; an open
 * enum's type adds `string & {}`, which admits any string yet keeps the known values suggested.
 */
export function enumStatements(enums: readonly EnumModel[]): StatementStructures[] {
  return enums.flatMap((model) => [
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: docsOf(model.description),
      declarations: [
        { name: model.name, initializer: (writer) => writeMembers(writer, model.members) },
      ],
    },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: model.name,
      docs: docsOf(
        model.open
          ? `One of the known values of {@link ${model.name}}, or another string.`
          : `One of the values of {@link ${model.name}}.`,
      ),
      type: `(typeof ${model.name})[keyof typeof ${model.name}]${model.open ? ' | (string & {})' : ''}`,
    },
  ]);
}

function writeMembers(writer: CodeBlockWriter, members: readonly EnumMemberModel[]): void {
  writer.write('{').indent(() => {
    for (const member of members) {
      if (member.description) {
        writer.writeLine(`/** ${escapeDoc(member.description)} */`);
      }
      writer.writeLine(`${propertyKey(member.key)}: ${literal(member.value)},`);
    }
  });
  writer.write('} as const');
}
