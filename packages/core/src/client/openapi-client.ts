import createClient, {
  type Client,
  type ClientForPath,
  type ClientOptions,
  type Middleware,
} from 'openapi-fetch';
import type { OperationDescriptor } from '../protocol/operation.js';
import { DEFAULT_BASE_URL } from '../transport/hosts.js';

export interface ApiClientOptions {
  /** @default 'https://api.mch.weixin.qq.com' */
  baseUrl?: string;
  /**
   * The fetch to send requests with. By default `globalThis.fetch` is looked up on every call,
   * so a mock installed after the client was created (MSW's `server.listen()`) still applies.
   */
  fetch?: (input: Request) => Promise<Response>;
  /** Extra openapi-fetch middleware, run in order after the built-in ones. */
  middleware?: readonly Middleware[];
  /** Headers sent with every request. */
  headers?: ClientOptions['headers'];
  /** The Request class each call is built with. @default globalThis.Request */
  Request?: typeof Request;
}

/** Creates the openapi-fetch client every generated WeChat Pay client is built on. */
export function createApiClient<TPaths extends {}>(options: ApiClientOptions = {}): Client<TPaths> {
  const client = createClient<TPaths>({
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.Request === undefined ? {} : { Request: options.Request }),
  });
  if (options.middleware?.length) {
    client.use(...options.middleware);
  }
  return client;
}

type AnyClient = Client<Record<string, never>>;
type BoundMethod = (...init: unknown[]) => Promise<unknown>;

/**
 * Adds one method per operation of `table` to `client`, each a call of `client.request`
 * with the operation's method and path. The generated code supplies the method types.
 */
export function bindOperations<TMethods, TPaths extends {}>(
  client: Client<TPaths>,
  table: Readonly<Record<string, OperationDescriptor>>,
): Client<TPaths> & TMethods {
  const request = (client as unknown as AnyClient).request as unknown as (
    method: string,
    path: string,
    ...init: unknown[]
  ) => Promise<unknown>;
  const methods: Record<string, BoundMethod> = {};
  for (const [name, operation] of Object.entries(table)) {
    methods[name] = (...init) => request(operation.method, operation.path, ...init);
  }
  return Object.assign(client, methods) as Client<TPaths> & TMethods;
}

/**
 * The typed method the generated client has for one operation: openapi-fetch's call for that
 * path and method, so it takes the usual `{ params, body, ... }` and resolves to
 * `{ data, error, response }`; `error` is the spec's error body as declared.
 */
export type OperationMethod<
  TPathItem extends Record<string | number, any>,
  TMethod extends keyof ClientForPath<TPathItem, JsonMediaType>,
> = ClientForPath<TPathItem, JsonMediaType>[TMethod] extends (
  ...init: infer TInit
) => Promise<infer TResult>
  ? (
      ...init: TInit
    ) => Promise<WithDeclaredError<TResult, ErrorBody<TPathItem[Lowercase<TMethod & string>]>>>
  : never;

type JsonMediaType = `${string}/${string}`;

// openapi-fetch 0.17 passes `error` through its `Readable` type, which turns an open string
// union (`'PARAM_ERROR' | (string & {})`) into an object type (openapi-ts/openapi-typescript#2765).
// The spec marks nothing readOnly, so the declared error body is the same type, intact.
type WithDeclaredError<TResult, TError> = TResult extends { error?: never }
  ? TResult
  : Omit<TResult, 'error'> & { error: TError };

/**
 * `TPaths` with each open string union (`'PARAM_ERROR' | (string & {})`) as plain `string`: the
 * paths type for openapi-fetch's path-based methods, whose `Readable` would turn `string & {}`
 * into an object type. The per-operation methods keep the unions.
 */
export type PathsForFetch<T> = T extends string
  ? string extends T
    ? string
    : T
  : T extends object
    ? { [K in keyof T]: PathsForFetch<T[K]> }
    : T;

/** The JSON bodies of an operation's 4xx, 5xx and `default` responses, as openapi-fetch counts them. */
type ErrorBody<TOperation> = TOperation extends { responses: infer TResponses }
  ? {
      [S in keyof TResponses]: `${S & (string | number)}` extends `${4 | 5}${string}` | 'default'
        ? TResponses[S] extends { content: { 'application/json': infer TBody } }
          ? TBody
          : never
        : never;
    }[keyof TResponses]
  : never;
