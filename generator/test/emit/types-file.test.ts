import { describe, expect, it } from 'vitest';
import { schemaTypeStatements } from '../../src/emit/types-file.js';
import { printed } from './print.js';

describe('schemaTypeStatements', () => {
  it('names each component schema, with its description', async () => {
    const statements = schemaTypeStatements([
      { name: 'Policy', description: '保单 (policy)' },
      { name: 'Holder' },
    ]);
    expect(await printed(statements)).toBe(`import type { components } from './schema.js';

/** 保单 (policy) */
export type Policy = components['schemas']['Policy'];

export type Holder = components['schemas']['Holder'];
`);
  });
});
