import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import type { OperationDescriptor } from './operation.js';

/** Primary APIv3 host. */
export const DEFAULT_BASE_URL = 'https://api.mch.weixin.qq.com';
/** Backup APIv3 host, for failover when the primary cannot be reached. */
export const BACKUP_BASE_URL = 'https://api2.mch.weixin.qq.com';

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
type OperationMethod = (...init: unknown[]) => Promise<unknown>;

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
  const methods: Record<string, OperationMethod> = {};
  for (const [name, operation] of Object.entries(table)) {
    methods[name] = (...init) => request(operation.method, operation.path, ...init);
  }
  return Object.assign(client, methods) as Client<TPaths> & TMethods;
}
