/** Escapes one reference token of a JSON pointer (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function escapeToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Undoes `escapeToken`. */
export function unescapeToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** Appends tokens to a pointer: `joinPointer('/paths', '/v3/x')` is `/paths/~1v3~1x`. */
export function joinPointer(pointer: string, ...tokens: readonly string[]): string {
  return pointer + tokens.map((token) => `/${escapeToken(token)}`).join('');
}

/** The unescaped reference tokens of a pointer: `/a~1b/0` → `['a/b', '0']`; `''` → `[]`. */
export function pointerTokens(pointer: string): string[] {
  return pointer === '' ? [] : pointer.split('/').slice(1).map(unescapeToken);
}
