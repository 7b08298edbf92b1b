import { describe, expect, it } from 'vitest';
import type { ApiChange } from '../../src/diff/model.js';
import { formatReport, formatShortReport, hasBreaking } from '../../src/diff/report.js';
import type { SpecDiff } from '../../src/diff/run.js';

const rename: ApiChange = {
  kind: 'operation-id-changed',
  breaking: true,
  operation: { method: 'GET', path: '/v1/p', operationId: 'getPolicy', webhook: false },
  before: 'queryPolicy',
  after: 'getPolicy',
  message: 'operationId changed, so the generated method is renamed',
};
const webhookField: ApiChange = {
  kind: 'field-added',
  breaking: false,
  operation: { method: 'POST', path: 'POLICY.CHANGED', operationId: 'changed', webhook: true },
  field: 'request.body.note',
  direction: 'output',
  message: 'optional field added (received)',
};
const added: ApiChange = {
  kind: 'operation-added',
  breaking: false,
  operation: { method: 'POST', path: '/v1/q', webhook: false },
  message: 'operation added',
};

const diff: SpecDiff = {
  ref: 'main',
  products: [
    { product: 'bank', status: 'added', changes: [added] },
    { product: 'inspolicymgr', status: 'changed', changes: [rename, webhookField] },
    {
      product: 'old',
      status: 'removed',
      changes: [
        { ...added, kind: 'operation-removed', breaking: true, message: 'operation removed' },
      ],
    },
    { product: 'papay', status: 'unchanged', changes: [] },
  ],
};

describe('reports', () => {
  it('formatReport groups changes by operation under each product', () => {
    expect(formatReport(diff).split('\n')).toEqual([
      'bank: new since main (1 operation)',
      '  POST /v1/q',
      '    non-breaking  operation added',
      'inspolicymgr: 1 breaking, 1 non-breaking changes since main',
      '  GET /v1/p (getPolicy)',
      '    breaking      operationId changed, so the generated method is renamed: queryPolicy → getPolicy',
      '  webhook POST POLICY.CHANGED (changed)',
      '    non-breaking  request.body.note: optional field added (received)',
      'old: removed since main (1 operation, breaking)',
      '  POST /v1/q',
      '    breaking      operation removed',
      'papay: no API changes since main',
    ]);
  });

  it('formatShortReport is one line per product, and where to see more', () => {
    expect(formatShortReport(diff).split('\n')).toEqual([
      'bank: new since main (1 operation)',
      'inspolicymgr: 1 breaking, 1 non-breaking changes since main',
      'old: removed since main (1 operation, breaking)',
      'papay: no API changes since main',
      'Details: pnpm spec:diff main',
    ]);
    const unchanged = { ref: 'HEAD', products: [diff.products[3]!] };
    expect(formatShortReport(unchanged)).toBe('papay: no API changes since HEAD');
  });

  it('hasBreaking is true when any change of any product is', () => {
    expect(hasBreaking(diff)).toBe(true);
    expect(hasBreaking({ ref: 'HEAD', products: [diff.products[0]!] })).toBe(false);
  });

  it('a single change is not plural', () => {
    const one = {
      ref: 'HEAD',
      products: [{ product: 'p', status: 'changed' as const, changes: [rename] }],
    };
    expect(formatShortReport(one)).toBe(
      'p: 1 breaking, 0 non-breaking change since HEAD\nDetails: pnpm spec:diff HEAD',
    );
  });
});
