import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { PolicyState, PolicyType } from '@wechatpay-kit/inspolicymgr';
import { schemaDocument } from '../src/generated/inspolicymgr/schemas.js';
import { mulberry32, xmur3 } from '../src/data/prng.js';
import { createDataFactory, type DataFactory } from '../src/products/inspolicymgr/index.js';

const DOCUMENT_ID = 'urn:wechatpay-kit:inspolicymgr';
const ajv = new Ajv2020({ strict: false, allErrors: true });
formats.default(ajv);
ajv.addSchema({ $id: DOCUMENT_ID, ...schemaDocument });
/** The spec schema, with no property the spec does not declare. */
const validator = (name: string): ValidateFunction =>
  ajv.compile({ $ref: `${DOCUMENT_ID}#/components/schemas/${name}`, unevaluatedProperties: false });

const SCHEMAS: Record<string, (f: DataFactory) => object> = {
  SubmitAuthorizationRequest: (f) => f.submitAuthorizationRequest(),
  Authorization: (f) => f.authorization(),
  AuthorizationDetail: (f) => f.authorizationDetail(),
  UploadPolicyRequest: (f) => f.uploadPolicyRequest(),
  UpdatePolicyRequest: (f) => f.updatePolicyRequest(),
  Policy: (f) => f.policy(),
  BindContractRequest: (f) => f.bindContractRequest(),
};
const SEEDS = Array.from({ length: 200 }, (_, i) => i);
const RFC3339_CST = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/;
const HAN_NAME = /^[\u4e00-\u9fff]+(·[\u4e00-\u9fff]+)?$/u;

