import { describe, expect, it } from 'vitest';
import { bindOperations, createApiClient } from '../src/client/openapi-client.js';
import { DEFAULT_BASE_URL } from '../src/index.js';
import type { OperationDescriptor } from '../src/protocol/operation.js';

const table = {
  getThing: {
    operationId: 'getThing',
    method: 'GET',
    path: '/v3/things/{id}',
    successStatus: 200,
    requiredHeaders: [],
    encryptedFields: { request: [], response: [] },
  },
  addThing: {
    operationId: 'addThing',
    method: 'POST',
    path: '/v3/things',
    successStatus: 204,
    requiredHeaders: [],
    encryptedFields: { request: [], response: [] },
  },
} satisfies Record<string, OperationDescriptor>;

function recorder() {
  const seen: string[] = [];
  const fetch = async (request: Request) => {
    seen.push(`${request.method} ${request.url} ${await request.text()}`);
    return new Response('{"ok":true}', { headers: { 'Content-Type': 'application/json' } });
  };
  return { seen, fetch };
}

describe('createApiClient', () => {
  it('defaults to the primary APIv3 host', async () => {
    const { seen, fetch } = recorder();
    const client = createApiClient<any>({ fetch });
    await client.GET('/v3/things/1' as never, {} as never);
    expect(seen).toEqual([`GET ${DEFAULT_BASE_URL}/v3/things/1 `]);
  });

  it('sends default headers and runs middleware in order', async () => {
    const order: string[] = [];
    const { fetch } = recorder();
    const client = createApiClient<any>({
      fetch,
      headers: { 'X-Merchant': 'm1' },
      middleware: [
        { onRequest: ({ request }) => void order.push(`a:${request.headers.get('X-Merchant')}`) },
        { onRequest: () => void order.push('b') },
      ],
    });
    await client.GET('/v3/things/1' as never, {} as never);
    expect(order).toEqual(['a:m1', 'b']);
  });
});

describe('bindOperations', () => {
  it('adds one method per table row that calls its method and path', async () => {
    const { seen, fetch } = recorder();
    const client = bindOperations<
      Record<keyof typeof table, (init?: unknown) => Promise<{ data?: unknown }>>,
      any
    >(createApiClient<any>({ fetch, baseUrl: 'https://example.test' }), table);
    const got = await client.getThing({ params: { path: { id: '7' } } });
    await client.addThing({ body: { name: 'n' } });
    expect(got.data).toEqual({ ok: true });
    expect(seen).toEqual([
      'GET https://example.test/v3/things/7 ',
      'POST https://example.test/v3/things {"name":"n"}',
    ]);
  });
});
