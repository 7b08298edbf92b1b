/**
 * What the benchmark and the profiling script share: throwaway keys, the WeChat-like server in a
 * child process (its CPU is not ours), our generated client and the hand-rolled baseline, each
 * wrapped as a call of `queryAuthorization` that checks its answer.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInspolicymgrClient } from '@wechatpay-kit/inspolicymgr';
import {
  createKeys,
  MCHID,
  MERCHANT_SERIAL_NO,
  WECHATPAY_KEY_ID,
  type Keys,
} from '../support/credentials.js';
import type { WechatServerOptions } from '../support/wechat-server.js';
import { createBaselineClient } from './baseline.js';

export type Call = () => Promise<unknown>;

export interface BenchSetup {
  ours: Call;
  baseline: Call;
  /** Base URL of the server process, and the keys it knows. */
  url: string;
  keys: Keys;
  server: ChildProcess;
  close(): void;
}

export const OUT_INSURANCE_NO = 'BENCH0001';

async function startServerProcess(options: WechatServerOptions) {
  const child = fork(fileURLToPath(new URL('./server-process.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: { url: string }) => resolve(message.url));
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
    child.send(options);
  });
  return { url, child };
}

export async function setUp(): Promise<BenchSetup> {
  const keys = await createKeys();
  const { url, child } = await startServerProcess({
    mchid: MCHID,
    merchantSerialNo: MERCHANT_SERIAL_NO,
    merchantPublicKey: keys.merchant.publicKey,
    wechatpayPublicKeyId: WECHATPAY_KEY_ID,
    wechatpayPrivateKey: keys.wechatpay.privateKey,
  });
  const close = () => {
    if (child.connected) {
      child.disconnect();
    }
  };
  try {
    // Created as a merchant would: default timeout and retry policy, global fetch.
    const client = createInspolicymgrClient({
      mchid: MCHID,
      merchant: { serialNo: MERCHANT_SERIAL_NO, privateKey: keys.merchant.privateKey },
      wechatpay: { publicKeyId: WECHATPAY_KEY_ID, publicKey: keys.wechatpay.publicKey },
      baseUrl: url,
    });
    const query = createBaselineClient({
      baseUrl: url,
      mchid: MCHID,
      serialNo: MERCHANT_SERIAL_NO,
      merchantPrivateKey: keys.merchant.privateKey,
      wechatpayPublicKeyId: WECHATPAY_KEY_ID,
      wechatpayPublicKey: keys.wechatpay.publicKey,
    });

    const created = await client.submitAuthorization({
      body: {
        out_insurance_no: OUT_INSURANCE_NO,
        appid: 'wxd678efh567hg6787',
        plan_id: '12535',
        out_contract_code: 'wxwtdk20200910100000',
        insurance_name: '微医保·百万医疗险',
      },
    });
    if (created.error) {
      throw new Error(`submitAuthorization failed: ${JSON.stringify(created.error)}`);
    }

    const ours: Call = async () => {
      const { data, error } = await client.queryAuthorization({
        params: { path: { out_insurance_no: OUT_INSURANCE_NO } },
      });
      if (error || data?.out_insurance_no !== OUT_INSURANCE_NO) {
        throw new Error(`queryAuthorization failed: ${JSON.stringify(error)}`);
      }
      return data;
    };
    const baseline: Call = async () => {
      const data = (await query(OUT_INSURANCE_NO)) as { out_insurance_no?: string };
      if (data.out_insurance_no !== OUT_INSURANCE_NO) {
        throw new Error('baseline queryAuthorization returned something else');
      }
      return data;
    };
    return { ours, baseline, url, keys, server: child, close };
  } catch (error) {
    close();
    throw error;
  }
}
