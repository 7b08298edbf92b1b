import { verifySignature, type VerifyOptions } from '../protocol/verify.js';
import { BufferedResponse } from './buffered-response.js';

/**
 * Verifies a 2xx response before anything reads it and returns an equivalent unread response.
 * Non-2xx answers are unsigned by design and pass through untouched.
 */
export async function verifyResponse(
  response: Response,
  options: VerifyOptions,
): Promise<Response> {
  if (!response.ok) {
    return response;
  }
  const body = new Uint8Array(await response.arrayBuffer());
  await verifySignature(response.headers, body, options);
  return BufferedResponse.of(response, body);
}
