import type { MessageMetadata } from '@/lib/chat/message';
import { describeServedBy } from '@/lib/chat/served-by';

/** Which model answered (or that the answer came from the cache), which ones it fell back from and why, and what it cost. */
export function ServedByBadge({ metadata }: { metadata: MessageMetadata | undefined }) {
  const text = describeServedBy(metadata);
  if (!text) return null;
  return (
    <p data-testid="served-by" className="text-xs leading-5 text-zinc-600 dark:text-zinc-400">
      served by{' '}
      <span className="font-medium text-zinc-800 dark:text-zinc-200" title={text.modelId}>
        {text.model}
      </span>
      {text.cache && (
        <span data-testid="served-by-cache">
          {' · '}
          {text.cache}
        </span>
      )}
      {text.fallback && (
        <span data-testid="served-by-fallback" className="text-amber-800 dark:text-amber-300">
          {' · '}
          {text.fallback}
        </span>
      )}
      {text.continued && (
        <span data-testid="served-by-continued" className="text-amber-800 dark:text-amber-300">
          {' · '}
          {text.continued}
        </span>
      )}
      {text.usage && (
        <span data-testid="served-by-usage" className="tabular-nums">
          {' · '}
          {text.usage}
        </span>
      )}
    </p>
  );
}
