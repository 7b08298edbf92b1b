/** The API change report: compare two versions of each product's spec (`pnpm spec:diff`). */
export { compareDocuments } from './compare.js';
export { main } from './cli.js';
export { SpecDiffError } from './errors.js';
export type { ApiChange, ChangeKind, Direction, OperationRef } from './model.js';
export { findProducts, ROOT_SPEC_PRODUCT } from './products.js';
export { formatJsonReport, formatReport, formatShortReport, hasBreaking } from './report.js';
export { diffSpecs, type DiffOptions, type ProductDiff, type SpecDiff } from './run.js';
export { specChangeSummary } from './summary.js';
