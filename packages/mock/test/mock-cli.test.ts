import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createInspolicymgrClient } from '@wechatpay-kit/inspolicymgr';
import { describe, expect, it, onTestFinished } from 'vitest';
import { main } from '../src/node/cli.js';
import { submitBody } from './simulator-fixtures.js';

type Config = Record<string, string>;

/** Starts the mock in this process on a free port; it is closed when the test ends. */
async function startMock(...args: string[]): Promise<{ config: Config; close(): Promise<void> }> {
  let printed = '';
  const mock = await main(['--port', '0', ...args], {
    stdout: { write: (text: string) => (printed += text) },
  });
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= mock.close());
  onTestFinished(close);
  return { config: JSON.parse(printed) as Config, close };
}

/** A client configured from the printed configuration, as the README tells users to. */
async function clientFrom(config: Config) {
  return createInspolicymgrClient({
    baseUrl: config.baseUrl as string,
    mchid: config.mchid as string,
    merchant: {
      serialNo: config.merchantSerialNo as string,
      privateKey: await readFile(config.merchantPrivateKeyFile!, 'utf8'),
    },
    wechatpay: {
      publicKeyId: config.wechatpayPublicKeyId as string,
      publicKey: await readFile(config.wechatpayPublicKeyFile!, 'utf8'),
    },
  });
}

describe('wechatpay-mock', () => {
  it('prints its configuration and serves signed answers to a client built from it', async () => {
    const { config } = await startMock();
    expect(config.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = await clientFrom(config);
    const { data } = await client.submitAuthorization({ body: submitBody('CLI0001') });
    expect(data?.auth_state).toBe('AUTH_STATE_INIT');
  });

  it('close stops the server and removes the key files it wrote', async () => {
    const { config, close } = await startMock();
    const keyDir = dirname(config.wechatpayPublicKeyFile!);
    expect(dirname(config.merchantPrivateKeyFile!)).toBe(keyDir);
    await close();
    expect(existsSync(keyDir)).toBe(false);
    await expect(fetch(config.baseUrl!)).rejects.toThrow();
  });

  it('an unknown --product is named with the products there are', async () => {
    await expect(main(['--product', 'nope', '--port', '0'])).rejects.toThrow(
      'unknown product "nope" (products: inspolicymgr)',
    );
  });

  it('--help prints the usage and starts nothing', async () => {
    let printed = '';
    const mock = await main(['--help'], { stdout: { write: (text: string) => (printed += text) } });
    await mock.close();
    expect(printed).toMatch(/^Usage: wechatpay-mock /);
  });
});

// The one test that starts the real executable (from dist): its stdout and its signal handling.
describe('bin/mock.js', () => {
  it('prints the configuration, and on SIGTERM exits 0 and removes its key files', async () => {
    const child = spawn(
      process.execPath,
      [resolve(import.meta.dirname, '../bin/mock.js'), '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    onTestFinished(() => void child.kill('SIGKILL'));
    let printed = '';
    let config: Config | undefined;
    for await (const chunk of child.stdout) {
      printed += String(chunk);
      config = parsed(printed);
      if (config) break;
    }
    expect(config?.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
    expect(existsSync(dirname(config!.wechatpayPublicKeyFile!))).toBe(false);
  });
});

function parsed(text: string): Config | undefined {
  try {
    return JSON.parse(text) as Config;
  } catch {
    return undefined; // not the whole JSON yet
  }
}
