/**
 * The five-line string a request signature covers: method, path with query, timestamp,
 * nonce and the exact body sent (empty for none), each followed by `\n`.
 */
export function requestMessage(parts: {
  method: string;
  /** Path plus `?query` as sent, without scheme and host. */
  url: string;
  timestamp: number | string;
  nonce: string;
  body: string;
}): string {
  return `${parts.method.toUpperCase()}\n${parts.url}\n${parts.timestamp}\n${parts.nonce}\n${parts.body}\n`;
}

/** The three-line string a response or callback signature covers: timestamp, nonce, raw body. */
export function responseMessage(parts: { timestamp: string; nonce: string; body: string }): string {
  return `${parts.timestamp}\n${parts.nonce}\n${parts.body}\n`;
}

/** The part of an absolute URL that is signed: path and query exactly as on the wire. */
export function signedUrl(url: string): string {
  const path = url.indexOf('/', url.indexOf('//') + 2);
  const hash = url.indexOf('#');
  return path < 0 ? '/' : url.slice(path, hash < 0 ? undefined : hash);
}
