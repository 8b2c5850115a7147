import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

/** A running MCP test server and what its tools were asked. */
export interface RunningMcpServer {
  /** The streamable-HTTP endpoint, http://127.0.0.1:PORT/mcp. */
  url: string;
  /** Every call of the `word_count` tool, in order. */
  calls: Array<{ text: string }>;
  close(): Promise<void>;
}

function buildServer(calls: RunningMcpServer['calls']): McpServer {
  const server = new McpServer({ name: 'flint-test-mcp', version: '1.0.0' });
  server.registerTool(
    'word_count',
    { description: 'Counts the words in a text', inputSchema: { text: z.string() } },
    async ({ text }) => {
      calls.push({ text });
      const words = text.trim().split(/\s+/).filter(Boolean).length;
      return { content: [{ type: 'text', text: `${words} words` }] };
    },
  );
  return server;
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : JSON.parse(text);
}

/**
 * Starts a real MCP server (the TypeScript SDK's McpServer over stateless streamable HTTP) on a
 * free port (or `port`), offering one tool, `word_count { text }`. Out of band, `GET /_calls` lists
 * the tool's calls and `DELETE /_calls` clears them, for tests in another process (e2e).
 */
export async function startMcpServer({ port = 0 }: { port?: number } = {}): Promise<RunningMcpServer> {
  const calls: RunningMcpServer['calls'] = [];
  const http = createServer((request, response) => {
    if (request.url === '/_calls') {
      if (request.method === 'DELETE') calls.length = 0;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(calls));
      return;
    }
    void (async () => {
      // Stateless mode: a fresh server and transport per request, as the SDK recommends.
      const server = buildServer(calls);
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      response.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      const body = request.method === 'POST' ? await readJsonBody(request) : undefined;
      await transport.handleRequest(request, response, body);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  const address = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/mcp`,
    calls,
    close: () => new Promise<void>((resolve) => {
      http.close(() => resolve());
      http.closeAllConnections();
    }),
  };
}
