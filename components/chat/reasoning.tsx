import { formatDuration } from '@/lib/chat/format-duration';

type ReasoningProps = { text: string; thinking: boolean; durationMs: number | undefined };

/** The model's reasoning, collapsed under "Thinking" with how long it took; open it to read. */
export function Reasoning({ text, thinking, durationMs }: ReasoningProps) {
  return (
    <details data-testid="reasoning" className="group mb-3 text-sm">
      <summary className="inline-flex cursor-pointer select-none list-none items-center gap-1.5 rounded-md py-0.5 pr-2 text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100 [&::-webkit-details-marker]:hidden">
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" className="transition-transform group-open:rotate-90">
          <path d="M4 2l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
        <span className={thinking ? 'animate-pulse' : undefined}>{thinking ? 'Thinking…' : 'Thinking'}</span>
        {!thinking && durationMs !== undefined && (
          <span data-testid="reasoning-duration" className="tabular-nums text-zinc-600 dark:text-zinc-400">· {formatDuration(durationMs)}</span>
        )}
      </summary>
      <div className="mt-2 whitespace-pre-wrap border-l-2 border-zinc-300 pl-3 leading-relaxed text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        {text}
      </div>
    </details>
  );
}
