import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { PolicyState, WechatpayEncryptionError } from '@wechatpay-kit/inspolicymgr';
import { createDataFactory } from '../src/products/inspolicymgr/index.js';
import { signedFetch, useSimulatorServer } from './simulator-fixtures.js';

/**
 * Robustness (issue 4, item 9): random and mutated requests, signed, through the generated client
 * (or raw-signed when the client refuses to encrypt a malformed body). Every answer is a 2xx or a
 * documented 4xx with a `{ code, message }` body; never a 5xx, a thrown handler or a dropped
 * connection.
 */

// Every test starts from the same store (`useSimulatorServer` resets it after each one), so each
// one passes alone, in any order.
const { sim, client } = useSimulatorServer();
const DOCUMENTED_4XX = [400, 401, 403, 404, 429];
/** Requests per property run, sent at once. */
const BATCH = 20;
const POLICIES = '/v3/inspolicymgr/deduct/policies';
const AUTHS = '/v3/inspolicymgr/deduct/authorizations';

/** Ids that exist in the store: uploaded policies and a submitted (INIT) authorization. */
let known: string[] = [];

beforeEach(async () => {
  const data = createDataFactory('robustness');
  known = [];
  for (let i = 0; i < 4; i++) {
    const submit = data.submitAuthorizationRequest();
    await client.submitAuthorization({ body: submit });
    known.push(submit.out_insurance_no);
    if (i === 3) break; // stays INIT
    sim.signContract(submit.out_insurance_no);
    sim.grantAuthorization(submit.out_insurance_no);
    const upload = data.uploadPolicyRequest({
      out_insurance_no: submit.out_insurance_no,
      plan_id: submit.plan_id,
      out_contract_code: submit.out_contract_code,
      appid: submit.appid,
      policy_state: PolicyState.ISSUING,
    });
    const uploaded = await client.uploadPolicy({ body: upload });
    expect(uploaded.response.status).toBe(200);
  }
});

interface Outcome {
  status: number;
  body: unknown;
  input: unknown;
}

/** Statuses seen in the current test, per `status code` key: the properties must reach past validation too. */
const seen = new Map<string, number>();
beforeEach(() => seen.clear());

/** A documented answer: 2xx, or one of the documented 4xx with a WeChat error body. */
function check({ status, body, input }: Outcome): void {
  const key = `${status} ${(body as { code?: string } | undefined)?.code ?? ''}`.trim();
  seen.set(key, (seen.get(key) ?? 0) + 1);
  if (status >= 200 && status < 300) return;
  const ok =
    DOCUMENTED_4XX.includes(status) &&
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { code?: unknown }).code === 'string' &&
    typeof (body as { message?: unknown }).message === 'string';
  if (!ok) {
    throw new Error(
      `undocumented answer ${status} ${JSON.stringify(body)} to ${JSON.stringify(input)}`,
    );
  }
}

/**
 * Every run of the property was checked, and the runs reached each of `answers` (`status code`
 * keys): a property that only ever hit validation errors would prove little.
 */
function expectReached(runs: number, answers: string[]): void {
  expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(runs * BATCH);
  expect([...seen.keys()]).toEqual(expect.arrayContaining(answers));
  expect(seen.get('400 PARAM_ERROR')).toBeGreaterThan(100);
}

