/** Keys and address the handlers answer with, set once for all factories. */
export interface HandlerOptions {
  /**
   * The simulated WeChat Pay key that signs every 2xx answer, as the real server does: the
   * client verifies fail-closed, so it needs the matching public key and `serial` as its
   * `wechatpay.publicKeyId` (or certificate serial).
   */
  wechatpay: {
    /** Sent as `Wechatpay-Serial`, e.g. `PUB_KEY_ID_…`. */
    serial: string;
    /** PKCS#8 PEM. */
    privateKey: string;
  };
  /**
   * The merchant public key (SPKI PEM) that encrypts the `x-wechatpay-encrypted` fields of
   * answers, as WeChat Pay does; needed only by operations whose answers have such fields.
   */
  merchant?: { publicKey: string };
  /**
   * Where the handlers listen: an origin such as `https://api2.mch.weixin.qq.com`, or `'*'` for
   * any origin. Default `https://api.mch.weixin.qq.com`.
   */
  baseUrl?: string;
  /** The clock answers are signed at, in milliseconds (a simulator's own clock). @default Date.now */
  now?: () => number;
}

/** Options of one handler, as MSW takes them: `once` answers a single request. */
export interface FactoryOptions {
  once?: boolean;
}
