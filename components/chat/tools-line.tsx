import type { ToolsInfo } from '@/lib/chat/message';

/** Under the composer: which tools the last answer could use (MCP tools with their server), or that tools are off. */
export function ToolsLine({ on, info }: { on: boolean; info: ToolsInfo | undefined }) {
  if (!on) return <p data-testid="tools-line" className="text-xs text-zinc-600 dark:text-zinc-400">Tools are off for this chat.</p>;
  if (!info) return null;
  const fromServer = new Map(info.mcpServers.flatMap((server) => server.tools.map((tool) => [tool, server.name] as const)));
  const names = info.tools.map((tool) => (fromServer.has(tool) ? `${tool} (${fromServer.get(tool)})` : tool));
  return (
    <p data-testid="tools-line" className="break-words text-xs text-zinc-600 dark:text-zinc-400">
      Tools: {names.join(', ')}
      {info.notices.length > 0 && <span className="text-amber-800 dark:text-amber-300"> · {info.notices.length === 1 ? '1 notice' : `${info.notices.length} notices`} under the last answer</span>}
    </p>
  );
}
