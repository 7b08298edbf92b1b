/** Default `maxResponseBytes`: 10 MiB, far above any APIv3 JSON answer. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/**
 * Reads a response body into memory, at most `limit` bytes; `undefined` when it is larger.
 * A declared `Content-Length` above the limit is refused unread; otherwise the read stops,
 * and the stream is cancelled (which drops the connection), as soon as the bytes passed the
 * limit: an endless or huge body never fills memory.
 */
export async function readBoundedBody(
  response: Response,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const body = response.body;
  if (!body) {
    return new Uint8Array(0);
  }
  if (Number(response.headers.get('Content-Length')) > limit) {
    body.cancel().catch(ignore);
    return undefined;
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      return join(chunks, size);
    }
    size += value.byteLength;
    if (size > limit) {
      reader.cancel().catch(ignore);
      return undefined;
    }
    chunks.push(value);
  }
}

function ignore(): void {}

function join(chunks: readonly Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const [first] = chunks;
  if (chunks.length === 1 && first?.buffer instanceof ArrayBuffer) {
    return first as Uint8Array<ArrayBuffer>; // the usual small answer: one chunk, no copy
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
