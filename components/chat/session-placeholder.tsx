/** The conversation's frame while its code and history load: same shape, so nothing jumps. */
export function SessionPlaceholder() {
  return (
    <main className="flex min-h-0 flex-1 flex-col" aria-busy="true" data-testid="chat-loading">
      <div className="flex-1" />
      <div className="mx-auto w-full max-w-3xl px-3 pb-3">
        <div className="h-[6.125rem] rounded-2xl border border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-900" />
        <div className="mt-1.5 hidden h-4 sm:block" />
      </div>
    </main>
  );
}
