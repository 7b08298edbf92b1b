import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';

// The simulator in a real browser: setupWorker (MSW's service worker) in headless Chromium
// from Debian (/usr/bin/chromium; .ci/run installs it). Without it, the test is skipped
// locally, but in CI a missing browser is a failure.
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') {
  throw new Error(`${CHROMIUM} is missing: .ci/run must install Debian's chromium package`);
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

let dir: string | undefined;

async function servePage(): Promise<{ server: Server; url: string }> {
  dir = await mkdtemp(join(tmpdir(), 'wechatpay-browser-'));
  const root = dir;
  await build({
    entryPoints: [join(import.meta.dirname, 'page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outfile: join(root, 'page.js'),
  });
  const msw = createRequire(import.meta.url).resolve('msw/package.json');
  await copyFile(join(msw, '../lib/mockServiceWorker.js'), join(root, 'mockServiceWorker.js'));
  const html =
    '<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>';
  const server = createServer(async (request, response) => {
    const name = request.url === '/' ? null : (request.url ?? '').slice(1);
    const body = name ? await readFile(join(root, name)).catch(() => null) : html;
    const type = name === null ? 'text/html' : (TYPES[extname(name)] ?? 'text/plain');
    response.writeHead(body === null ? 404 : 200, { 'Content-Type': type });
    response.end(body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://localhost:${(server.address() as AddressInfo).port}/` };
}

let browser: Browser | undefined;
let server: Server | undefined;
afterAll(async () => {
  await browser?.close();
  server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!available)('in headless Chromium', () => {
  it(
    'the generated client runs the flow against the simulator behind setupWorker',
    // The one limit: Playwright's own waits are off (timeout 0), so a busy machine only waits.
    { timeout: 120_000 },
    async () => {
      const page$ = await servePage();
      server = page$.server;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        timeout: 0,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      const page = await browser.newPage();
      page.setDefaultTimeout(0);
      const console: string[] = [];
      page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => console.push(`pageerror: ${error.message}`));
      page.on('response', (response) => console.push(`${response.status()} ${response.url()}`));
      onTestFailed(() => void process.stderr.write(`browser console:\n${console.join('\n')}\n`));
      await page.goto(page$.url);
      await page.waitForFunction(() => window.__flow !== undefined);
      const flow = await page.evaluate(() => window.__flow);
      expect(flow).toEqual({
        ok: true,
        steps: [
          'submit:AUTH_STATE_INIT',
          'grant:AUTH_STATE_GRANTED',
          'upload:张三',
          'query:POLICY_STATE_ISSUING',
          'missing:RESOURCE_NOT_EXISTS',
        ],
      });
    },
  );
});
