export const AUTHORIZATION_SCHEME = 'WECHATPAY2-SHA256-RSA2048';

export interface AuthorizationParts {
  mchid: string;
  nonce_str: string;
  timestamp: string;
  serial_no: string;
  signature: string;
}

const KEYS = ['mchid', 'nonce_str', 'timestamp', 'serial_no', 'signature'] as const;

/** `WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",timestamp="…",serial_no="…",signature="…"` */
export function formatAuthorization(parts: AuthorizationParts): string {
  const { mchid, nonce_str, timestamp, serial_no, signature } = parts;
  return `${AUTHORIZATION_SCHEME} mchid="${mchid}",nonce_str="${nonce_str}",timestamp="${timestamp}",serial_no="${serial_no}",signature="${signature}"`;
}

/** Reads an Authorization header; `undefined` when the scheme or any of the five values is missing. */
export function parseAuthorization(
  header: string | null | undefined,
): AuthorizationParts | undefined {
  const prefix = `${AUTHORIZATION_SCHEME} `;
  if (!header?.startsWith(prefix)) {
    return undefined;
  }
  const values = new Map<string, string>();
  for (const match of header.slice(prefix.length).matchAll(/(\w+)="([^"]*)"/g)) {
    values.set(match[1] as string, match[2] as string);
  }
  const entries = KEYS.map((key) => [key, values.get(key)] as const);
  if (entries.some(([, value]) => !value)) {
    return undefined;
  }
  return Object.fromEntries(entries) as unknown as AuthorizationParts;
}
