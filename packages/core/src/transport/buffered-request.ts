import { utf8 } from '../crypto/base64.js';

/**
 * A Request whose string body stays a string. A standard Request turns the JSON text into a
 * web stream that the transport then reads back: on Node 20 some 50 µs of CPU per call, more
 * than the rest of our per-request work. This one answers the body readers from the text. Only for requests that stay inside the client: the platform's `fetch` and
 * `new Request(thisOne, init)` read the internal body, which is empty here, so a body they
 * should carry must be given again (as the transport and field encryption do).
 */
export class BufferedRequest extends Request {
  /**
   * The caller's signal this request follows, if any. `signal` always exists but never aborts
   * without one, so the transport need not listen to it.
   */
  readonly callerSignal: AbortSignal | undefined;
  readonly #text: string | undefined;
  #used = false;

  constructor(input: RequestInfo | URL, init?: RequestInit) {
    const text = typeof init?.body === 'string' ? init.body : undefined;
    super(input, text === undefined ? init : { ...init, body: null });
    this.#text = text;
    this.callerSignal = init?.signal ?? callerSignalOf(input);
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#text === undefined ? null : new Blob([this.#text]).stream();
  }

  override get bodyUsed(): boolean {
    return this.#used;
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return utf8(this.#take()).buffer;
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return utf8(this.#take());
  }

  override async blob(): Promise<Blob> {
    return new Blob([this.#take()], { type: this.headers.get('Content-Type') ?? '' });
  }

  override async text(): Promise<string> {
    return this.#take();
  }

  override async json(): Promise<any> {
    return JSON.parse(this.#take());
  }

  override clone(): BufferedRequest {
    if (this.#used) {
      throw new TypeError('Request body is already used');
    }
    return new BufferedRequest(this, { body: this.#text ?? null });
  }

  #take(): string {
    if (this.#used) {
      throw new TypeError('Request body is already used');
    }
    this.#used = this.#text !== undefined; // like fetch: a request without a body is never used
    return this.#text ?? '';
  }
}

function callerSignalOf(input: RequestInfo | URL): AbortSignal | undefined {
  if (input instanceof BufferedRequest) {
    return input.callerSignal;
  }
  return input instanceof Request ? input.signal : undefined;
}
