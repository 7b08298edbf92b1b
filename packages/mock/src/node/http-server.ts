import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_BASE_URL } from '@wechatpay-kit/core';
import { errorBody, toHeaders } from '@wechatpay-kit/core/internal';
import { getResponse, type RequestHandler } from 'msw';

export interface MockHttpServerOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** The origin the handlers match; requests are served as if sent to it. @default api.mch.weixin.qq.com */
  origin?: string;
  /** Extra routes tried first, e.g. the simulator's control endpoints. */
  routes?: (request: Request) => Promise<Response | undefined>;
}

export interface MockHttpServer {
  /** e.g. `http://127.0.0.1:43121`: give it to any client as its base URL. */
  readonly url: string;
  /** Stops listening; every call after the first gets the same promise. */
  close(): Promise<void>;
}

/**
 * Serves MSW handlers over real HTTP on localhost, for clients in any language. The request
 * path is kept as sent, so request signatures (which cover path and query, not the host) hold.
 */
export async function startMockHttpServer(
  handlers: readonly RequestHandler[],
  options: MockHttpServerOptions = {},
): Promise<MockHttpServer> {
  const origin = (options.origin ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const server = createServer((incoming, outgoing) => {
    void answer(
      incoming,
      outgoing,
      async (request) => {
        const routed = await options.routes?.(request);
        return routed ?? (await getResponse([...handlers], request)) ?? notFound(request);
      },
      origin,
    );
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { address, port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${address}:${port}`,
    close: () =>
      (closed ??= new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      )),
  };
}

async function answer(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  respond: (request: Request) => Promise<Response>,
  origin: string,
): Promise<void> {
  try {
    const response = await respond(await toRequest(incoming, origin));
    if (response.type === 'error') {
      outgoing.destroy(); // a simulated dropped connection
      return;
    }
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    outgoing.writeHead(500, { 'Content-Type': 'application/json' });
    outgoing.end(JSON.stringify(errorBody('SYSTEM_ERROR', String(error))));
  }
}

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) {
    chunks.push(chunk as Buffer);
  }
  const headers = toHeaders(incoming.headers);
  const body = chunks.length > 0 ? Buffer.concat(chunks) : null;
  return new Request(origin + (incoming.url ?? '/'), {
    method: incoming.method ?? 'GET',
    headers,
    body,
  });
}

function notFound(request: Request): Response {
  const message = `no mock for ${request.method} ${new URL(request.url).pathname}`;
  return Response.json(errorBody('NOT_FOUND', message), { status: 404 });
}