describe('the PRNG', () => {
  it('xmur3 + mulberry32 are repeatable and spread over [0, 1)', () => {
    const a = mulberry32(xmur3('seed')());
    const b = mulberry32(xmur3('seed')());
    const draws = Array.from({ length: 10_000 }, () => a());
    expect(draws.slice(0, 100)).toEqual(Array.from({ length: 100 }, () => b()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    expect(xmur3('seed')()).not.toBe(xmur3('seee')());
  });
});

describe('createDataFactory: valid against the spec schemas (Ajv 2020, formats)', () => {
  for (const [name, draw] of Object.entries(SCHEMAS)) {
    it(`${name}: 200 seeds × 5 draws`, () => {
      const validate = validator(name);
      for (const seed of SEEDS) {
        const factory = createDataFactory(seed);
        for (let i = 0; i < 5; i++) {
          const value = draw(factory);
          if (!validate(value)) {
            throw new Error(
              `${name} seed ${seed} draw ${i}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value)}`,
            );
          }
        }
      }
    });
  }

  it('dates are RFC 3339 with +08:00, effective before expired, renewal inside', () => {
    for (const seed of SEEDS) {
      const f = createDataFactory(seed);
      for (const p of [f.policy(), f.uploadPolicyRequest()]) {
        expect(p.effective_time).toMatch(RFC3339_CST);
        expect(p.expired_time).toMatch(RFC3339_CST);
        expect(p.effective_time.length).toBeLessThanOrEqual(25);
        expect(Date.parse(p.effective_time)).toBeLessThan(Date.parse(p.expired_time));
        if (p.start_renewal_time !== undefined) {
          expect(p.start_renewal_time).toMatch(RFC3339_CST);
          expect(p.end_renewal_time).toMatch(RFC3339_CST);
        }
      }
    }
  });

  it('insured_name_list: 1–11 Chinese names of at most 214 UTF-8 bytes', () => {
    const encoder = new TextEncoder();
    const lengths = new Set<number>();
    for (const seed of SEEDS) {
      const list = createDataFactory(seed).policy().insured_name_list;
      lengths.add(list.length);
      expect(list.length).toBeGreaterThanOrEqual(1);
      expect(list.length).toBeLessThanOrEqual(11);
      for (const name of list) {
        expect(name).toMatch(HAN_NAME);
        expect(encoder.encode(name).length).toBeLessThanOrEqual(214);
      }
    }
    expect(lengths.has(1) && lengths.has(11)).toBe(true);
  });

  it('covers every PolicyType and PolicyState, with the if/then fields', () => {
    const types = new Set<string>();
    const states = new Set<string>();
    for (const seed of SEEDS) {
      const p = createDataFactory(seed).policy();
      types.add(p.policy_type);
      states.add(p.policy_state);
      if (p.policy_type === PolicyType.CAR) expect(p.car_number).toBeTruthy();
      if (p.policy_type === PolicyType.PET) expect(p.pet_name).toBeTruthy();
      if (p.policy_state === PolicyState.APPROVED || p.policy_state === PolicyState.INACTIVE) {
        expect(p.policy_code).toBeTruthy();
      }
    }
    expect([...types].sort()).toEqual(Object.values(PolicyType).sort());
    expect([...states].sort()).toEqual(Object.values(PolicyState).sort());
  });

  it('overrides win, and still meet the if/then requirements', () => {
    const f = createDataFactory(1);
    const car = f.uploadPolicyRequest({
      out_insurance_no: 'Mine0001',
      policy_type: PolicyType.CAR,
      policy_state: PolicyState.APPROVED,
    });
    expect(car).toMatchObject({ out_insurance_no: 'Mine0001', policy_type: PolicyType.CAR });
    expect(car.car_number).toBeTruthy();
    expect(car.policy_code).toBeTruthy();
    expect(validator('UploadPolicyRequest')(car)).toBe(true);
    const pet = f.updatePolicyRequest({ policy_type: PolicyType.PET });
    expect(pet.pet_name).toBeTruthy();
    expect(validator('UpdatePolicyRequest')(pet)).toBe(true);
    expect(f.authorization({ auth_state: 'AUTH_STATE_INIT' }).auth_state).toBe('AUTH_STATE_INIT');
  });
});

describe('createDataFactory: determinism', () => {
  const drawAll = (f: DataFactory) => Object.values(SCHEMAS).map((draw) => [draw(f), draw(f)]);

  it('same seed → same data; another seed → other data', () => {
    expect(drawAll(createDataFactory(7))).toEqual(drawAll(createDataFactory(7)));
    expect(drawAll(createDataFactory('seven'))).toEqual(drawAll(createDataFactory('seven')));
    expect(drawAll(createDataFactory(7))).not.toEqual(drawAll(createDataFactory(8)));
    const policies = new Set(SEEDS.map((s) => createDataFactory(s).policy().out_insurance_no));
    expect(policies.size).toBe(SEEDS.length);
  });

  it('successive draws of one schema differ', () => {
    const f = createDataFactory(3);
    const ids = new Set(Array.from({ length: 100 }, () => f.policy().out_insurance_no));
    expect(ids.size).toBe(100);
  });

  it('per-schema streams: policies from seed 7 do not depend on other draws', () => {
    const alone = createDataFactory(7);
    const policies = [alone.policy(), alone.policy(), alone.policy()];

    const busy = createDataFactory(7);
    busy.authorization();
    busy.submitAuthorizationRequest();
    const first = busy.policy();
    busy.uploadPolicyRequest();
    busy.authorization({ out_insurance_no: 'Other' });
    busy.updatePolicyRequest();
    expect([first, busy.policy(), busy.policy()]).toEqual(policies);
  });

  it('per-schema streams: interleaving authorizations and uploads changes neither', () => {
    const a = createDataFactory(42);
    const auths = [a.authorization(), a.authorization()];
    const uploads = [a.uploadPolicyRequest(), a.uploadPolicyRequest()];
    const b = createDataFactory(42);
    const u0 = b.uploadPolicyRequest();
    const a0 = b.authorization();
    const u1 = b.uploadPolicyRequest();
    const a1 = b.authorization();
    expect([a0, a1]).toEqual(auths);
    expect([u0, u1]).toEqual(uploads);
  });
});
