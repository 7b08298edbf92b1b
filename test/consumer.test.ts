import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicyState, createInspolicymgrClient, operationTable } from '@wechatpay-kit/inspolicymgr';

// These tests use the packages as a consumer does: through their exports maps, from dist.

let server: Server;
let baseUrl: string;
const received: { method: string; url: string; body: string }[] = [];

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readBody(request);
    received.push({ method: request.method ?? '', url: request.url ?? '', body });
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(
      JSON.stringify({ ...JSON.parse(body || '{}'), policy_state: PolicyState.APPROVED }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('@wechatpay-kit/inspolicymgr from dist', () => {
  it('resolves to the built ESM files', () => {
    const require = createRequire(import.meta.url);
    const manifest = require('@wechatpay-kit/inspolicymgr/package.json') as {
      exports: Record<string, unknown>;
    };
    expect(import.meta.resolve('@wechatpay-kit/inspolicymgr')).toMatch(
      /packages\/inspolicymgr\/dist\/index\.js$/,
    );
    expect(Object.keys(manifest.exports)).toEqual(['.', './package.json']);
    expect(Object.keys(operationTable)).toHaveLength(6);
  });

  it('talks HTTP to a server with the global fetch', async () => {
    const client = createInspolicymgrClient({ baseUrl });
    const { data, response } = await client.updatePolicy({
      params: { path: { out_insurance_no: 'A1' }, header: { 'Wechatpay-Serial': 'PUB_KEY_ID_1' } },
      body: { insurance_name: '微医保·百万医疗险' },
    });
    expect(response.status).toBe(200);
    expect(received.at(-1)).toEqual({
      method: 'PATCH',
      url: '/v3/inspolicymgr/deduct/policies/A1',
      body: JSON.stringify({ insurance_name: '微医保·百万医疗险' }),
    });
    expect(data).toEqual({
      insurance_name: '微医保·百万医疗险',
      policy_state: 'POLICY_STATE_APPROVED',
    });
  });
});