async function raw(method: string, path: string, body: unknown): Promise<Outcome> {
  const response = await signedFetch(sim, method, path, body, {
    'Wechatpay-Serial': sim.keys.wechatpay.publicKeyId,
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: `check` rejects it unless 2xx
  }
  return { status: response.status, body: parsed, input: { method, path, body } };
}

type Operation =
  | 'submitAuthorization'
  | 'queryAuthorization'
  | 'uploadPolicy'
  | 'queryPolicy'
  | 'updatePolicy'
  | 'bindContract';

const ROUTES: Record<Operation, { method: string; path: (id: string) => string }> = {
  submitAuthorization: { method: 'POST', path: () => AUTHS },
  queryAuthorization: { method: 'GET', path: (id) => `${AUTHS}/${encodeURIComponent(id)}` },
  uploadPolicy: { method: 'POST', path: () => POLICIES },
  queryPolicy: { method: 'GET', path: (id) => `${POLICIES}/${encodeURIComponent(id)}` },
  updatePolicy: { method: 'PATCH', path: (id) => `${POLICIES}/${encodeURIComponent(id)}` },
  bindContract: {
    method: 'POST',
    path: (id) => `${POLICIES}/${encodeURIComponent(id)}/bind-contract`,
  },
};

/** Through the generated client; raw-signed if the client refuses a malformed encrypted field. */
async function send(operation: Operation, id: string, body: unknown): Promise<Outcome> {
  const input = { operation, id, body };
  const params = { params: { path: { out_insurance_no: id } } };
  try {
    const result = await (async () => {
      switch (operation) {
        case 'submitAuthorization':
          return client.submitAuthorization({ body: body as never });
        case 'queryAuthorization':
          return client.queryAuthorization(params);
        case 'uploadPolicy':
          return client.uploadPolicy({ body: body as never });
        case 'queryPolicy':
          return client.queryPolicy(params);
        case 'updatePolicy':
          return client.updatePolicy({ ...params, body: body as never });
        case 'bindContract':
          return client.bindContract({ ...params, body: body as never });
      }
    })();
    return { status: result.response.status, body: result.error ?? result.data, input };
  } catch (error) {
    if (error instanceof WechatpayEncryptionError) {
      const route = ROUTES[operation];
      return raw(route.method, route.path(id), body);
    }
    throw new Error(`the client threw ${String(error)} for ${JSON.stringify(input)}`, {
      cause: error,
    });
  }
}

const operationArb = fc.constantFrom<Operation>(
  'submitAuthorization',
  'queryAuthorization',
  'uploadPolicy',
  'queryPolicy',
  'updatePolicy',
  'bindContract',
);

/** Path parameters: known ids, valid-looking ids, and anything printable. */
const idArb = fc
  .oneof(
    fc.constantFrom(...(['Known0', 'Known1', 'Known2', 'Known3'] as const)),
    fc.stringMatching(/^[0-9A-Za-z]{1,40}$/),
    fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' }),
    fc.constantFrom('...', '%', '%2F', 'a b', '../../x', 'ü', '中文', '-', '_'),
  )
  .filter((id) => id !== '.' && id !== '..'); // dot segments are resolved away by the URL parser
const resolveId = (id: string): string =>
  /^Known\d$/.test(id) ? (known[Number(id.slice(5))] ?? id) : id;

/** A valid body of the operation, drawn from the seeded factory. */
function validBody(operation: Operation, seed: number, id: string): Record<string, unknown> {
  const f = createDataFactory(seed);
  switch (operation) {
    case 'submitAuthorization':
      return f.submitAuthorizationRequest({ out_insurance_no: id });
    case 'uploadPolicy':
      return f.uploadPolicyRequest({ out_insurance_no: id });
    case 'updatePolicy':
      return f.updatePolicyRequest();
    case 'bindContract':
      return f.bindContractRequest();
    default:
      return {};
  }
}

const BAD_STRINGS = [
  'x'.repeat(33),
  'x'.repeat(5000),
  '中'.repeat(60),
  'has-dashes',
  'with space',
  '',
  'POLICY_TYPE_UNKNOWN',
  'not a date',
  '2025-13-45T25:61:61+08:00',
  '\u0000',
  '😀'.repeat(20),
];

/** One mutation: [kind, which field, a random JSON value, a random string]. */
const mutationArb = fc.tuple(
  fc.integer({ min: 0, max: 8 }),
  fc.nat(),
  fc.jsonValue({ maxDepth: 2 }),
  fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...BAD_STRINGS)),
);
type Mutation = [number, number, unknown, string];

function mutate(body: Record<string, unknown>, [kind, at, json, text]: Mutation): unknown {
  const keys = Object.keys(body);
  const key = keys.length > 0 ? keys[at % keys.length]! : 'out_insurance_no';
  const copy: Record<string, unknown> = { ...body };
  switch (kind) {
    case 0:
      delete copy[key];
      return copy;
    case 1:
      copy[key] = json; // wrong type, or any value
      return copy;
    case 2:
      copy[key] = text; // overlong, bad enum, bad pattern, bad date-time
      return copy;
    case 3:
      copy[`unknown_${at % 5}`] = json;
      return copy;
    case 4:
      copy.insured_name_list = [[], Array(12).fill('张三'), [json], ['x'.repeat(2000)], json][
        at % 5
      ];
      return copy;
    case 5:
      copy[key] = [null, 0, -1, 1.5, true, [], {}, 2 ** 53][at % 8];
      return copy;
    case 6:
      copy.policy_type = ['POLICY_TYPE_CAR', 'POLICY_TYPE_PET'][at % 2];
      copy.policy_state = ['POLICY_STATE_APPROVED', 'POLICY_STATE_INACTIVE', text][at % 3];
      delete copy.car_number;
      delete copy.pet_name;
      delete copy.policy_code;
      return copy;
    case 7:
      return json; // the whole body replaced by any JSON
    default:
      return copy; // unchanged: the valid body itself
  }
}

