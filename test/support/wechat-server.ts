/**
 * A small stand-in for the WeChat Pay APIv3 server of the insurance policy service, written
 * independently of `@wechatpay-kit/core`: only `node:http` and `node:crypto`. It checks requests
 * the way WeChat Pay does (Authorization signature with the merchant public key, clock skew,
 * `Wechatpay-Serial`, sensitive fields encrypted with the WeChat Pay public key) and signs every
 * 2xx answer with the WeChat Pay private key, encrypting `insured_name_list` with the merchant
 * public key. Used by the e2e tests and, in a child process, by the benchmark.
 */
import {
  constants,
  createPrivateKey,
  createPublicKey,
  createSign,
  createVerify,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  randomUUID,
} from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WechatServerOptions {
  mchid: string;
  /** Serial number of the merchant API certificate; `serial_no` in Authorization must equal it. */
  merchantSerialNo: string;
  /** Merchant public key (SPKI PEM): verifies requests, encrypts names in answers. */
  merchantPublicKey: string;
  /** `PUB_KEY_ID_…` of the WeChat Pay key pair below, sent as `Wechatpay-Serial` on answers. */
  wechatpayPublicKeyId: string;
  /** WeChat Pay private key (PKCS#8 PEM): signs answers, decrypts names in requests. */
  wechatpayPrivateKey: string;
  /** Server clock in milliseconds. @default Date.now */
  now?: () => number;
  /** Keep every request and answer in `exchanges` (off for long benchmark runs). @default true */
  recordExchanges?: boolean;
}

/** Ways to spoil the next 2xx answer after it was signed correctly. */
export type Tamper =
  /** Flip one bit of one body byte (keeps the JSON valid), after signing. */
  | 'flip-body-byte'
  /** Send a `WECHATPAY/SIGNTEST/…` probe signature instead of the real one. */
  | 'probe-signature'
  /** Sign with a timestamp 10 minutes in the past. */
  | 'stale-timestamp'
  /** Leave out `Wechatpay-Signature`. */
  | 'missing-signature';

/** What the server saw and answered, one entry per request. */
export interface Exchange {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingMessage['headers'];
  /** Raw request body text. */
  body: string;
  /** The request's Authorization signature verified with the merchant public key. */
  signatureVerified: boolean;
  /** `insured_name_list` of the request after decryption with the WeChat Pay private key. */
  decryptedNames?: string[];
  status: number;
  responseHeaders: Record<string, string>;
  /** Body as sent (after any tampering). */
  responseBody: string;
}

export interface WechatServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly exchanges: Exchange[];
  /** Stored authorizations and policies (names in plaintext), by `out_insurance_no`. */
  readonly authorizations: Map<string, Record<string, unknown>>;
  readonly policies: Map<string, StoredPolicy>;
  /** Spoil the next 2xx answer. */
  tamperNext(kind: Tamper): void;
  /** The user consents: the authorization moves to `AUTH_STATE_GRANTED`. */
  grant(outInsuranceNo: string): void;
  close(): Promise<void>;
}

export type StoredPolicy = Record<string, unknown> & { insured_name_list: string[] };

const SCHEME = 'WECHATPAY2-SHA256-RSA2048';
const MAX_SKEW_SECONDS = 300;
const PREFIX = '/v3/inspolicymgr/deduct';

class Reject extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startWechatServer(options: WechatServerOptions): Promise<WechatServer> {
  const merchantPublicKey = createPublicKey(options.merchantPublicKey);
  const wechatpayPrivateKey = createPrivateKey(options.wechatpayPrivateKey);
  const now = options.now ?? Date.now;
  const exchanges: Exchange[] = [];
  const authorizations = new Map<string, Record<string, unknown>>();
  const policies = new Map<string, StoredPolicy>();
  let tamper: Tamper | undefined;

