import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';
import './typescript.js';

/*
 * The ts-morph values the emitters use. Its 1 MB CommonJS bundle is loaded by `require`:
 * `import { … } from 'ts-morph'` would make Node scan all of it for export names first
 * (~150 ms). Types still come from `import type … from 'ts-morph'`.
 */
const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof TsMorph;

export const {
  IndentationText,
  NewLineKind,
  Project,
  QuoteKind,
  StructureKind,
  VariableDeclarationKind,
} = tsMorph;
