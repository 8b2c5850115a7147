import type { ErrorNotice } from '@/lib/chat/error-notice';

/** A failed reply in words a user understands, with Retry when trying again can help. */
export function ErrorBanner({ notice, onRetry }: { notice: ErrorNotice; onRetry: () => void }) {
  return (
    <div role="alert" data-testid="chat-error" className="mx-auto mb-2 flex w-full max-w-3xl items-center gap-3 rounded-lg border border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <span className="flex-1">{notice.message}</span>
      <button type="button" onClick={onRetry} className="rounded-md border border-red-400 px-3 py-1 font-medium hover:bg-red-100 dark:hover:bg-red-900">
        Retry
      </button>
    </div>
  );
}
