import { describe, expect, it } from 'vitest';
import { handlerName, handlerStatements } from '../../src/emit/handlers-file.js';
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
  encryptedFields: { request: [], response: ['/names/*'] },
  request: { path: null, headers: [], body: null },
  successExample: { no: 'P1', names: ['张三'] },
  summary: '查询保单',
  deprecated: false,
};
const bind: OperationModel = {
  operationId: 'bindContract',
  name: 'bindContract',
  method: 'POST',
  path: '/v3/policies/{no}/bind',
  successStatus: 204,
  requiredHeaders: [],
  encryptedFields: { request: [], response: [] },
  request: { path: null, headers: [], body: null },
  deprecated: false,
};

const imports = `import { operationTable, type paths } from 'pkg';
import type { HttpHandler } from 'msw';
import {
  operationHandler,
  withAll,
  type HandlerOptions,
  type OperationHandlerFactory,
} from '../runtime.js';
`;
const all = `  /** The default handler of every operation, for \`setupServer(...)\` or \`setupWorker(...)\`. */
  all(): HttpHandler[];
}`;
const tail = `
/** The default handler of every operation, for \`setupServer(...)\` or \`setupWorker(...)\`. */
export function miniHandlers(options: HandlerOptions): HttpHandler[] {
  return createMiniHandlers(options).all();
}
`;
const doc = `/**
 * One typed handler factory per operation, bound to \`options\` (keys, base URL); \`all()\` gives every default handler.
 *
 * Without an argument a factory answers the spec example; pass a value, \`{ status, body }\` or a resolver to override, or call \`.error(status, code, message)\`.
 */`;

const cases: TestCase<OperationModel[], string>[] = [
  [
    'a declared factory per operation, each called with its descriptor and example, or none',
    {
      given: [query, bind],
      want: `${imports}
/** The typed handler factory of each operation, and \`all()\`. */
export interface MiniHandlers {
  /** 查询保单: \`GET /v3/policies/{no}\` */
  handleQueryPolicy: OperationHandlerFactory<paths['/v3/policies/{no}']['get']>;
  /** \`POST /v3/policies/{no}/bind\` */
  handleBindContract: OperationHandlerFactory<paths['/v3/policies/{no}/bind']['post']>;
${all}

${doc}
export function createMiniHandlers(options: HandlerOptions): MiniHandlers {
  return withAll({
    handleQueryPolicy: operationHandler<paths['/v3/policies/{no}']['get']>(
      operationTable.queryPolicy,
      options,
      { no: 'P1', names: ['张三'] },
    ),
    handleBindContract: operationHandler<paths['/v3/policies/{no}/bind']['post']>(
      operationTable.bindContract,
      options,
    ),
  });
}
${tail}`,
    },
  ],
  [
    'a falsy example is still the example; a name that is no identifier is quoted',
    {
      given: [{ ...bind, successStatus: 200, successExample: false, name: 'bind-contract' }],
      want: `${imports}
/** The typed handler factory of each operation, and \`all()\`. */
export interface MiniHandlers {
  /** \`POST /v3/policies/{no}/bind\` */
  'handleBind-contract': OperationHandlerFactory<paths['/v3/policies/{no}/bind']['post']>;
${all}

${doc}
export function createMiniHandlers(options: HandlerOptions): MiniHandlers {
  return withAll({
    'handleBind-contract': operationHandler<paths['/v3/policies/{no}/bind']['post']>(
      operationTable['bind-contract'],
      options,
      false,
    ),
  });
}
${tail}`,
    },
  ],
  [
    'no operations: an empty set',
    {
      given: [],
      want: `${imports}
/** The typed handler factory of each operation, and \`all()\`. */
export interface MiniHandlers {
${all}

${doc}
export function createMiniHandlers(options: HandlerOptions): MiniHandlers {
  return withAll({});
}
${tail}`,
    },
  ],
];

describe('handlerStatements', () => {
  it.each(cases)('%s', async (_name, { given, want }) => {
    const statements = handlerStatements(given, {
      clientName: 'Mini',
      packageName: 'pkg',
      runtimeModule: '../runtime.js',
    });
    expect(await printed(statements)).toBe(want);
  });

  it.each([
    ['queryPolicy', 'handleQueryPolicy'],
    ['x', 'handleX'],
    ['Upload', 'handleUpload'],
  ])('names the factory of %s %s', (operationId, want) => {
    expect(handlerName(operationId)).toBe(want);
  });
});
