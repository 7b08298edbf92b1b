import type {
  AuthorizationDetail,
  SubmitAuthorizationRequest,
  UploadPolicyRequest,
} from './spec-types.js';

/** One authorization as the simulated server keeps it. */
export interface AuthorizationRecord {
  /** The first submitted body, to answer repeats and reject conflicting ones. */
  readonly submitted: SubmitAuthorizationRequest;
  /** The current fields (bind-contract changes `plan_id` / `out_contract_code`). */
  authorization: AuthorizationDetail;
  /** Simulator time (ms) of the latest grant, for the 30-day upload limit. */
  grantedAt?: number;
}

/**
 * One uploaded policy, in plaintext (insured names decrypted), including the upload-only fields
 * (`appid`, `openid`, `payee_*`) that answers do not echo.
 */
export type PolicyRecord = UploadPolicyRequest & { insurance_name: string };

/** The in-memory store of a simulator: authorizations and policies by `out_insurance_no`. */
export class SimulatorStore {
  readonly #authorizations = new Map<string, AuthorizationRecord>();
  readonly #policies = new Map<string, PolicyRecord>();

  /** A copy of the authorization record, or `undefined`. */
  authorization(outInsuranceNo: string): AuthorizationRecord | undefined {
    const record = this.#authorizations.get(outInsuranceNo);
    return record && structuredClone(record);
  }

  /** A copy of the stored policy (plaintext), or `undefined`. */
  policy(outInsuranceNo: string): PolicyRecord | undefined {
    const record = this.#policies.get(outInsuranceNo);
    return record && structuredClone(record);
  }

  /** Copies of every authorization record. */
  authorizations(): AuthorizationRecord[] {
    return [...this.#authorizations.values()].map((record) => structuredClone(record));
  }

  /** Copies of every stored policy. */
  policies(): PolicyRecord[] {
    return [...this.#policies.values()].map((record) => structuredClone(record));
  }

  /** Forgets everything. */
  clear(): void {
    this.#authorizations.clear();
    this.#policies.clear();
  }

  /** @internal The live record, for the rules (which change it synchronously). */
  liveAuthorization(outInsuranceNo: string): AuthorizationRecord | undefined {
    return this.#authorizations.get(outInsuranceNo);
  }

  /** @internal */
  livePolicy(outInsuranceNo: string): PolicyRecord | undefined {
    return this.#policies.get(outInsuranceNo);
  }

  /** @internal */
  putAuthorization(record: AuthorizationRecord): void {
    this.#authorizations.set(record.authorization.out_insurance_no, record);
  }

  /** @internal */
  putPolicy(record: PolicyRecord): void {
    this.#policies.set(record.out_insurance_no, record);
  }
}
