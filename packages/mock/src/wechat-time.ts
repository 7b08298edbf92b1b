const CHINA_STANDARD_TIME_MS = 8 * 3600 * 1000;

/**
 * RFC 3339 in China Standard Time, to the second, as WeChat Pay writes times:
 * `2025-09-21T17:11:12+08:00`.
 */
export function toWechatTime(ms: number): string {
  return new Date(ms + CHINA_STANDARD_TIME_MS).toISOString().slice(0, 19) + '+08:00';
}
