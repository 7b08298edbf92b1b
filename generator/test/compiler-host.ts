import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';

/** The folder of the `typescript` package's lib files (lib.es2022.d.ts, lib.dom.d.ts, …). */
const LIB_DIR = dirname(createRequire(import.meta.url).resolve('typescript/lib/lib.d.ts'));

/**
 * A compiler host that reads the standard lib files from the `typescript` package. Once the
 * generator is loaded, `typescript` is ts-morph's bundled compiler (see src/lib/typescript.ts),
 * whose default lib location holds no lib files on disk.
 */
export function compilerHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  host.getDefaultLibLocation = () => LIB_DIR;
  host.getDefaultLibFileName = (given) => join(LIB_DIR, ts.getDefaultLibFileName(given));
  return host;
}
