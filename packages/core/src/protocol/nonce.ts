const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// CSPRNG bytes drawn in batches: one getRandomValues call per batch, not per nonce.
const pool = new Uint8Array(1024);
let used = pool.length;

function randomByte(): number {
  if (used === pool.length) {
    crypto.getRandomValues(pool);
    used = 0;
  }
  const byte = pool[used] as number;
  pool[used] = 0; // a consumed byte is not kept around
  used += 1;
  return byte;
}

/** A 32-character `[0-9A-Za-z]` nonce from the CSPRNG, without modulo bias. */
export function createNonce(length = 32): string {
  let nonce = '';
  while (nonce.length < length) {
    const byte = randomByte();
    // 248 = 4 × 62: bytes at or above it would favour the first letters.
    if (byte < 248) {
      nonce += ALPHABET[byte % 62];
    }
  }
  return nonce;
}