  const encryptForMerchant = (plaintext: string) =>
    publicEncrypt(
      { key: merchantPublicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
      Buffer.from(plaintext, 'utf8'),
    ).toString('base64');

  const decryptAsWechatpay = (ciphertext: unknown, field: string) => {
    try {
      if (typeof ciphertext !== 'string') {
        throw new TypeError('not a string');
      }
      return privateDecrypt(
        { key: wechatpayPrivateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
        Buffer.from(ciphertext, 'base64'),
      ).toString('utf8');
    } catch {
      throw new Reject(
        400,
        'PARAM_ERROR',
        `${field} 解密失败 (not OAEP ciphertext for the WeChat Pay key)`,
      );
    }
  };

  /** Verifies the Authorization header of a request; throws 401 SIGN_ERROR like WeChat Pay. */
  function checkAuthorization(request: IncomingMessage, rawBody: Buffer): void {
    const header = request.headers.authorization ?? '';
    if (!header.startsWith(`${SCHEME} `)) {
      throw new Reject(
        401,
        'SIGN_ERROR',
        'Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》',
      );
    }
    const values = new Map<string, string>();
    for (const [, key, value] of header.slice(SCHEME.length + 1).matchAll(/(\w+)="([^"]*)"/g)) {
      values.set(key as string, value as string);
    }
    const [mchid, nonce, timestamp, serial, signature] = [
      'mchid',
      'nonce_str',
      'timestamp',
      'serial_no',
      'signature',
    ].map((key) => values.get(key) ?? '') as [string, string, string, string, string];
    if (!mchid || !nonce || !timestamp || !serial || !signature) {
      throw new Reject(
        401,
        'SIGN_ERROR',
        'Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》',
      );
    }
    if (mchid !== options.mchid) {
      throw new Reject(401, 'SIGN_ERROR', '商户号与Authorization中的mchid不匹配');
    }
    if (serial !== options.merchantSerialNo) {
      throw new Reject(401, 'SIGN_ERROR', '商户证书序列号有误');
    }
    if (
      !/^\d{10}$/.test(timestamp) ||
      Math.abs(Math.floor(now() / 1000) - Number(timestamp)) > MAX_SKEW_SECONDS
    ) {
      throw new Reject(
        401,
        'SIGN_ERROR',
        'Http头Authorization中的timestamp与发起请求的时间不得超过5分钟',
      );
    }
    const verifier = createVerify('RSA-SHA256');
    verifier.update(`${request.method}\n${request.url}\n${timestamp}\n${nonce}\n`);
    verifier.update(rawBody);
    verifier.update('\n');
    if (!verifier.verify(merchantPublicKey, signature, 'base64')) {
      throw new Reject(401, 'SIGN_ERROR', '签名错误');
    }
  }

  /** Encrypted fields need `Wechatpay-Serial` naming our key; then they are decrypted. */
  function decryptNames(
    request: IncomingMessage,
    body: Record<string, unknown>,
  ): string[] | undefined {
    const names = body.insured_name_list;
    if (names === undefined || (Array.isArray(names) && names.length === 0)) {
      return undefined;
    }
    if (request.headers['wechatpay-serial'] !== options.wechatpayPublicKeyId) {
      throw new Reject(
        400,
        'INVALID_REQUEST',
        'Wechatpay-Serial 与加密敏感信息所用的微信支付公钥ID不匹配',
      );
    }
    if (!Array.isArray(names) || names.length > 11) {
      throw new Reject(400, 'PARAM_ERROR', 'insured_name_list 应为1到11个密文');
    }
    return names.map((name, index) => decryptAsWechatpay(name, `/insured_name_list/${index}`));
  }

  const wirePolicy = (policy: StoredPolicy) =>
    JSON.stringify({
      ...policy,
      insured_name_list: policy.insured_name_list.map(encryptForMerchant),
    });

  const notFound = (what: string) => new Reject(404, 'RESOURCE_NOT_EXISTS', `${what}不存在`);

  /** Business logic; returns status and body text. */
  function route(
    method: string,
    path: string,
    body: Record<string, unknown>,
    request: IncomingMessage,
    exchange: Exchange,
  ): { status: number; body: string } {
    let match: RegExpExecArray | null;
    if (method === 'POST' && path === `${PREFIX}/authorizations`) {
      const no = String(body.out_insurance_no ?? '');
      if (!/^[0-9A-Za-z]{1,32}$/.test(no)) {
        throw new Reject(400, 'PARAM_ERROR', '参数错误: out_insurance_no');
      }
      const record = {
        out_insurance_no: no,
        appid: body.appid,
        plan_id: body.plan_id,
        out_contract_code: body.out_contract_code,
        insurance_name: body.insurance_name,
        auth_state: 'AUTH_STATE_INIT',
      };
      authorizations.set(no, record);
      return { status: 200, body: JSON.stringify(record) };
    }
    if (method === 'GET' && (match = new RegExp(`^${PREFIX}/authorizations/([^/]+)$`).exec(path))) {
      const record = authorizations.get(decodeURIComponent(match[1] as string));
      if (!record) {
        throw notFound('授权记录');
      }
      return { status: 200, body: JSON.stringify(record) };
    }
    if (method === 'POST' && path === `${PREFIX}/policies`) {
      const no = String(body.out_insurance_no ?? '');
      const authorization = authorizations.get(no);
      if (!authorization) {
        throw notFound('授权记录');
      }
      const names = decryptNames(request, body);
      if (!names) {
        throw new Reject(400, 'PARAM_ERROR', '参数错误: insured_name_list');
      }
      exchange.decryptedNames = names;
      const policy: StoredPolicy = {
        ...body,
        insurance_name: authorization.insurance_name,
        insured_name_list: names,
      };
      delete policy.openid;
      policies.set(no, policy);
      authorization.auth_state = 'AUTH_STATE_EXPIRED';
      return { status: 200, body: wirePolicy(policy) };
    }
    if ((match = new RegExp(`^${PREFIX}/policies/([^/]+)$`).exec(path))) {
      const no = decodeURIComponent(match[1] as string);
      const policy = policies.get(no);
      if (method === 'GET') {
        if (!policy) {
          throw notFound('保单');
        }
        return { status: 200, body: wirePolicy(policy) };
      }
      if (method === 'PATCH') {
        if (!policy) {
          throw notFound('保单');
        }
        const names = decryptNames(request, body);
        if (names) {
          exchange.decryptedNames = names;
        }
        const { insured_name_list: _ignored, ...changes } = body;
        const updated: StoredPolicy = {
          ...policy,
          ...changes,
          insured_name_list: names ?? policy.insured_name_list,
        };
        policies.set(no, updated);
        return { status: 200, body: wirePolicy(updated) };
      }
    }
    if (
      method === 'POST' &&
      (match = new RegExp(`^${PREFIX}/policies/([^/]+)/bind-contract$`).exec(path))
    ) {
      const no = decodeURIComponent(match[1] as string);
      const authorization = authorizations.get(no);
      if (!authorization) {
        throw notFound('授权记录');
      }
      authorization.out_contract_code = body.out_contract_code;
      authorization.plan_id = body.plan_id;
      const policy = policies.get(no);
      if (policy) {
        policy.out_contract_code = body.out_contract_code;
        policy.plan_id = body.plan_id;
      }
      return { status: 204, body: '' };
    }
    throw new Reject(404, 'NOT_FOUND', `${method} ${path} 不存在`);
  }

  /** The four `Wechatpay-*` headers over `ts\nnonce\nbody\n`, signed with the WeChat Pay key. */
  function signAnswer(body: string, spoil: Tamper | undefined): Record<string, string> {
    const timestamp = String(Math.floor(now() / 1000) - (spoil === 'stale-timestamp' ? 600 : 0));
    const nonce = randomBytes(16).toString('hex');
    const signature = createSign('RSA-SHA256')
      .update(`${timestamp}\n${nonce}\n${body}\n`)
      .sign(wechatpayPrivateKey, 'base64');
    const headers: Record<string, string> = {
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature':
        spoil === 'probe-signature'
          ? `WECHATPAY/SIGNTEST/${randomBytes(32).toString('base64')}`
          : signature,
      'Wechatpay-Serial': options.wechatpayPublicKeyId,
      'Wechatpay-Signature-Type': SCHEME,
    };
    if (spoil === 'missing-signature') {
      delete headers['Wechatpay-Signature'];
    }
    return headers;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
      chunks.push(chunk as Buffer);
    }
    const rawBody = Buffer.concat(chunks);
    const method = request.method ?? '';
    const url = request.url ?? '';
    const exchange: Exchange = {
      method,
      url,
      headers: request.headers,
      body: rawBody.toString('utf8'),
      signatureVerified: false,
      status: 0,
      responseHeaders: {},
      responseBody: '',
    };
    if (options.recordExchanges !== false) {
      exchanges.push(exchange);
    }
    const requestId = `${randomUUID()}-0`;
    let status: number;
    let body: string;
    let headers: Record<string, string> = { 'Request-ID': requestId };
    try {
      if (!request.headers.accept || !request.headers['user-agent']) {
        throw new Reject(400, 'INVALID_REQUEST', 'Http头缺少Accept或User-Agent');
      }
      checkAuthorization(request, rawBody);
      exchange.signatureVerified = true;
      const serial = request.headers['wechatpay-serial'];
      if (serial !== undefined && serial !== options.wechatpayPublicKeyId) {
        throw new Reject(400, 'INVALID_REQUEST', `Wechatpay-Serial ${String(serial)} 无效`);
      }
      let parsed: Record<string, unknown> = {};
      if (rawBody.length > 0) {
        try {
          parsed = JSON.parse(exchange.body) as Record<string, unknown>;
        } catch {
          throw new Reject(400, 'PARAM_ERROR', '请求体不是合法的JSON');
        }
      }
      const path = url.split('?')[0] as string;
      ({ status, body } = route(method, path, parsed, request, exchange));
      const spoil = tamper;
      tamper = undefined;
      headers = { ...headers, ...signAnswer(body, spoil) };
      if (spoil === 'flip-body-byte') {
        body = flipOneByte(body);
      }
    } catch (error) {
      if (!(error instanceof Reject)) {
        throw error;
      }
      status = error.status;
      body = JSON.stringify({ code: error.code, message: error.message });
    }
    if (body) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
    }
    exchange.status = status;
    exchange.responseHeaders = headers;
    exchange.responseBody = body;
    response.writeHead(status, headers);
    response.end(body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ code: 'SYSTEM_ERROR', message: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    authorizations,
    policies,
    tamperNext: (kind) => {
      tamper = kind;
    },
    grant: (no) => {
      const record = authorizations.get(no);
      if (!record) {
        throw new Error(`no authorization ${no}`);
      }
      record.auth_state = 'AUTH_STATE_GRANTED';
      record.user_auth_time = new Date(now()).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Flips the lowest bit of the first letter or digit of the first string value: still valid JSON. */
function flipOneByte(body: string): string {
  const bytes = Buffer.from(body, 'utf8');
  const start = bytes.indexOf('":"') + 3;
  for (let index = Math.max(start, 0); index < bytes.length; index += 1) {
    const byte = bytes[index] as number;
    if (
      (byte >= 0x30 && byte <= 0x39) ||
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x61 && byte <= 0x7a)
    ) {
      bytes[index] = byte ^ 0x01;
      return bytes.toString('utf8');
    }
  }
  throw new Error('nothing to flip in an empty body');
}
