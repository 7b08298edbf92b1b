export * from './generated/index.js';
export { BACKUP_BASE_URL, DEFAULT_BASE_URL } from '@wechatpay-kit/core';
