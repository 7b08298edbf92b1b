/**
 * The baseline of the benchmark: the same APIv3 protocol work done by hand with `fetch` and
 * `node:crypto` — sign the request over the exact body, send it, read the raw text, check the
 * four `Wechatpay-*` headers, the clock skew and the signature, `JSON.parse`, and RSA-OAEP
 * decrypt the sensitive fields of the answer.
 */
import {
  constants,
  createPrivateKey,
  createPublicKey,
  createSign,
  createVerify,
  privateDecrypt,
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

const PREFIX = '/v3/inspolicymgr/deduct';

export function createBaselineClient(options: BaselineOptions) {
  // Keys are parsed once, as our client does.
  const merchantKey = createPrivateKey(options.merchantPrivateKey);
  const verifyKey = createPublicKey(options.wechatpayPublicKey);

  async function call(method: 'GET' | 'POST', path: string, body = ''): Promise<unknown> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(16).toString('hex');
    const signature = createSign('RSA-SHA256')
      .update(`${method}\n${path}\n${timestamp}\n${nonce}\n${body}\n`)
      .sign(merchantKey, 'base64');
    const headers: Record<string, string> = {
      Authorization: `WECHATPAY2-SHA256-RSA2048 mchid="${options.mchid}",nonce_str="${nonce}",timestamp="${timestamp}",serial_no="${options.serialNo}",signature="${signature}"`,
      Accept: 'application/json',
      'User-Agent': 'wechatpay-kit-bench-baseline/1.0',
      'Wechatpay-Serial': options.wechatpayPublicKeyId,
    };
    if (body) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(options.baseUrl + path, { method, headers, body: body || null });
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
  }

  const decrypt = (ciphertext: string) =>
    privateDecrypt(
      { key: merchantKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
      Buffer.from(ciphertext, 'base64'),
    ).toString('utf8');

  return {
    submitAuthorization: (body: Record<string, unknown>) =>
      call('POST', `${PREFIX}/authorizations`, JSON.stringify(body)),
    async queryPolicy(outInsuranceNo: string): Promise<Record<string, unknown>> {
      const path = `${PREFIX}/policies/${encodeURIComponent(outInsuranceNo)}`;
      const policy = (await call('GET', path)) as { insured_name_list?: unknown };
      if (Array.isArray(policy.insured_name_list)) {
        policy.insured_name_list = policy.insured_name_list.map((name) => decrypt(String(name)));
      }
      return policy;
    },
  };
}
