import { describe, expect, it } from 'vitest';
import { AuthState, PolicyState, toApiError } from '@wechatpay-kit/inspolicymgr';
import { DAY, useSimulatorServer, submitBody, uploadBody } from './simulator-fixtures.js';

const { sim, client, server } = useSimulatorServer();
const path = (out_insurance_no: string) => ({ params: { path: { out_insurance_no } } });

/** submit → sign → grant, ready for upload. */
async function granted(id: string) {
  await client.submitAuthorization({ body: submitBody(id) });
  sim.signContract(id);
  sim.grantAuthorization(id);
}

describe('the whole flow with the generated client, verification on', () => {
  it('submit → signContract → grant → upload → query → update → bind', async () => {
    const id = 'Flow0001';
    const submitted = await client.submitAuthorization({ body: submitBody(id) });
    expect(submitted.error).toBeUndefined();
    expect(submitted.data).toMatchObject({ out_insurance_no: id, auth_state: AuthState.INIT });

    expect(sim.signContract(id).auth_state).toBe(AuthState.PENDING);
    expect((await client.queryAuthorization(path(id))).data?.auth_state).toBe(AuthState.PENDING);
    const grant = sim.grantAuthorization(id);
    expect(grant.auth_state).toBe(AuthState.GRANTED);
    expect(grant.user_auth_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    const queried = await client.queryAuthorization(path(id));
    expect(queried.data).toMatchObject({
      auth_state: AuthState.GRANTED,
      user_auth_time: grant.user_auth_time,
      appid: 'wxd678efh567hg6787',
    });

    const uploaded = await client.uploadPolicy({ body: uploadBody(id) });
    expect(uploaded.error).toBeUndefined();
    expect(uploaded.data).toMatchObject({
      out_insurance_no: id,
      insurance_name: '微医保·百万医疗险',
      insured_name_list: ['张三', '李四'], // decrypted by the client
      policy_state: PolicyState.ISSUING,
    });
    expect(uploaded.data).not.toHaveProperty('openid');
    expect(uploaded.data).not.toHaveProperty('appid');
    // stored in plaintext after decryption with the simulated WeChat Pay key
    expect(sim.store.policy(id)?.insured_name_list).toEqual(['张三', '李四']);
    expect(sim.store.policy(id)?.openid).toBe('oUpF8uMuAJO_M2pxb1Q9zNjWeS6o');
    expect((await client.queryAuthorization(path(id))).data?.auth_state).toBe(AuthState.EXPIRED);

    const updated = await client.updatePolicy({
      ...path(id),
      body: { policy_state: 'POLICY_STATE_APPROVED', policy_code: 'PC0001', insured_name_list: [] },
    });
    expect(updated.error).toBeUndefined();
    expect(updated.data).toMatchObject({
      policy_state: PolicyState.APPROVED,
      policy_code: 'PC0001',
      insured_name_list: ['张三', '李四'], // empty list keeps the names
    });
    const renamed = await client.updatePolicy({
      ...path(id),
      body: { insured_name_list: ['王五'] },
    });
    expect(renamed.data?.insured_name_list).toEqual(['王五']);

    const bound = await client.bindContract({
      ...path(id),
      body: { appid: 'wxd678efh567hg6787', plan_id: '99999', out_contract_code: 'NewContract1' },
    });
    expect(bound.error).toBeUndefined();
    expect(bound.response.status).toBe(204);
    expect(bound.response.headers.get('Wechatpay-Signature')).toBeTruthy();

    const policy = await client.queryPolicy(path(id));
    expect(policy.data).toMatchObject({
      policy_state: PolicyState.APPROVED,
      plan_id: '99999',
      out_contract_code: 'NewContract1',
      insured_name_list: ['王五'],
    });
    expect((await client.queryAuthorization(path(id))).data).toMatchObject({
      plan_id: '99999',
      out_contract_code: 'NewContract1',
    });
  });

  it('sends insured names as ciphertext under the merchant key', async () => {
    const id = 'Wire0001';
    await granted(id);
    let wire: { insured_name_list: string[] } | undefined;
    server.events.on('response:mocked', async ({ response }) => {
      wire = (await response.clone().json()) as typeof wire;
    });
    await client.uploadPolicy({ body: uploadBody(id) });
    server.events.removeAllListeners();
    expect(wire?.insured_name_list[0]).toHaveLength(344);
  });
});

describe('authorization rules', () => {
  it('a repeated submit with the same body answers the stored authorization', async () => {
    const id = 'Repeat01';
    await client.submitAuthorization({ body: submitBody(id) });
    sim.signContract(id);
    const again = await client.submitAuthorization({ body: submitBody(id) });
    expect(again.data?.auth_state).toBe(AuthState.PENDING);
  });

  it('a repeated submit with a different body is a 400', async () => {
    const id = 'Repeat02';
    await client.submitAuthorization({ body: submitBody(id) });
    const other = await client.submitAuthorization({
      body: { ...submitBody(id), insurance_name: '另一个保险' },
    });
    expect(other.response.status).toBe(400);
    expect(other.error).toMatchObject({
      code: 'INVALID_REQUEST',
      detail: { field: '/insurance_name', location: 'body' },
    });
  });

  it('unknown out_insurance_no → 404 RESOURCE_NOT_EXISTS', async () => {
    const query = await client.queryAuthorization(path('Nobody01'));
    expect(query.response.status).toBe(404);
    expect(toApiError(query)).toMatchObject({ code: 'RESOURCE_NOT_EXISTS' });
    const bind = await client.bindContract({
      ...path('Nobody01'),
      body: { appid: 'wx1', plan_id: '1', out_contract_code: 'C1' },
    });
    expect(bind.error).toMatchObject({ code: 'RESOURCE_NOT_EXISTS' });
    const upload = await client.uploadPolicy({ body: uploadBody('Nobody01') });
    expect(upload.error).toMatchObject({ code: 'RESOURCE_NOT_EXISTS' });
  });

  it('user controls follow INIT → PENDING → GRANTED | DENIED, DENIED → GRANTED', async () => {
    const id = 'User0001';
    await client.submitAuthorization({ body: submitBody(id) });
    expect(() => sim.grantAuthorization(id)).toThrow(/AUTH_STATE_INIT.*AUTH_STATE_PENDING/);
    expect(() => sim.denyAuthorization(id)).toThrow(Error);
    sim.signContract(id);
    expect(() => sim.signContract(id)).toThrow(/signContract/);
    expect(sim.denyAuthorization(id).auth_state).toBe(AuthState.DENIED);
    expect(() => sim.denyAuthorization(id)).toThrow(/DENIED/);
    expect(sim.grantAuthorization(id).auth_state).toBe(AuthState.GRANTED);
    expect(() => sim.grantAuthorization(id)).toThrow(/GRANTED/);
    expect(() => sim.signContract('Unknown1')).toThrow(/no authorization/);
  });

  it('upload needs GRANTED: INIT, PENDING and DENIED are 403 NO_AUTH', async () => {
    const id = 'NoGrant1';
    await client.submitAuthorization({ body: submitBody(id) });
    expect((await client.uploadPolicy({ body: uploadBody(id) })).error).toMatchObject({
      code: 'NO_AUTH',
    });
    sim.signContract(id);
    sim.denyAuthorization(id);
    const denied = await client.uploadPolicy({ body: uploadBody(id) });
    expect(denied.response.status).toBe(403);
    expect(denied.error?.message).toMatch(/AUTH_STATE_DENIED/);
    expect(sim.store.policy(id)).toBeUndefined();
  });

  it('a second upload is rejected; the authorization is EXPIRED', async () => {
    const id = 'Twice001';
    await granted(id);
    expect((await client.uploadPolicy({ body: uploadBody(id) })).response.status).toBe(200);
    const again = await client.uploadPolicy({ body: uploadBody(id) });
    expect(again.error).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(() => sim.grantAuthorization(id)).toThrow(/EXPIRED/);
  });

  it('upload within 30 days of the grant (simulator clock), not after', async () => {
    await granted('Late0001');
    await granted('Late0002');
    sim.advanceTime(30 * DAY - 60_000);
    expect((await client.uploadPolicy({ body: uploadBody('Late0001') })).response.status).toBe(200);
    sim.advanceTime(2 * 60_000);
    const late = await client.uploadPolicy({ body: uploadBody('Late0002') });
    expect(late.response.status).toBe(403);
    expect(late.error?.message).toMatch(/30/);
  });

  it('a late grant after a denial restarts the 30 days', async () => {
    const id = 'Late0003';
    await client.submitAuthorization({ body: submitBody(id) });
    sim.signContract(id);
    sim.denyAuthorization(id);
    sim.advanceTime(40 * DAY);
    sim.grantAuthorization(id);
    sim.advanceTime(29 * DAY);
    expect((await client.uploadPolicy({ body: uploadBody(id) })).response.status).toBe(200);
  });
});

describe('policy rules', () => {
  it('update and query only for uploaded policies', async () => {
    const id = 'NotUp001';
    await granted(id);
    expect((await client.queryPolicy(path(id))).error).toMatchObject({
      code: 'RESOURCE_NOT_EXISTS',
    });
    const update = await client.updatePolicy({ ...path(id), body: { coverage_detail: 'x' } });
    expect(update.response.status).toBe(404);
  });

  it.each([
    ['POLICY_STATE_ISSUING', 'POLICY_STATE_APPROVED', true],
    ['POLICY_STATE_ISSUING', 'POLICY_STATE_INACTIVE', true],
    ['POLICY_STATE_ISSUING', 'POLICY_STATE_DECLINED', true],
    ['POLICY_STATE_APPROVED', 'POLICY_STATE_INACTIVE', true],
    ['POLICY_STATE_INACTIVE', 'POLICY_STATE_APPROVED', true],
    ['POLICY_STATE_APPROVED', 'POLICY_STATE_ISSUING', false],
    ['POLICY_STATE_APPROVED', 'POLICY_STATE_DECLINED', false],
    ['POLICY_STATE_INACTIVE', 'POLICY_STATE_DECLINED', false],
    ['POLICY_STATE_DECLINED', 'POLICY_STATE_APPROVED', false],
    ['POLICY_STATE_DECLINED', 'POLICY_STATE_ISSUING', false],
  ] as const)('%s → %s allowed: %s', async (from, to, allowed) => {
    const id = 'State001';
    await granted(id);
    await client.uploadPolicy({ body: uploadBody(id, { policy_state: from, policy_code: 'PC1' }) });
    const result = await client.updatePolicy({
      ...path(id),
      body: { policy_state: to, policy_code: 'PC1' },
    });
    if (allowed) {
      expect(result.data?.policy_state).toBe(to);
    } else {
      expect(result.response.status).toBe(400);
      expect(result.error).toMatchObject({
        code: 'INVALID_REQUEST',
        detail: { field: '/policy_state', location: 'body', value: to },
      });
      expect(sim.store.policy(id)?.policy_state).toBe(from);
    }
  });

  it('conditional requirements: APPROVED needs policy_code, CAR car_number, PET pet_name', async () => {
    const id = 'Cond0001';
    await granted(id);
    const cases = [
      [{ policy_state: 'POLICY_STATE_APPROVED' }, '/policy_code'],
      [{ policy_state: 'POLICY_STATE_INACTIVE' }, '/policy_code'],
      [{ policy_type: 'POLICY_TYPE_CAR' }, '/car_number'],
      [{ policy_type: 'POLICY_TYPE_PET' }, '/pet_name'],
    ] as const;
    for (const [extra, field] of cases) {
      const result = await client.uploadPolicy({ body: uploadBody(id, extra) });
      expect(result.error).toMatchObject({
        code: 'PARAM_ERROR',
        detail: { field, location: 'body' },
      });
    }
    const car = await client.uploadPolicy({
      body: uploadBody(id, { policy_type: 'POLICY_TYPE_CAR', car_number: '粤B12345' }),
    });
    expect(car.data?.car_number).toBe('粤B12345');
    const approve = await client.updatePolicy({
      ...path(id),
      body: { policy_state: 'POLICY_STATE_APPROVED' },
    });
    expect(approve.error).toMatchObject({ detail: { field: '/policy_code' } });
  });
});

describe('reset()', () => {
  it('empties the store and resets the clock', async () => {
    const id = 'Reset001';
    await granted(id);
    const before = sim.now();
    sim.advanceTime(10 * DAY);
    expect(sim.now() - before).toBe(10 * DAY);
    sim.reset();
    expect(sim.now()).toBe(before);
    expect(sim.store.authorizations()).toEqual([]);
    expect((await client.queryAuthorization(path(id))).response.status).toBe(404);
  });
});
