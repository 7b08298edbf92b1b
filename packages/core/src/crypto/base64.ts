/** Standard, padded base64 of bytes (what WeChat Pay uses for signatures and ciphertext). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

/** Whether `text` is strict, padded base64 (lenient decoders would accept trailing junk). */
export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && BASE64_CHARS.test(text);
}

// With the length test: whole groups of four, padding only at the end.
const BASE64_CHARS = /^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]=|==)?$/;

/** Decodes strict, padded base64; anything else is rejected rather than guessed at. */
export function fromBase64(text: string): Uint8Array {
  if (!isBase64(text)) {
    throw new TypeError('not valid base64');
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) {
    bytes[index] = binary.charCodeAt(index);
  }
  return bytes;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text) as Uint8Array<ArrayBuffer>;
}

export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
