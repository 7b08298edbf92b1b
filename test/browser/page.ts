/**
 * Runs in a real browser: the generated client against the simulator behind MSW's service
 * worker (`setupWorker`), WebCrypto only. The outcome lands in `window.__flow`.
 */
import { PolicyState, createInspolicymgrClient } from '@wechatpay-kit/inspolicymgr';
import { createInspolicymgrSimulator } from '@wechatpay-kit/mock/inspolicymgr';
import { createTestKeyPair } from '@wechatpay-kit/core/testing';
import { setupWorker } from 'msw/browser';

declare global {
  interface Window {
    __flow?: { ok: boolean; steps: string[]; error?: string };
  }
}

const ID = 'BROWSER0001';
const steps: string[] = [];

async function run(): Promise<void> {
  const merchant = await createTestKeyPair();
  const sim = createInspolicymgrSimulator({
    mchid: '1900000001',
    merchant: { serialNo: 'SERIAL01', publicKey: merchant.publicKey },
  });
  await setupWorker(...sim.handlers).start({ quiet: true, onUnhandledRequest: 'error' });
  const client = createInspolicymgrClient({
    mchid: '1900000001',
    merchant: { serialNo: 'SERIAL01', privateKey: merchant.privateKey },
    wechatpay: {
      publicKeyId: sim.keys.wechatpay.publicKeyId,
      publicKey: sim.keys.wechatpay.publicKey ?? '',
    },
    retry: false,
  });
  const submitted = await client.submitAuthorization({
    body: {
      out_insurance_no: ID,
      appid: 'wxd678efh567hg6787',
      plan_id: '12535',
      out_contract_code: 'C20261123',
      insurance_name: '百万医疗险',
    },
  });
  steps.push(`submit:${submitted.data?.auth_state}`);
  sim.signContract(ID);
  steps.push(`grant:${sim.grantAuthorization(ID).auth_state}`);
  const uploaded = await client.uploadPolicy({
    body: {
      out_insurance_no: ID,
      insured_name_list: ['张三'],
      insurance_company_code: '1001',
      effective_time: '2026-11-24T00:00:00+08:00',
      expired_time: '2027-11-24T00:00:00+08:00',
      coverage_detail: '可保190种疾病',
      support_renewal: false,
      policy_type: 'POLICY_TYPE_MEDICAL',
      policy_state: PolicyState.ISSUING,
      plan_id: '12535',
      out_contract_code: 'C20261123',
      appid: 'wxd678efh567hg6787',
      openid: 'oYobu0MVnQfWpSMOYJz2AHPG_gQw',
      free_insurance: false,
    },
  });
  steps.push(`upload:${uploaded.data?.insured_name_list.join(',')}`);
  const queried = await client.queryPolicy({ params: { path: { out_insurance_no: ID } } });
  steps.push(`query:${queried.data?.policy_state}`);
  const missing = await client.queryPolicy({ params: { path: { out_insurance_no: 'Missing1' } } });
  steps.push(`missing:${missing.error?.code}`);
}

run().then(
  () => (window.__flow = { ok: true, steps }),
  (error: unknown) => (window.__flow = { ok: false, steps, error: String(error) }),
);