// Thousands of signed requests: seconds of CPU, longer when CI runs every package at once.
describe('robustness: random and mutated requests (fast-check)', { timeout: 120_000 }, () => {
  it('random JSON bodies to every operation: 2xx or a documented 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(operationArb, idArb, fc.jsonValue({ maxDepth: 3 })), {
          minLength: BATCH,
          maxLength: BATCH,
        }),
        async (requests) => {
          const outcomes = await Promise.all(
            requests.map(([operation, id, body]) => send(operation, resolveId(id), body)),
          );
          outcomes.forEach(check);
        },
      ),
      { numRuns: 50, seed: 20261123 },
    );
    expectReached(50, ['200', '400 PARAM_ERROR', '404 RESOURCE_NOT_EXISTS']);
  });

  it('mutated valid bodies (dropped fields, wrong types, overlong, bad enums and patterns)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            operationArb,
            idArb,
            fc.nat(),
            fc.array(mutationArb, { minLength: 0, maxLength: 3 }),
          ),
          { minLength: BATCH, maxLength: BATCH },
        ),
        async (requests) => {
          const outcomes = await Promise.all(
            requests.map(([operation, rawId, seed, mutations]) => {
              const id = resolveId(rawId);
              const body = mutations.reduce<unknown>(
                (b, m) =>
                  typeof b === 'object' && b !== null && !Array.isArray(b)
                    ? mutate(b as Record<string, unknown>, m as Mutation)
                    : b,
                validBody(operation, seed, id),
              );
              return send(operation, id, body);
            }),
          );
          outcomes.forEach(check);
        },
      ),
      { numRuns: 75, seed: 20261124 },
    );
    expectReached(75, [
      '200',
      '204',
      '400 PARAM_ERROR',
      '400 INVALID_REQUEST',
      '403 NO_AUTH',
      '404 RESOURCE_NOT_EXISTS',
    ]);
  });

  it('raw signed requests with any text as the body, or none', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            operationArb,
            idArb,
            fc.oneof(
              fc.string({ maxLength: 200 }),
              fc.constantFrom('', '{', 'null', '[]', '"x"', '{"a":', '\uFEFF{}', '{}'),
            ),
          ),
          { minLength: BATCH, maxLength: BATCH },
        ),
        async (requests) => {
          const outcomes = await Promise.all(
            requests.map(([operation, id, text]) => {
              const route = ROUTES[operation];
              return raw(
                route.method,
                route.path(resolveId(id)),
                route.method === 'GET' ? undefined : text,
              );
            }),
          );
          outcomes.forEach(check);
        },
      ),
      { numRuns: 50, seed: 20261125 },
    );
    expectReached(50, ['200', '400 PARAM_ERROR', '404 RESOURCE_NOT_EXISTS']);
  });
});

