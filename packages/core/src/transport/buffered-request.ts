import { utf8 } from '../crypto/base64.js';

/**
 * The request openapi-fetch builds for each call when no middleware of the caller's will see
 * it. A platform Request costs more CPU to build than the rest of our per-call work (URL
 * record, header list, its own signal, a web stream for the body: some 30 µs on Node 20), and
 * the transport sends a fresh one anyway. This one holds only what the transport and the field
 * middleware read: url, method, headers, the caller's signal and the body as text.
 *
 * Its prototype chain includes `Request.prototype`, so it passes openapi-fetch's
 * `instanceof Request`, but it is not a platform Request: it must never reach a platform
 * `fetch`, and members it does not define (`mode`, `cache`, …) throw. Whatever it cannot hold as
 * text (a FormData body, a platform Request with a body) is built as a standard Request instead.
 */
export class BufferedRequest {
  // Assigned unless the constructor returns a standard Request instead.
  readonly url!: string;
  readonly method!: string;
  readonly headers!: Headers;
  /**
   * The caller's signal this request follows, if any; without one the request never aborts,
   * so the transport need not listen to it.
   */
  readonly callerSignal: AbortSignal | undefined;
  readonly #text: string | undefined;
  #signal: AbortSignal | undefined;
  #used = false;

  constructor(input: RequestInfo | URL, init: RequestInit = {}) {
    const from = input instanceof BufferedRequest ? input : undefined;
    const text = init.body !== undefined ? bodyText(init.body) : from && from.#text;
    if (text === false || (input instanceof Request && !from && input.body && !('body' in init))) {
      return new Request(input, init) as unknown as BufferedRequest;
    }
    this.url = from?.url ?? new URL(input instanceof Request ? input.url : input).href;
    this.method = normalizeMethod(init.method ?? (input instanceof Request ? input.method : 'GET'));
    // Callers hand over a fresh Headers per request (openapi-fetch, field crypto): no copy.
    this.headers =
      init.headers instanceof Headers
        ? init.headers
        : new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
    this.callerSignal = init.signal ?? callerSignalOf(input);
    this.#text = text;
  }

  /** The caller's signal, or one that never aborts. */
  get signal(): AbortSignal {
    this.#signal ??= this.callerSignal ?? new AbortController().signal;
    return this.#signal;
  }

  get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#text === undefined ? null : new Blob([this.#text]).stream();
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return utf8(this.#take()).buffer;
  }

  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return utf8(this.#take());
  }

  async blob(): Promise<Blob> {
    return new Blob([this.#take()], { type: this.headers.get('Content-Type') ?? '' });
  }

  async text(): Promise<string> {
    return this.#take();
  }

  async json(): Promise<any> {
    return JSON.parse(this.#take());
  }

  clone(): BufferedRequest {
    if (this.#used) {
      throw new TypeError('Request body is already used');
    }
    return new BufferedRequest(this, {
      headers: new Headers(this.headers),
      body: this.#text ?? null,
    });
  }

  #take(): string {
    if (this.#used) {
      throw new TypeError('Request body is already used');
    }
    this.#used = this.#text !== undefined; // like fetch: a request without a body is never used
    return this.#text ?? '';
  }
}
Object.setPrototypeOf(BufferedRequest.prototype, Request.prototype);
// For the type checker it is a Request; the members it lacks are Request.prototype's (see above).
export interface BufferedRequest extends Request {}

/** The body as text, `undefined` for none, `false` when it is not text. */
function bodyText(body: BodyInit | null): string | undefined | false {
  if (body === null || typeof body === 'string') {
    return body ?? undefined;
  }
  return false;
}

/** As fetch does: the six standard methods in upper case, any other as given. */
function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return /^(?:DELETE|GET|HEAD|OPTIONS|POST|PUT)$/.test(upper) ? upper : method;
}

function callerSignalOf(input: RequestInfo | URL): AbortSignal | undefined {
  if (input instanceof BufferedRequest) {
    return input.callerSignal;
  }
  return input instanceof Request ? input.signal : undefined;
}
