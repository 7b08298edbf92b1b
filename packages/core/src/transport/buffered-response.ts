import { fromUtf8 } from '../crypto/base64.js';

/**
 * A Response whose body is already in memory. Wrapping bytes in a standard Response makes
 * every later read go through a web stream, which cost more CPU per call than signing
 * (measured with `pnpm bench`); this one answers the body readers from the bytes directly.
 */
export class BufferedResponse extends Response {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  /** The body as a value, when the bytes were made from it: `json()` hands it over unparsed. */
  readonly #parsed: { value: unknown } | undefined;
  #used = false;

  constructor(
    bytes: Uint8Array<ArrayBuffer>,
    init: { status: number; statusText?: string; headers: Headers },
    parsed?: { value: unknown },
  ) {
    super(null, init);
    this.#bytes = bytes;
    this.#parsed = parsed;
  }

  /** `response`'s status and headers with `bytes` as the body. */
  static of(response: Response, bytes: Uint8Array<ArrayBuffer>): BufferedResponse {
    const { status, statusText, headers } = response;
    return new BufferedResponse(bytes, { status, statusText, headers });
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#bytes.length === 0 ? null : new Blob([this.#bytes]).stream();
  }

  override get bodyUsed(): boolean {
    return this.#used;
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#take().slice().buffer;
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#take().slice();
  }

  override async blob(): Promise<Blob> {
    return new Blob([this.#take()], { type: this.headers.get('Content-Type') ?? '' });
  }

  override async text(): Promise<string> {
    return fromUtf8(this.#take());
  }

  override async json(): Promise<any> {
    if (this.#parsed) {
      this.#take();
      return this.#parsed.value;
    }
    return JSON.parse(await this.text());
  }

  override clone(): BufferedResponse {
    if (this.#used) {
      throw new TypeError('Response body is already used');
    }
    return BufferedResponse.of(this, this.#bytes);
  }

  #take(): Uint8Array<ArrayBuffer> {
    if (this.#used) {
      throw new TypeError('Response body is already used');
    }
    this.#used = true;
    return this.#bytes;
  }
}
