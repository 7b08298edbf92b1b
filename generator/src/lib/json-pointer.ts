/** Escapes one reference token of a JSON pointer (RFC 6901). */
export function escapeToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

export function unescapeToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** Appends tokens to a pointer: `join('/paths', '/v3/x')` is `/paths/~1v3~1x`. */
export function joinPointer(pointer: string, ...tokens: readonly string[]): string {
  return pointer + tokens.map((token) => `/${escapeToken(token)}`).join('');
}
