/**
 * What the benchmark and the profiling script share: throwaway keys, the WeChat-like server in a
 * child process (its CPU is not ours), and each client under test wrapped as a call of
 * `queryAuthorization` that checks its answer.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInspolicymgrClient } from '@wechatpay-kit/inspolicymgr';
import {
  clientCredentials,
  createKeys,
  MCHID,
  MERCHANT_SERIAL_NO,
  WECHATPAY_KEY_ID,
  type Keys,
} from '../support/credentials.js';
import { createBaselineClient } from './baseline.js';

export type Call = () => Promise<unknown>;
export type Side = 'ours' | 'baseline';
export const SIDES: readonly Side[] = ['baseline', 'ours'];

export interface BenchServer {
  /** Base URL of the server process, and the keys it knows. */
  url: string;
  keys: Keys;
  close(): void;
}

export const OUT_INSURANCE_NO = 'BENCH0001';

/** Forks a TypeScript entry point of this folder with an IPC channel. */
export function forkBench(entry: string): ChildProcess {
  return fork(fileURLToPath(new URL(entry, import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** Sends `message` to `child` and resolves with its next answer. */
export function ask<T>(child: ChildProcess, message: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`bench process exited with ${code}`));
    child.once('exit', onExit);
    child.once('message', (answer: T) => {
      child.off('exit', onExit);
      resolve(answer);
    });
    child.send(message as object);
  });
}

/** Starts the server process with fresh keys and creates the authorization every call queries. */
export async function startBenchServer(): Promise<BenchServer> {
  const keys = await createKeys();
  const child = forkBench('./server-process.ts');
  const close = () => {
    if (child.connected) {
      child.disconnect();
    }
  };
  try {
    const { url } = await ask<{ url: string }>(child, {
      mchid: MCHID,
      merchantSerialNo: MERCHANT_SERIAL_NO,
      merchantPublicKey: keys.merchant.publicKey,
      wechatpayPublicKeyId: WECHATPAY_KEY_ID,
      wechatpayPrivateKey: keys.wechatpay.privateKey,
    });
    const created = await createInspolicymgrClient({
      ...clientCredentials(keys),
      baseUrl: url,
    }).submitAuthorization({
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
    return { url, keys, close };
  } catch (error) {
    close();
    throw error;
  }
}

/** One side's `queryAuthorization`, checking that the answer is the seeded authorization. */
export function createCall(side: Side, url: string, keys: Keys): Call {
  if (side === 'ours') {
    // Created as a merchant would: default timeout and retry policy, global fetch.
    const client = createInspolicymgrClient({ ...clientCredentials(keys), baseUrl: url });
    return async () => {
      const { data, error } = await client.queryAuthorization({
        params: { path: { out_insurance_no: OUT_INSURANCE_NO } },
      });
      if (error || data?.out_insurance_no !== OUT_INSURANCE_NO) {
        throw new Error(`queryAuthorization failed: ${JSON.stringify(error)}`);
      }
      return data;
    };
  }
  const query = createBaselineClient({
    baseUrl: url,
    mchid: MCHID,
    serialNo: MERCHANT_SERIAL_NO,
    merchantPrivateKey: keys.merchant.privateKey,
    wechatpayPublicKeyId: WECHATPAY_KEY_ID,
    wechatpayPublicKey: keys.wechatpay.publicKey,
  });
  return async () => {
    const data = (await query(OUT_INSURANCE_NO)) as { out_insurance_no?: string };
    if (data.out_insurance_no !== OUT_INSURANCE_NO) {
      throw new Error('baseline queryAuthorization returned something else');
    }
    return data;
  };
}
