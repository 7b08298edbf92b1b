import { describe, expect, it } from 'vitest';
import { clientStatements } from '../../src/emit/client-file.js';
import type { OperationModel } from '../../src/model.js';
import type { TestCase } from '../helpers.js';
import { printed } from './print.js';

const query: OperationModel = {
  operationId: 'queryPolicy',
  name: 'queryPolicy',
  method: 'GET',
  path: '/v3/policies/{no}',
  successStatus: 200,
  requiredHeaders: [],
  encryptedFields: { request: [], response: [] },
  request: { path: null, headers: [], body: null },
  summary: '查询保单',
  description: 'Query a policy.',
  deprecated: true,
};

const cases: TestCase<OperationModel[], string>[] = [
  [
    'one documented method per operation and the factory',
    {
      given: [query],
      want: `import type { WechatpayClientOptions } from 'core';
import { createWechatpayClient, type OperationMethod, type PathsForFetch } from 'core/internal';
import type { Client } from 'openapi-fetch';
import { operationTable } from './operations.js';
import type { paths } from './schema.js';

/** One method per operation; each takes the openapi-fetch options of its path and method. */
export interface PetOperations {
  /**
   * 查询保单
   *
   * Query a policy.
   *
   * \`GET /v3/policies/{no}\`
   * @deprecated
   */
  queryPolicy: OperationMethod<paths['/v3/policies/{no}'], 'GET'>;
}

/** An openapi-fetch client for the spec's paths, plus one method per operation. */
export type PetClient = Client<PathsForFetch<paths>> & PetOperations;

export type PetClientOptions = WechatpayClientOptions;

/**
 * Creates a typed client: every request signed, every answer verified, sensitive fields encrypted and decrypted.
 *
 * Call \`GET\`/\`POST\`/\`PATCH\` with a path, or one method per operation.
 */
export function createPetClient(options: PetClientOptions): PetClient {
  return createWechatpayClient<PathsForFetch<paths>, PetOperations>(options, {
    operations: operationTable,
    product: '@x/pet',
  });
}
`,
    },
  ],
];

describe('clientStatements', () => {
  it.each(cases)('%s', async (_name, { given, want }) => {
    expect(
      await printed(
        clientStatements(given, { clientName: 'Pet', corePackage: 'core', packageName: '@x/pet' }),
      ),
    ).toBe(want);
  });
});
