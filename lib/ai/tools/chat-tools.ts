import type { ToolSet } from 'ai';
import type { ModelEntry } from '@/lib/ai/catalog/model-entry';
import { calculator } from './calculator';
import { currentTime } from './current-time';
import { groqServerTools } from './groq-server-tools';
import { loadMcpTools, mcpConnectTimeoutMs, type McpServerTools } from './load-mcp-tools';
import { withToolTimeout } from './with-tool-timeout';

/** What to offer: configuration (lib/env `tools`) plus the router's candidates for this request. */
export interface ChatToolsConfig {
  /** FLINT_GROQ_TOOLS, e.g. `['browser_search']`. */
  groqTools: readonly string[];
  /** FLINT_MCP_SERVERS: streamable-HTTP URLs. */
  mcpServers: readonly string[];
  /** The models that may serve the request; Groq's tools are offered only if one can run them. */
  models: readonly ModelEntry[];
  /** Per tool call, for tools Flint runs (built-in and MCP). */
  toolTimeoutMs?: number;
  /** Per MCP server, to connect and list its tools. */
  mcpTimeoutMs?: number;
}

/** The tools of one chat request. Call `close()` when the request ends, also on error or abort. */
export interface ChatTools {
  tools: ToolSet;
  /** Why something configured is not offered (server down, tool unsupported): safe to show. */
  notices: string[];
  /** The MCP servers that answered, with their tool names, for the page to list. */
  mcpServers: McpServerTools[];
  close(): Promise<void>;
}

/** Default limit for one tool call. */
export const toolTimeoutMs = 10_000;

/** Flint's own tools, safe to run on the server. */
export const builtInTools = { calculator, current_time: currentTime } satisfies ToolSet;

// The built-ins with their time limit, made once per limit: the same tool objects every request, so
// their prepared definitions are cached (model-tools.ts), where fresh wrappers cost 0.03-0.1 ms each time.
const limitedBuiltIns = new Map<number, ToolSet>();
function builtInsWithin(limit: number): ToolSet {
  let tools = limitedBuiltIns.get(limit);
  if (tools === undefined) limitedBuiltIns.set(limit, (tools = withToolTimeout(builtInTools, limit)));
  return tools;
}

/**
 * Assembles a request's tools: the built-ins, Groq's built-in tools (wrap every candidate with
 * serverToolsMiddleware so only models that run them receive them) and every reachable MCP
 * server's tools. Tools Flint runs fail as tool errors after `toolTimeoutMs`, never killing the chat.
 */
export async function chatTools(config: ChatToolsConfig): Promise<ChatTools> {
  const groq = groqServerTools({ enabled: config.groqTools, models: config.models });
  const reserved = [...Object.keys(builtInTools), ...Object.keys(groq.tools)];
  const mcp = await loadMcpTools(config.mcpServers, { timeoutMs: config.mcpTimeoutMs ?? mcpConnectTimeoutMs, reserved });
  const limit = config.toolTimeoutMs ?? toolTimeoutMs;
  return {
    tools: { ...builtInsWithin(limit), ...groq.tools, ...withToolTimeout(mcp.tools, limit) },
    notices: [...groq.notices, ...mcp.notices],
    mcpServers: mcp.servers,
    close: mcp.close,
  };
}
