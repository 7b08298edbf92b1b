import { http } from 'msw';
import { DEFAULT_BASE_URL } from '@wechatpay-kit/core';

/** An OpenAPI path template as an MSW path: `/policies/{out_insurance_no}` → `/policies/:out_insurance_no`. */
export function toMswPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

/** What an MSW handler matches for `path` under `baseUrl` (an origin, or `'*'` for any). */
export function handlerUrl(path: string, baseUrl: string = DEFAULT_BASE_URL): string {
  const prefix = baseUrl === '*' ? '*' : baseUrl.replace(/\/+$/, '');
  return prefix + toMswPath(path);
}

/** MSW's handler builder for each HTTP method of the operation table. */
export const METHODS = {
  GET: http.get,
  POST: http.post,
  PUT: http.put,
  PATCH: http.patch,
  DELETE: http.delete,
  HEAD: http.head,
  OPTIONS: http.options,
} as const;
