import type { ApiChange, OperationRef } from './model.js';
import type { ProductDiff, SpecDiff } from './run.js';

function count(changes: readonly ApiChange[]) {
  const breaking = changes.filter((change) => change.breaking).length;
  return { breaking, nonBreaking: changes.length - breaking };
}

function operationCount(product: ProductDiff): string {
  const n = product.changes.length;
  return n === 1 ? '1 operation' : `${n} operations`;
}

/** One line for a product, e.g. `inspolicymgr: 1 breaking, 3 non-breaking changes since HEAD`. */
function summaryLine(product: ProductDiff, ref: string): string {
  const { breaking, nonBreaking } = count(product.changes);
  const total = breaking + nonBreaking;
  const summary =
    product.status === 'added'
      ? `new since ${ref} (${operationCount(product)})`
      : product.status === 'removed'
        ? `removed since ${ref} (${operationCount(product)}, breaking)`
        : total === 0
          ? `no API changes since ${ref}`
          : `${breaking} breaking, ${nonBreaking} non-breaking change${total === 1 ? '' : 's'} since ${ref}`;
  return `${product.product}: ${summary}`;
}

/** A few lines, one per product, for `pnpm generate` to print. */
export function formatShortReport(diff: SpecDiff): string {
  const lines = diff.products.map((product) => summaryLine(product, diff.ref));
  if (diff.products.some((product) => product.changes.length > 0)) {
    lines.push(`Details: pnpm spec:diff ${diff.ref}`);
  }
  return lines.join('\n');
}

/** `POST /v3/x (uploadPolicy)`, or `webhook POST NAME (grantedNotification)`. */
export function describeOperation(operation: OperationRef): string {
  const id = operation.operationId ? ` (${operation.operationId})` : '';
  return `${operation.webhook ? 'webhook ' : ''}${operation.method} ${operation.path}${id}`;
}

function describeChange(change: ApiChange): string {
  const mark = change.breaking ? 'breaking    ' : 'non-breaking';
  const field = change.field ? `${change.field}: ` : '';
  const values =
    change.before !== undefined && change.after !== undefined
      ? `: ${change.before} → ${change.after}`
      : '';
  return `${mark}  ${field}${change.message}${values}`;
}

/** The full report: per product its summary, then its changes grouped by operation. */
export function formatReport(diff: SpecDiff): string {
  const lines: string[] = [];
  for (const product of diff.products) {
    lines.push(summaryLine(product, diff.ref));
    let current = '';
    for (const change of product.changes) {
      const operation = describeOperation(change.operation);
      if (operation !== current) {
        lines.push(`  ${operation}`);
        current = operation;
      }
      lines.push(`    ${describeChange(change)}`);
    }
  }
  if (diff.products.length === 0) {
    lines.push(`No product specs (spec/<product>/openapi.yaml) here or at ${diff.ref}.`);
  }
  return lines.join('\n');
}

/** The report as JSON, with each product's counts. */
export function formatJsonReport(diff: SpecDiff): string {
  const products = diff.products.map((product) => ({ ...product, ...count(product.changes) }));
  return JSON.stringify({ ref: diff.ref, products }, null, 2);
}

/** Whether any product has a breaking change. */
export function hasBreaking(diff: SpecDiff): boolean {
  return diff.products.some((product) => product.changes.some((change) => change.breaking));
}
