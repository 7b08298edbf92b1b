/** Headers as Node's `IncomingMessage.headers` holds them: lower-case names, repeats as arrays. */
export type HeaderRecord = Readonly<Record<string, string | readonly string[] | undefined>>;

/** `Headers` from a Node-style header record; repeated values are joined with `, `. */
export function toHeaders(input: Headers | HeaderRecord): Headers {
  if (input instanceof Headers) {
    return input;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(input)) {
    if (value !== undefined) {
      headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
    }
  }
  return headers;
}
