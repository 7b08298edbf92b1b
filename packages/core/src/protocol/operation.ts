/** HTTP methods of the generated operations, as openapi-fetch names them (all but TRACE). */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/**
 * What the generated operation table records for one operation: everything the protocol
 * middleware needs to sign, encrypt and decrypt a call without reading the spec.
 */
export interface OperationDescriptor {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Path template as in the spec, e.g. `/v3/inspolicymgr/deduct/policies/{out_insurance_no}`. */
  readonly path: string;
  /** The lowest documented 2xx status: what a mock answers by default. */
  readonly successStatus: number;
  /** Request headers the spec marks required (beyond Authorization/Accept/Content-Type). */
  readonly requiredHeaders: readonly string[];
  /**
   * JSON pointers of `x-wechatpay-encrypted` fields; `*` stands for every array element.
   * Request fields are encrypted with the WeChat Pay public key, response fields are
   * decrypted with the merchant private key.
   */
  readonly encryptedFields: {
    readonly request: readonly string[];
    readonly response: readonly string[];
  };
}

/** What the generated table records for one callback (webhook) event type. */
export interface WebhookDescriptor {
  readonly eventType: string;
  readonly operationId: string;
  /** Name of the component schema that describes the decrypted `resource`. */
  readonly resourceSchema: string;
}
