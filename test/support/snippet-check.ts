import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { Snippet } from './readme-snippets.js';

/**
 * Type-checks each snippet as a module of its own in a scratch folder inside `packageDir`, so
 * the workspace packages resolve as they do for a consumer, with `packageDir`'s tsconfig
 * (strict). Returns one line per diagnostic, `README.md:42: TS2304 Cannot find name 'x'.`;
 * the folder is removed afterwards.
 */
export function typeCheckSnippets(snippets: readonly Snippet[], packageDir: string): string[] {
  const dir = join(packageDir, `.readme-snippets-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const files = snippets.map((snippet, index) => {
      const file = join(dir, `snippet-${index}.ts`);
      writeFileSync(file, `${snippet.preamble}\n${snippet.code}\n`);
      return { file, snippet, preambleLines: snippet.preamble.split('\n').length };
    });
    const program = ts.createProgram(
      files.map(({ file }) => file),
      compilerOptions(packageDir),
    );
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const at = files.find(({ file }) => file === diagnostic.file?.fileName);
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (!at || diagnostic.start === undefined || !diagnostic.file) {
        return `(no snippet): TS${diagnostic.code} ${message}`;
      }
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      const { snippet, preambleLines } = at;
      const readmeLine =
        line < preambleLines ? snippet.preambleLine + line : snippet.line + line - preambleLines;
      return `${snippet.readme}:${readmeLine}: TS${diagnostic.code} ${message}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `packageDir`'s tsconfig, with two changes for snippets: every file is a module (a snippet
 * need not import anything), and unused locals are allowed (a snippet shows a result the
 * reader goes on to use).
 */
function compilerOptions(packageDir: string): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(packageDir, 'tsconfig.json'),
    { moduleDetection: ts.ModuleDetectionKind.Force, noUnusedLocals: false, noEmit: true },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) {
    throw new Error(`cannot read ${join(packageDir, 'tsconfig.json')}`);
  }
  return parsed.options;
}
