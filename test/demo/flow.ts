/**
 * The whole insurance-policy flow, end to end: the generated client against the stateful
 * simulator served over HTTP on localhost. Every request is signed, every answer verified,
 * insured names are encrypted on the wire, and the GRANTED callback is verified and decrypted.
 */
import {
  PolicyState,
  createInspolicymgrClient,
  notificationSuccess,
  parseNotification,
  toResponse,
} from '@wechatpay-kit/inspolicymgr';
import { createInspolicymgrSimulator } from '@wechatpay-kit/mock/inspolicymgr';
import { controlRoutes, startMockHttpServer } from '@wechatpay-kit/mock/node';
import { createTestKeyPair } from '@wechatpay-kit/core/testing';

const MCHID = '1900000001';
const MERCHANT_SERIAL = '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C';
const API_V3_KEY = 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb';
const ID = 'DEMO20261123A1';

const step = (name: string, detail: unknown) =>
  console.log(`✓ ${name.padEnd(22)} ${JSON.stringify(detail)}`);

const merchant = await createTestKeyPair();
let callbackKeys: Parameters<typeof parseNotification>[1] | undefined;
const sim = createInspolicymgrSimulator({
  mchid: MCHID,
  merchant: { serialNo: MERCHANT_SERIAL, publicKey: merchant.publicKey },
  notify: {
    apiV3Key: API_V3_KEY,
    // The merchant's callback endpoint: verify over the raw body, decrypt, acknowledge.
    target: async (request: Request) => {
      const event = await parseNotification(request, callbackKeys!);
      if (event.event_type === 'INSURANCE_POLICY_MANAGEMENT.GRANTED') {
        step('callback GRANTED', {
          out_insurance_no: event.resource.out_insurance_no,
          auth_state: event.resource.auth_state,
        });
      }
      return toResponse(notificationSuccess());
    },
  },
});
const wechatpay = {
  publicKeyId: sim.keys.wechatpay.publicKeyId,
  publicKey: sim.keys.wechatpay.publicKey ?? '',
};
callbackKeys = { apiV3Key: API_V3_KEY, wechatpay, now: sim.now };
const server = await startMockHttpServer(sim.handlers, { routes: controlRoutes(sim) });
const client = createInspolicymgrClient({
  baseUrl: server.url,
  mchid: MCHID,
  merchant: { serialNo: MERCHANT_SERIAL, privateKey: merchant.privateKey },
  wechatpay,
  now: sim.now,
});
const path = { params: { path: { out_insurance_no: ID } } };

try {
  console.log(`Simulated WeChat Pay at ${server.url}`);
  const submitted = await client.submitAuthorization({
    body: {
      out_insurance_no: ID,
      appid: 'wxd678efh567hg6787',
      plan_id: '12535',
      out_contract_code: 'wxwtdk20200910100000',
      insurance_name: '微医保·百万医疗险',
    },
  });
  step('submit authorization', { auth_state: submitted.data?.auth_state });
  step('user signs contract', { auth_state: sim.signContract(ID).auth_state });
  step('user grants', { auth_state: sim.grantAuthorization(ID).auth_state });
  await sim.flushNotifications();
  const uploaded = await client.uploadPolicy({
    body: {
      out_insurance_no: ID,
      insured_name_list: ['张三', '李四'],
      insurance_company_code: '1001',
      effective_time: '2026-11-24T00:00:00+08:00',
      expired_time: '2027-11-24T00:00:00+08:00',
      coverage_detail: '可保190种疾病,确诊一次性赔付',
      support_renewal: false,
      policy_type: 'POLICY_TYPE_MEDICAL',
      policy_state: PolicyState.ISSUING,
      plan_id: '12535',
      out_contract_code: 'wxwtdk20200910100000',
      appid: 'wxd678efh567hg6787',
      openid: 'oYobu0MVnQfWpSMOYJz2AHPG_gQw',
      free_insurance: false,
    },
  });
  step('upload policy', {
    policy_state: uploaded.data?.policy_state,
    insured: uploaded.data?.insured_name_list,
  });
  const updated = await client.updatePolicy({
    ...path,
    body: { policy_state: PolicyState.APPROVED, policy_code: 'Coisihsiaxishishi4hihsid1ii411co' },
  });
  step('update policy', {
    policy_state: updated.data?.policy_state,
    policy_code: updated.data?.policy_code,
  });
  const queried = await client.queryPolicy(path);
  step('query policy', {
    policy_state: queried.data?.policy_state,
    insured: queried.data?.insured_name_list,
  });
  const authorization = await client.queryAuthorization(path);
  step('query authorization', { auth_state: authorization.data?.auth_state });
  if (
    queried.data?.policy_state !== PolicyState.APPROVED ||
    authorization.data?.auth_state !== 'AUTH_STATE_EXPIRED'
  ) {
    throw new Error('the demo flow did not end where it should');
  }
  console.log(
    'Demo complete: every request signed, every answer verified, names encrypted on the wire.',
  );
} finally {
  await server.close();
}
