import { describe, expect, it } from 'vitest';
import { schemaTypeStatements } from '../../src/emit/types-file.js';
import { printed } from './print.js';

describe('schemaTypeStatements', () => {
  it('names each component schema as an identifier, with its description', async () => {
    const statements = schemaTypeStatements([
      { name: 'Policy', schemaName: 'Policy', description: '保单 (policy)' },
      { name: 'SimpleUser', schemaName: 'simple-user' },
    ]);
    expect(await printed(statements)).toBe(`import type { components } from './schema.js';

/** 保单 (policy) */
export type Policy = components['schemas']['Policy'];

export type SimpleUser = components['schemas']['simple-user'];
`);
  });
});
