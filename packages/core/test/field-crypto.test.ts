import { describe, expect, it } from 'vitest';
import { importRsaKey } from '../src/crypto/keys.js';
import { oaepDecrypt, oaepEncrypt } from '../src/crypto/rsa.js';
import { WechatpayDecryptionError, WechatpayEncryptionError } from '../src/index.js';
import { KEY_ID, client, merchantPair, scripted, signed, wechatpayPair } from './support.js';

const wechatpayDecrypt = async (ciphertext: string) =>
  oaepDecrypt(await importRsaKey(wechatpayPair.privateKey, 'decrypt', 'wechatpay'), ciphertext);
const merchantEncrypt = async (plaintext: string) =>
  oaepEncrypt(await importRsaKey(merchantPair.publicKey, 'encrypt', 'merchant'), plaintext);

describe('sensitive fields', () => {
  it('encrypts marked request fields with the WeChat Pay key and names it in Wechatpay-Serial', async () => {
    const { fetch, requests } = scripted(async () =>
      signed({ names: [await merchantEncrypt('李四')] }),
    );
    const { data, response } = await client(fetch).addPerson({
      body: { names: ['张三', '王五'], note: 'plain' },
      params: { header: { 'Wechatpay-Serial': 'PUB_KEY_ID_SOMETHING_ELSE' } },
    });
    const request = requests[0] as Request;
    expect(request.headers.get('Wechatpay-Serial')).toBe(KEY_ID);
    const sent = (await request.json()) as { names: string[]; note: string };
    expect(sent.note).toBe('plain');
    expect(sent.names).not.toContain('张三');
    expect(await Promise.all(sent.names.map(wechatpayDecrypt))).toEqual(['张三', '王五']);
    expect(data).toEqual({ names: ['李四'] });
    // The answer's headers describe the plaintext body the caller got.
    expect(response.headers.get('Content-Length')).toBe(
      String(new TextEncoder().encode(JSON.stringify(data)).length),
    );
  });

  it('rejects plaintext longer than OAEP allows, naming the field, before sending', async () => {
    const { fetch, requests } = scripted();
    const long = '名'.repeat(72); // 216 UTF-8 bytes
    const call = client(fetch).addPerson({ body: { names: ['张三', long] } });
    await expect(call).rejects.toBeInstanceOf(WechatpayEncryptionError);
    await expect(call).rejects.toThrow(
      'Cannot encrypt /names/1: the value is 216 UTF-8 bytes; RSA-OAEP with the WeChat Pay key takes at most 214',
    );
    expect(requests).toHaveLength(0);
  });

  it('accepts exactly 214 bytes', async () => {
    const { fetch, requests } = scripted(() => signed({}));
    await client(fetch).addPerson({ body: { names: ['a'.repeat(214)] } });
    const sent = (await (requests[0] as Request).json()) as { names: string[] };
    expect(await wechatpayDecrypt(sent.names[0] as string)).toBe('a'.repeat(214));
  });

  it('rejects a non-string value in an encrypted field', async () => {
    const call = client(scripted().fetch).addPerson({ body: { names: [42] } });
    await expect(call).rejects.toThrow(
      'Cannot encrypt /names/0: expected a plaintext string, got number',
    );
  });

  it('can be turned off for callers who encrypt themselves', async () => {
    const { fetch, requests } = scripted(() => signed({}));
    await client(fetch, { encryptSensitiveFields: false }).addPerson({
      body: { names: ['ALREADY_CIPHERTEXT'] },
      params: { header: { 'Wechatpay-Serial': 'PUB_KEY_ID_MINE' } },
    });
    const request = requests[0] as Request;
    expect(await request.json()).toEqual({ names: ['ALREADY_CIPHERTEXT'] });
    expect(request.headers.get('Wechatpay-Serial')).toBe('PUB_KEY_ID_MINE');
  });

  it('sets Wechatpay-Serial on requests without encrypted fields too, so answers are signed with that key', async () => {
    const { fetch, requests } = scripted(() => signed({}));
    await client(fetch).getThing({ params: { path: { id: '1' } } });
    expect(requests[0]?.headers.get('Wechatpay-Serial')).toBe(KEY_ID);
  });

  it('a response field that does not decrypt rejects with a typed error naming it', async () => {
    const { fetch } = scripted(() => signed({ names: ['bm90IGNpcGhlcnRleHQ='] }));
    const call = client(fetch).addPerson({ body: { names: [] } });
    await expect(call).rejects.toBeInstanceOf(WechatpayDecryptionError);
    await expect(call).rejects.toMatchObject({ field: '/names/0' });
  });
});
