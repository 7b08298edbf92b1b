/**
 * What the benchmark and the profiling script share: throwaway keys, the WeChat-like server in a
 * child process (its CPU is not ours), and each client under test wrapped as one call per
 * operation of the mix, each checking its answer:
 *
 * - `submitAuthorization`: a signed POST with a JSON body; the answer is verified.
 * - `queryPolicy`: a signed GET whose verified answer carries `insured_name_list` RSA-OAEP
 *   encrypted for the merchant; both names are decrypted.
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
import { uploadBody } from '../support/policy-bodies.js';
import { createBaselineClient } from './baseline.js';

export type Call = () => Promise<unknown>;
export type Side = 'ours' | 'baseline';
export const SIDES: readonly Side[] = ['baseline', 'ours'];
/** The mix, taken in turn: half POST, half GET with decryption. */
export const OPERATIONS = ['submitAuthorization', 'queryPolicy'] as const;
export type Operation = (typeof OPERATIONS)[number];
export type Calls = Record<Operation, Call>;

export interface BenchServer {
  /** Base URL of the server process, and the keys it knows. */
  url: string;
  keys: Keys;
  close(): void;
}

/** The authorization every `submitAuthorization` submits again. */
const AUTHORIZATION = {
  out_insurance_no: 'BENCHAUTH1',
  appid: 'wxd678efh567hg6787',
  plan_id: '12535',
  out_contract_code: 'wxwtdk20200910100000',
  insurance_name: '微医保·百万医疗险',
};
/** The policy every `queryPolicy` reads, and its insured names (encrypted on the wire). */
const POLICY_NO = 'BENCHPOLICY1';
const INSURED = ['张三', '李四'];

/** Bun runs TypeScript itself; Node needs tsx. */
const TYPESCRIPT = (process.versions as { bun?: string }).bun ? [] : ['--import', 'tsx'];

/** Forks a TypeScript entry point of this folder, in this runtime, with an IPC channel. */
export function forkBench(entry: string): ChildProcess {
  return fork(fileURLToPath(new URL(entry, import.meta.url)), [], {
    execArgv: TYPESCRIPT,
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

/** Starts the server process with fresh keys and seeds the policy every `queryPolicy` reads. */
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
    const client = createInspolicymgrClient({ ...clientCredentials(keys), baseUrl: url });
    const submitted = await client.submitAuthorization({
      body: { ...AUTHORIZATION, out_insurance_no: POLICY_NO },
    });
    await ask(child, { grant: POLICY_NO });
    const uploaded = await client.uploadPolicy({ body: uploadBody(POLICY_NO, INSURED) });
    if (submitted.error || uploaded.error) {
      throw new Error(`seeding failed: ${JSON.stringify(submitted.error ?? uploaded.error)}`);
    }
    return { url, keys, close };
  } catch (error) {
    close();
    throw error;
  }
}

function checkPolicy(policy: { out_insurance_no?: string; insured_name_list?: unknown }): void {
  const names = policy.insured_name_list;
  if (
    policy.out_insurance_no !== POLICY_NO ||
    !Array.isArray(names) ||
    names.join() !== INSURED.join()
  ) {
    throw new Error(`queryPolicy returned something else: ${JSON.stringify(policy)}`);
  }
}

function checkAuthorization(authorization: { out_insurance_no?: string } | undefined): void {
  if (authorization?.out_insurance_no !== AUTHORIZATION.out_insurance_no) {
    throw new Error(`submitAuthorization returned something else`);
  }
}

/** One side's calls of the mix, each checking that its answer is the expected one. */
export function createCalls(side: Side, url: string, keys: Keys): Calls {
  if (side === 'ours') {
    // Created as a merchant would: default timeout and retry policy, global fetch.
    const client = createInspolicymgrClient({ ...clientCredentials(keys), baseUrl: url });
    const path = { out_insurance_no: POLICY_NO };
    return {
      submitAuthorization: async () => {
        const { data, error } = await client.submitAuthorization({ body: AUTHORIZATION });
        if (error) {
          throw new Error(`submitAuthorization failed: ${JSON.stringify(error)}`);
        }
        checkAuthorization(data);
      },
      queryPolicy: async () => {
        const { data, error } = await client.queryPolicy({ params: { path } });
        if (error) {
          throw new Error(`queryPolicy failed: ${JSON.stringify(error)}`);
        }
        checkPolicy(data);
      },
    };
  }
  const baseline = createBaselineClient({
    baseUrl: url,
    mchid: MCHID,
    serialNo: MERCHANT_SERIAL_NO,
    merchantPrivateKey: keys.merchant.privateKey,
    wechatpayPublicKeyId: WECHATPAY_KEY_ID,
    wechatpayPublicKey: keys.wechatpay.publicKey,
  });
  return {
    submitAuthorization: async () =>
      checkAuthorization(
        (await baseline.submitAuthorization(AUTHORIZATION)) as { out_insurance_no?: string },
      ),
    queryPolicy: async () => checkPolicy(await baseline.queryPolicy(POLICY_NO)),
  };
}
