import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createTestKeyPair } from '@wechatpay-kit/core/testing';
import { controlRoutes } from './control-routes.js';
import { startMockHttpServer } from './http-server.js';
import { loadSimulator, mockProducts } from './products.js';

const USAGE = `Usage: wechatpay-mock [--product NAME] [--port N] [--mchid ID] [--merchant-serial SERIAL] [--merchant-public-key FILE]

Serves a WeChat Pay product's simulator on http://127.0.0.1:PORT for clients in any language:
signed, validated, encrypted answers, and the product's rules where it has them. --product is
one of: ${mockProducts().join(', ')} (default: the first). Without --merchant-public-key it makes
a throwaway merchant key pair. It prints the configuration (key files, key ids) as JSON; the
simulated user and clock are driven over HTTP:
  POST /__simulator/<action>/<id> (inspolicymgr: sign-contract, grant, deny by out_insurance_no),
  POST /__simulator/advance-time?ms=…, POST /__simulator/reset`;

type Output = { write(text: string): unknown };

/** The running mock: `close` stops the server and removes the key files it wrote. */
export interface RunningMock {
  close(): Promise<void>;
}

/** Starts the simulator over HTTP and prints how to configure a client for it. */
export async function main(
  argv: readonly string[],
  { stdout = process.stdout }: { stdout?: Output } = {},
): Promise<RunningMock> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      product: { type: 'string', default: mockProducts()[0] ?? '' },
      port: { type: 'string', default: '4010' },
      mchid: { type: 'string', default: '1900000001' },
      'merchant-serial': { type: 'string', default: 'SIMULATED0000000000000000000000000000MCH' },
      'merchant-public-key': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    stdout.write(`${USAGE}\n`);
    return { close: async () => {} };
  }
  const dir = await mkdtemp(join(tmpdir(), 'wechatpay-mock-'));
  try {
    return await serve(values, dir, stdout);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function serve(
  values: {
    product: string;
    port: string;
    mchid: string;
    'merchant-serial': string;
    'merchant-public-key'?: string;
  },
  dir: string,
  stdout: Output,
): Promise<RunningMock> {
  const merchant = await merchantPublicKey(values['merchant-public-key'], dir);
  const createSimulator = await loadSimulator(values.product);
  const sim = createSimulator({
    mchid: values.mchid,
    merchant: { serialNo: values['merchant-serial'], publicKey: merchant.publicKey },
  });
  const server = await startMockHttpServer(sim.handlers, {
    port: Number(values.port),
    routes: controlRoutes(sim),
  });
  const wechatpayPublicKeyFile = join(dir, 'wechatpay_public_key.pem');
  await writeFile(wechatpayPublicKeyFile, sim.keys.wechatpay.publicKey ?? '');
  stdout.write(
    `${JSON.stringify(
      {
        baseUrl: server.url,
        mchid: values.mchid,
        merchantSerialNo: values['merchant-serial'],
        ...(merchant.privateKeyFile ? { merchantPrivateKeyFile: merchant.privateKeyFile } : {}),
        wechatpayPublicKeyId: sim.keys.wechatpay.publicKeyId,
        wechatpayPublicKeyFile,
      },
      null,
      2,
    )}\n`,
  );
  return {
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function merchantPublicKey(file: string | undefined, dir: string) {
  if (file) {
    return { publicKey: await readFile(file, 'utf8') };
  }
  const pair = await createTestKeyPair();
  const privateKeyFile = join(dir, 'merchant_private_key.pem');
  await writeFile(privateKeyFile, pair.privateKey, { mode: 0o600 });
  return { publicKey: pair.publicKey, privateKeyFile };
}
