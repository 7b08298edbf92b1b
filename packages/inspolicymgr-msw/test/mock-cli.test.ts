import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInspolicymgrClient } from '@wechatpay-kit/inspolicymgr';
import { afterAll, describe, expect, it } from 'vitest';

// `wechatpay-inspolicymgr-mock` (bin/mock.js, from dist) as a separate process.
const child = spawn(
  process.execPath,
  [resolve(import.meta.dirname, '../bin/mock.js'), '--port', '0'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
afterAll(() => void child.kill('SIGTERM'));

async function printedConfig(): Promise<Record<string, string>> {
  let output = '';
  for await (const chunk of child.stdout) {
    output += String(chunk);
    try {
      return JSON.parse(output) as Record<string, string>;
    } catch {
      // not the whole JSON yet
    }
  }
  throw new Error(`the mock server printed no configuration: ${output}`);
}

describe('wechatpay-inspolicymgr-mock', () => {
  it('prints its configuration and serves signed answers to a client built from it', async () => {
    const config = await printedConfig();
    expect(config.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = createInspolicymgrClient({
      baseUrl: config.baseUrl as string,
      mchid: config.mchid as string,
      merchant: {
        serialNo: config.merchantSerialNo as string,
        privateKey: await readFile(config.merchantPrivateKeyFile as string, 'utf8'),
      },
      wechatpay: {
        publicKeyId: config.wechatpayPublicKeyId as string,
        publicKey: await readFile(config.wechatpayPublicKeyFile as string, 'utf8'),
      },
    });
    const { data } = await client.submitAuthorization({
      body: {
        out_insurance_no: 'CLI0001',
        appid: 'wxd678efh567hg6787',
        plan_id: '12535',
        out_contract_code: 'wxwtdk20200910100000',
        insurance_name: '微医保·百万医疗险',
      },
    });
    expect(data?.auth_state).toBe('AUTH_STATE_INIT');
  });
});
