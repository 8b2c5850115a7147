import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

/** A Next-style route handler. */
export type RouteHandler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

/** A route table entry: method, a path pattern with an optional `:id`, and the handler. */
export type RouteEntry = [method: string, pattern: string, handler: RouteHandler];

function toRequest(incoming: IncomingMessage, url: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
  const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD';
  return new Request(url, { method: incoming.method, headers, body: hasBody ? (Readable.toWeb(incoming) as ReadableStream) : undefined, duplex: 'half' } as RequestInit);
}

async function send(response: Response, outgoing: ServerResponse): Promise<void> {
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  const reader = response.body?.getReader();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    outgoing.write(chunk.value);
  }
  outgoing.end();
}

/** Serves Next route handlers on a random port, as Next would call them, so official clients can talk to them. */
export async function serveRoutes(routes: RouteEntry[]): Promise<{ url: string; close(): Promise<void> }> {
  const compiled = routes.map(([method, pattern, handler]) => ({ method, handler, regex: new RegExp(`^${pattern.replace(':id', '([^/]+)')}$`) }));
  const server = createServer((incoming, outgoing) => {
    const url = `http://127.0.0.1${incoming.url ?? '/'}`;
    const path = new URL(url).pathname;
    for (const route of compiled) {
      const match = route.regex.exec(path);
      if (!match || route.method !== incoming.method) continue;
      void route.handler(toRequest(incoming, url), { params: Promise.resolve({ id: match[1] ?? '' }) }).then((response) => send(response, outgoing));
      return;
    }
    outgoing.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}
