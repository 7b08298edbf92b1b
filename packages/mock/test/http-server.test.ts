import { afterAll, describe, expect, it } from 'vitest';
import { controlRoutes, startMockHttpServer } from '../src/node/index.js';
import { createSimulator, simulatorClient } from './simulator-fixtures.js';

// The simulator over real HTTP on localhost, as a client in another language would use it.
const sim = createSimulator();
const server = await startMockHttpServer(sim.handlers, { routes: controlRoutes(sim) });
const client = simulatorClient(sim, { baseUrl: server.url });
afterAll(() => server.close());

const path = (out_insurance_no: string) => ({ params: { path: { out_insurance_no } } });
const control = (action: string) =>
  fetch(`${server.url}/__simulator/${action}`, { method: 'POST' });

describe('standalone HTTP server', () => {
  it('serves the signed, verified flow, with the user driven over HTTP', async () => {
    const submitted = await client.submitAuthorization({
      body: {
        out_insurance_no: 'HTTP0001',
        appid: 'wxd678efh567hg6787',
        plan_id: '12535',
        out_contract_code: 'wxwtdk20200910100000',
        insurance_name: '微医保·百万医疗险',
      },
    });
    expect(submitted.data?.auth_state).toBe('AUTH_STATE_INIT');
    expect((await control('sign-contract/HTTP0001')).status).toBe(200);
    const granted = await control('grant/HTTP0001');
    expect(await granted.json()).toMatchObject({ auth_state: 'AUTH_STATE_GRANTED' });
    const { data } = await client.queryAuthorization(path('HTTP0001'));
    expect(data?.auth_state).toBe('AUTH_STATE_GRANTED');
  });

  it('answers WeChat errors and unknown routes with JSON', async () => {
    const { error, response } = await client.queryPolicy(path('Missing1'));
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ code: 'RESOURCE_NOT_EXISTS' });
    const unknown = await fetch(`${server.url}/v3/nothing`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await control('grant/NoSuchId')).status).toBe(400);
  });

  it('rejects unsigned requests like WeChat Pay', async () => {
    const raw = await fetch(`${server.url}/v3/inspolicymgr/deduct/policies/HTTP0001`);
    expect(raw.status).toBe(401);
    expect(await raw.json()).toMatchObject({ code: 'SIGN_ERROR' });
  });
});

describe('closing', () => {
  it('may be called again, and stops the server once', async () => {
    const other = await startMockHttpServer(sim.handlers);
    await expect(fetch(`${other.url}/v3/nothing`)).resolves.toHaveProperty('status', 404);
    const first = other.close();
    await Promise.all([first, other.close()]);
    await expect(other.close()).resolves.toBeUndefined();
    await expect(fetch(`${other.url}/v3/nothing`)).rejects.toThrow();
  });
});