describe(
  'concurrency: the store stays consistent, with no lost update',
  { timeout: 60_000 },
  () => {
    const HIDDEN = ['appid', 'openid', 'payee_mchid', 'payee_appid', 'payee_openid'];
    const f = createDataFactory('concurrency');

    /** submit → sign → grant → upload (ISSUING, MEDICAL: no conditional field needed). */
    async function uploaded(): Promise<string> {
      const submit = f.submitAuthorizationRequest();
      const id = submit.out_insurance_no;
      await client.submitAuthorization({ body: submit });
      sim.signContract(id);
      sim.grantAuthorization(id);
      const result = await client.uploadPolicy({
        body: f.uploadPolicyRequest({
          out_insurance_no: id,
          policy_type: 'POLICY_TYPE_MEDICAL',
          policy_state: PolicyState.ISSUING,
        }),
      });
      expect(result.response.status).toBe(200);
      return id;
    }

    /** The query answer is the stored policy, less the fields never echoed. */
    async function expectQueryEqualsStore(id: string) {
      const queried = await client.queryPolicy({ params: { path: { out_insurance_no: id } } });
      expect(queried.response.status).toBe(200);
      const stored = { ...sim.store.policy(id) } as Record<string, unknown>;
      for (const key of HIDDEN) delete stored[key];
      expect(queried.data).toEqual(stored);
      return queried.data!;
    }

    it('60 concurrent PATCHes of one field and 30 queries: the final state is one applied state', async () => {
      const id = await uploaded();
      const path = { params: { path: { out_insurance_no: id } } };
      const before = await expectQueryEqualsStore(id);
      const patches = Array.from({ length: 60 }, (_, i) =>
        client.updatePolicy({
          ...path,
          body: {
            address: `地址-${i}`,
            coverage_detail: `保障-${i}`,
            insured_name_list: [`张${'一二三四五六七八九十'[i % 10]}`],
          },
        }),
      );
      const queries = Array.from({ length: 30 }, () => client.queryPolicy(path));
      const [answers, reads] = await Promise.all([Promise.all(patches), Promise.all(queries)]);
      for (const answer of [...answers, ...reads]) {
        expect(answer.response.status).toBe(200);
        const body = answer.data!;
        if (JSON.stringify(body) === JSON.stringify(before)) continue; // read before any PATCH
        // never a torn write: address and coverage_detail come from the same PATCH
        expect(body.address?.replace('地址', '')).toBe(body.coverage_detail.replace('保障', ''));
      }
      answers.forEach((answer, i) => {
        expect(answer.data).toMatchObject({ address: `地址-${i}`, coverage_detail: `保障-${i}` });
      });
      const final = await expectQueryEqualsStore(id);
      const applied = answers.map((answer) => answer.data);
      expect(applied).toContainEqual(final);
    });

    it('30 concurrent PATCHes of distinct fields: every one of them is kept', async () => {
      const id = await uploaded();
      const path = { params: { path: { out_insurance_no: id } } };
      const changes: Record<string, unknown>[] = [
        { address: '北京市海淀区1号' },
        { coverage_detail: '并发更新的保障说明' },
        { insurance_name: '并发·医疗险' },
        { plan_id: '777001' },
        { out_contract_code: 'Concurrent01' },
        { support_renewal: true },
        { free_insurance: true },
        { combined_payment: true },
        { payment_method: 'PAYMENT_METHOD_PERIOD' },
        { period_premium_mode: 'PERIOD_PREMIUM_MODE_FIRST_DIFF' },
        { payment_period: 'PAYMENT_PERIOD_QUARTER' },
        { first_period_amount: 4242 },
        { subsequent_period_amount: 4343 },
        { coverage_term_type: 'COVERAGE_TERM_TYPE_LIFETIME' },
        { start_renewal_time: '2026-08-01T00:00:00+08:00' },
        { end_renewal_time: '2026-09-01T00:00:00+08:00' },
        { effective_time: '2025-01-01T00:00:00+08:00' },
        { expired_time: '2030-01-01T00:00:00+08:00' },
        { insured_name_list: ['并发者'] },
      ];
      const answers = await Promise.all(
        changes.map((body) => client.updatePolicy({ ...path, body: body as never })),
      );
      for (const answer of answers) expect(answer.response.status).toBe(200);
      const final = await expectQueryEqualsStore(id);
      for (const change of changes) expect(final).toMatchObject(change);
    });

    it('20 concurrent submits of one id with different bodies: exactly one wins', async () => {
      const bodies = Array.from({ length: 20 }, (_, i) =>
        f.submitAuthorizationRequest({
          out_insurance_no: 'RaceSubmit01',
          insurance_name: `竞争-${i}`,
        }),
      );
      const answers = await Promise.all(bodies.map((body) => client.submitAuthorization({ body })));
      const winners = answers.filter((answer) => answer.response.status === 200);
      expect(winners).toHaveLength(1);
      for (const answer of answers) {
        if (answer.response.status !== 200) {
          expect(answer.response.status).toBe(400);
          expect(answer.error?.code).toBe('INVALID_REQUEST');
        }
      }
      expect(sim.store.authorization('RaceSubmit01')?.authorization.insurance_name).toBe(
        winners[0]!.data!.insurance_name,
      );
    });

    it('10 concurrent uploads of one policy: exactly one is stored', async () => {
      const submit = f.submitAuthorizationRequest({ out_insurance_no: 'RaceUpload01' });
      await client.submitAuthorization({ body: submit });
      sim.signContract(submit.out_insurance_no);
      sim.grantAuthorization(submit.out_insurance_no);
      const bodies = Array.from({ length: 10 }, (_, i) =>
        f.uploadPolicyRequest({
          out_insurance_no: 'RaceUpload01',
          policy_state: PolicyState.ISSUING,
          coverage_detail: `上传-${i}`,
        }),
      );
      const answers = await Promise.all(bodies.map((body) => client.uploadPolicy({ body })));
      const winners = answers.filter((answer) => answer.response.status === 200);
      expect(winners).toHaveLength(1);
      for (const answer of answers) {
        if (answer.response.status !== 200) expect([400, 403]).toContain(answer.response.status);
      }
      const final = await expectQueryEqualsStore('RaceUpload01');
      expect(final.coverage_detail).toBe(winners[0]!.data!.coverage_detail);
    });
  },
);
