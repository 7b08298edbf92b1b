import { describe, expect, it } from 'vitest';
import { generatedReadme } from '../../src/emit/readme.js';
import type { ApiModel } from '../../src/model.js';

const model = {
  title: 'Mini',
  version: '1',
  operations: [],
  webhooks: [],
} as unknown as ApiModel;

describe('generatedReadme', () => {
  it('lists only the files that are generated', () => {
    const readme = generatedReadme(model, 'spec/openapi.yaml', ['client.ts', 'schema.ts']);
    const rows = readme.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows).toEqual([
      '| `schema.ts` | `paths`, `webhooks`, `components`, `operations` types (openapi-typescript) |',
      '| `client.ts` | the client factory and one typed method per operation |',
    ]);
  });
});
