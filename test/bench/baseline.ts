/**
 * The baseline of the benchmark: the same APIv3 protocol work done by hand with `fetch` and
 * `node:crypto` — sign the request, send it, read the raw text, check the four `Wechatpay-*`
 * headers, the clock skew and the signature, then `JSON.parse`.
 */
import {
  createPrivateKey,
  createPublicKey,
  createSign,
  createVerify,
  randomBytes,
} from 'node:crypto';

export interface BaselineOptions {
  baseUrl: string;
  mchid: string;
  serialNo: string;
  merchantPrivateKey: string;
  wechatpayPublicKeyId: string;
  wechatpayPublicKey: string;
}

export function createBaselineClient(options: BaselineOptions) {
  // Keys are parsed once, as our client does.
  const signKey = createPrivateKey(options.merchantPrivateKey);
  const verifyKey = createPublicKey(options.wechatpayPublicKey);

  return async function queryAuthorization(outInsuranceNo: string): Promise<unknown> {
    const path = `/v3/inspolicymgr/deduct/authorizations/${encodeURIComponent(outInsuranceNo)}`;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(16).toString('hex');
    const signature = createSign('RSA-SHA256')
      .update(`GET\n${path}\n${timestamp}\n${nonce}\n\n`)
      .sign(signKey, 'base64');
    const response = await fetch(options.baseUrl + path, {
      headers: {
        Authorization: `WECHATPAY2-SHA256-RSA2048 mchid="${options.mchid}",nonce_str="${nonce}",timestamp="${timestamp}",serial_no="${options.serialNo}",signature="${signature}"`,
        Accept: 'application/json',
        'User-Agent': 'wechatpay-kit-bench-baseline/1.0',
        'Wechatpay-Serial': options.wechatpayPublicKeyId,
      },
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`baseline: HTTP ${response.status} ${text}`);
    }
    const answerTimestamp = response.headers.get('Wechatpay-Timestamp');
    const answerNonce = response.headers.get('Wechatpay-Nonce');
    const answerSignature = response.headers.get('Wechatpay-Signature');
    const answerSerial = response.headers.get('Wechatpay-Serial');
    if (!answerTimestamp || !answerNonce || !answerSignature || !answerSerial) {
      throw new Error('baseline: unsigned answer');
    }
    if (answerSerial !== options.wechatpayPublicKeyId) {
      throw new Error('baseline: unknown Wechatpay-Serial');
    }
    if (Math.abs(Math.floor(Date.now() / 1000) - Number(answerTimestamp)) > 300) {
      throw new Error('baseline: stale answer');
    }
    const valid = createVerify('RSA-SHA256')
      .update(`${answerTimestamp}\n${answerNonce}\n${text}\n`)
      .verify(verifyKey, answerSignature, 'base64');
    if (!valid) {
      throw new Error('baseline: bad signature');
    }
    return JSON.parse(text) as unknown;
  };
}
