/** Primary APIv3 host. */
export const DEFAULT_BASE_URL = 'https://api.mch.weixin.qq.com';
/** Backup APIv3 host, for failover when the primary cannot be reached. */
export const BACKUP_BASE_URL = 'https://api2.mch.weixin.qq.com';
