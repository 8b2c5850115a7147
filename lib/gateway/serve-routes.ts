import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/** A route module's handlers, as Next's App Router calls them. */
export type RouteHandlers = Partial<Record<'GET' | 'POST' | 'DELETE', (request: Request) => Response | Promise<Response>>>;

/** A running node:http server in front of route handlers. */
export interface ServedRoutes {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves App Router handlers over real HTTP on a free port (tests, bench): the request's signal
 * aborts when the client disconnects, and response bodies are streamed as they are produced.
 */
export async function serveRoutes(routes: Record<string, RouteHandlers>): Promise<ServedRoutes> {
  const server = createServer((incoming, outgoing) => void handle(routes, incoming, outgoing));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(routes: Record<string, RouteHandlers>, incoming: IncomingMessage, outgoing: ServerResponse) {
  const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
  const handler = routes[url.pathname]?.[incoming.method as keyof RouteHandlers];
  if (handler === undefined) {
    outgoing.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"no route","type":"invalid_request_error","code":"not_found","param":null}}');
    return;
  }
  const controller = new AbortController();
  outgoing.on('close', () => {
    if (!outgoing.writableFinished) controller.abort(new Error('client disconnected'));
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
  const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD';
  const request = new Request(url, {
    method: incoming.method ?? 'GET',
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: Readable.toWeb(incoming) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
  const response = await handler(request);
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body === null) {
    outgoing.end();
    return;
  }
  const reader = response.body.getReader();
  outgoing.on('close', () => void reader.cancel(new Error('client disconnected')).catch(() => undefined));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      outgoing.write(value);
    }
    outgoing.end();
  } catch {
    outgoing.destroy();
  }
}
