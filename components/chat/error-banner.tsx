import type { ErrorNotice } from '@/lib/chat/error-notice';

type ErrorBannerProps = { notice: ErrorNotice; onRetry: () => void; onNewChat: () => void };

/** A failed reply in words a user understands, with Retry (and New chat when the chat is too long). */
export function ErrorBanner({ notice, onRetry, onNewChat }: ErrorBannerProps) {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 pb-4">
      <div
        role="alert"
        data-testid="chat-error"
        data-code={notice.code}
        className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-red-300 bg-red-50 px-4 py-2.5 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      >
        <span className="min-w-0 flex-1">{notice.message}</span>
        <span className="flex gap-2">
          {notice.code === 'context_too_long:chat' && (
            <button type="button" onClick={onNewChat} className="rounded-md border border-red-400 px-3 py-1 font-medium hover:bg-red-100 dark:hover:bg-red-900">
              New chat
            </button>
          )}
          <button type="button" onClick={onRetry} className="rounded-md border border-red-400 px-3 py-1 font-medium hover:bg-red-100 dark:hover:bg-red-900">
            Retry
          </button>
        </span>
      </div>
    </div>
  );
}
