/** What the emitters need, read from the bundled spec by the transforms. */
export interface ApiModel {
  title: string;
  version: string;
  enums: EnumModel[];
  /** Every component schema that is not an enum, each exported as a type of its own name. */
  schemaTypes: SchemaTypeModel[];
  operations: OperationModel[];
  webhooks: WebhookModel[];
  /**
   * `components.schemas` stripped of documentation and vendor keys (refs stay local): what a
   * mock's request validator resolves `#/components/schemas/…` against.
   */
  componentSchemas: Record<string, unknown>;
  /** The document openapi-typescript types: the spec, adjusted where our types differ. */
  typesDocument: Record<string, unknown>;
}

export interface EnumModel {
  /** Exported name of the const object and its union type (the schema's, as an identifier). */
  name: string;
  description?: string;
  members: EnumMemberModel[];
  /** `x-extensible-enum`: the members are the known values, and any other string is valid. */
  open?: true;
}

export interface SchemaTypeModel {
  /** Exported name of the type: the component schema name, as a unique identifier. */
  name: string;
  /** The component schema name as the spec spells it, e.g. `simple-user`. */
  schemaName: string;
  description?: string;
}

export interface EnumMemberModel {
  /** Key in the const object: from `x-enum-varnames`, else the value, as an identifier. */
  key: string;
  value: string;
  description?: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface OperationModel {
  /** The spec's operationId, or `<method><path>` when it has none. */
  operationId: string;
  /** The client method and table key: the operationId as an identifier, unique in the API. */
  name: string;
  method: HttpMethod;
  path: string;
  /** The lowest 2xx status (200 when there is none): what a mock answers by default. */
  successStatus: number;
  requiredHeaders: string[];
  encryptedFields: { request: string[]; response: string[] };
  /** What a mock validates the request with. */
  request: RequestSchemaModel;
  /**
   * The plaintext JSON body a mock answers the success with: the spec example when it fits the
   * schema, else seeded data; absent when there is no JSON body.
   */
  successExample?: unknown;
  summary?: string;
  description?: string;
  deprecated: boolean;
}

/** Plain JSON Schemas (documentation stripped) of one operation's request. */
export interface RequestSchemaModel {
  /** An object schema of the path parameters, or `null` when there are none. */
  path: unknown;
  /** Names of the required request headers. */
  headers: string[];
  /** The `application/json` body schema, or `null`. */
  body: unknown;
}

export interface WebhookModel {
  eventType: string;
  operationId: string;
  /** Component schema of the decrypted `resource.ciphertext`. */
  resourceSchema: string;
  summary?: string;
}
