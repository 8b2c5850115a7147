import type { ToolsInfo } from '@/lib/chat/message';

/** Under an answer: why a configured tool was not offered (an MCP server down, a tool the provider cannot take). */
export function ToolsNotice({ info }: { info: ToolsInfo | undefined }) {
  if (!info || info.notices.length === 0) return null;
  return (
    <ul data-testid="tools-notice" aria-label="Tool notices" className="mt-2 space-y-0.5 text-xs text-amber-800 dark:text-amber-300">
      {info.notices.map((notice) => (
        <li key={notice} className="flex gap-1.5">
          <span aria-hidden="true">⚠</span>
          <span className="break-words">{notice}</span>
        </li>
      ))}
    </ul>
  );
}
