/** What the emitters need, read from the bundled spec by the transforms. */
export interface ApiModel {
  title: string;
  version: string;
  enums: EnumModel[];
  /** Every component schema that is not an enum, each exported as a type of its own name. */
  schemaTypes: SchemaTypeModel[];
  operations: OperationModel[];
  webhooks: WebhookModel[];
}

export interface EnumModel {
  /** Component schema name, used for the const object and its union type. */
  name: string;
  description?: string;
  members: EnumMemberModel[];
  /** `x-extensible-enum`: the members are the known values, and any other string is valid. */
  open?: true;
}

export interface SchemaTypeModel {
  /** Component schema name, also the name of its exported type. */
  name: string;
  description?: string;
}

export interface EnumMemberModel {
  /** Key in the const object, from `x-enum-varnames`. */
  key: string;
  value: string;
  description?: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface OperationModel {
  operationId: string;
  method: HttpMethod;
  path: string;
  successStatus: number;
  requiredHeaders: string[];
  encryptedFields: { request: string[]; response: string[] };
  /**
   * The `application/json` example of the 2xx response (its `example`, or the first of its
   * `examples`), as plaintext; absent when the spec gives none.
   */
  successExample?: unknown;
  summary?: string;
  description?: string;
  deprecated: boolean;
}

export interface WebhookModel {
  eventType: string;
  operationId: string;
  /** Component schema of the decrypted `resource.ciphertext`. */
  resourceSchema: string;
  summary?: string;
}
