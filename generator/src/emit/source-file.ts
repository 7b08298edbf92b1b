import type { OptionalKind, JSDocStructure, StatementStructures } from 'ts-morph';
import {
  IndentationText,
  NewLineKind,
  Project,
  QuoteKind,
  StructureKind,
} from '../lib/ts-morph.js';
import { formatTypeScript } from '../lib/format.js';

const project = new Project({
  useInMemoryFileSystem: true,
  manipulationSettings: {
    indentationText: IndentationText.TwoSpaces,
    newLineKind: NewLineKind.LineFeed,
    quoteKind: QuoteKind.Single,
    useTrailingCommas: true,
  },
});

/**
 * Prints statements as the text of one formatted TypeScript module, with a blank line between
 * top-level statements except inside the import block.
 */
export function printStatements(
  fileName: string,
  statements: readonly StatementStructures[],
): string {
  const file = project.createSourceFile(fileName, '', { overwrite: true });
  const blocks = statements.map((statement) => {
    file.replaceWithText('');
    file.addStatements([statement]);
    return file.getFullText().trim();
  });
  project.removeSourceFile(file);
  const text = blocks
    .map((block, index) => {
      const joinsImports =
        index > 0 && isImport(statements[index - 1]) && isImport(statements[index]);
      return (index === 0 ? '' : joinsImports ? '\n' : '\n\n') + block;
    })
    .join('')
    .concat('\n');
  return formatTypeScript(text);
}

function isImport(statement: StatementStructures | undefined): boolean {
  return statement?.kind === StructureKind.ImportDeclaration;
}

/** JSDoc from spec text (paragraphs one blank line apart), or none. */
export function docsOf(...parts: (string | undefined)[]): OptionalKind<JSDocStructure>[] {
  const text = parts
    .map((part) => tidyDoc(part ?? ''))
    .filter(Boolean)
    .join('\n\n');
  return text ? [{ description: escapeDoc(text) }] : [];
}

/** Spec text as comment lines: no trailing spaces, no run of blank lines, none at either end. */
function tidyDoc(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Keeps spec text from closing the comment it is written into. */
export function escapeDoc(text: string): string {
  return text.replaceAll('*/', '*\\/');
}

/** A string literal for generated code. */
export function literal(value: string | number | boolean): string {
  if (typeof value !== 'string') {
    return String(value);
  }
  // Single quotes, as the rest of the repository writes strings.
  const json = JSON.stringify(value).slice(1, -1).replaceAll('\\"', '"');
  return `'${json.replaceAll("'", "\\'")}'`;
}

/** A property key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : literal(name);
}
