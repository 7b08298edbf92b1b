/**
 * Which way a value travels for a client user: `input` is what their code sends (request
 * parameters and bodies, and their replies to webhooks), `output` what it reads (responses,
 * and the webhooks it receives). A change is breaking when it narrows an input or widens an output.
 */
export type Direction = 'input' | 'output';

/** What a flattened entry stands for; decides how its appearing or disappearing is judged. */
export type FieldRole = 'parameter' | 'body' | 'property' | 'header' | 'response' | 'variant';

/** The facts of one schema position that a client's code depends on. */
export interface FieldFacts {
  /** JSON Schema types, sorted (`null` included); absent when any value is allowed. */
  types?: readonly string[];
  format?: string;
  /** Listed values; `open` for `x-extensible-enum`, whose list is known values, not all. */
  enum?: { values: readonly string[]; open: boolean };
  /** `x-wechatpay-encrypted: true`: ciphertext on the wire. */
  encrypted: boolean;
  /** Whether it must be present; absent where that means nothing (array items, variants). */
  required?: boolean;
}

/** One position of an operation, e.g. `request.body.insured_name_list[]`. */
export interface FieldEntry extends FieldFacts {
  path: string;
  /** The enclosing entry's path, so a removed object is reported once, not per property. */
  parent?: string;
  role: FieldRole;
  direction: Direction;
  /** The status code, for `response` entries. */
  status?: string;
}

/** Where a change is: the operation as its method, path (or webhook name) and operationId. */
export interface OperationRef {
  method: string;
  /** The path, or the webhook's name for a webhook. */
  path: string;
  operationId?: string;
  webhook: boolean;
}

/** An operation flattened into its fields, keyed by field path. */
export interface OperationEntry extends OperationRef {
  key: string;
  fields: ReadonlyMap<string, FieldEntry>;
}

export type ChangeKind =
  | 'operation-added'
  | 'operation-removed'
  | 'operation-id-changed'
  | 'response-added'
  | 'response-removed'
  | 'parameter-added'
  | 'parameter-removed'
  | 'field-added'
  | 'field-removed'
  | 'required-changed'
  | 'type-changed'
  | 'format-changed'
  | 'enum-restricted'
  | 'enum-unrestricted'
  | 'enum-value-added'
  | 'enum-value-removed'
  | 'encrypted-changed';

/** One difference between two versions of a spec, judged for a client user. */
export interface ApiChange {
  kind: ChangeKind;
  breaking: boolean;
  operation: OperationRef;
  /** Field path inside the operation, e.g. `response.200.body.policy_code`; none for the operation. */
  field?: string;
  direction?: Direction;
  before?: string;
  after?: string;
  /** One line for people, e.g. `required request field added`. */
  message: string;
}
