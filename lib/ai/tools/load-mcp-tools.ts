import { createMCPClient, type MCPClient } from '@ai-sdk/mcp';
import type { ToolSet } from 'ai';

/** An MCP server whose tools were loaded, for the page to list. */
export interface McpServerTools {
  /** The server's URL without credentials or query. */
  url: string;
  /** The name the server reported at initialisation. */
  name: string;
  tools: string[];
}

/** The tools of every reachable MCP server, notices for those skipped, and the clients to close after the request. */
export interface LoadedMcpTools {
  tools: ToolSet;
  servers: McpServerTools[];
  notices: string[];
  close(): Promise<void>;
}

/** How long a server may take to connect and list its tools before it is skipped. */
export const mcpConnectTimeoutMs = 3000;

/** A URL fit for a notice: tokens in the user info or query stay out of pages and logs. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

async function withDeadline<T>(work: Promise<T>, ms: number, onLate: (value: T) => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  // A value that arrives after the deadline still holds a connection: hand it back for closing.
  work.then((value) => { if (timer === undefined) onLate(value); }, () => {});
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
    timer = undefined;
  }
}

async function connect(url: string, timeoutMs: number): Promise<{ client: MCPClient; tools: ToolSet }> {
  const signal = AbortSignal.timeout(timeoutMs);
  const client = await withDeadline(
    createMCPClient({ transport: { type: 'http', url }, initializationOptions: { signal, timeout: timeoutMs } }),
    timeoutMs,
    (lateClient) => void lateClient.close().catch(() => {}),
  );
  try {
    const tools: ToolSet = await withDeadline(client.tools(), timeoutMs, () => {});
    return { client, tools };
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
}

/**
 * Connects to each MCP server (streamable HTTP) in parallel and collects its tools. A server that
 * is down, slow (over `timeoutMs`) or broken is skipped with a notice, never failing the request;
 * a tool whose name an earlier server or `reserved` already uses is skipped too. Call `close()` once
 * the request is over (tools can be called until then).
 */
export async function loadMcpTools(
  urls: readonly string[],
  { timeoutMs = mcpConnectTimeoutMs, reserved = [] }: { timeoutMs?: number; reserved?: readonly string[] } = {},
): Promise<LoadedMcpTools> {
  const results = await Promise.allSettled(urls.map((url) => connect(url, timeoutMs)));
  const tools: ToolSet = {};
  const servers: McpServerTools[] = [];
  const notices: string[] = [];
  const clients: MCPClient[] = [];
  const taken = new Set(reserved);
  results.forEach((result, index) => {
    const url = displayUrl(urls[index] ?? '');
    if (result.status === 'rejected') {
      notices.push(`MCP server ${url} is unavailable and was skipped.`);
      console.warn('[flint] MCP server skipped', { url, error: result.reason instanceof Error ? result.reason.message : String(result.reason) });
      return;
    }
    clients.push(result.value.client);
    const names: string[] = [];
    for (const [name, definition] of Object.entries(result.value.tools)) {
      if (taken.has(name)) {
        notices.push(`MCP tool "${name}" from ${url} was skipped: another tool already has that name.`);
        continue;
      }
      taken.add(name);
      tools[name] = definition;
      names.push(name);
    }
    servers.push({ url, name: result.value.client.serverInfo.name, tools: names });
  });
  return {
    tools,
    servers,
    notices,
    close: async () => {
      await Promise.allSettled(clients.map((client) => client.close()));
    },
  };
}
