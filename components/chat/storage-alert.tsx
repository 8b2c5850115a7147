/** A storage failure said plainly: chats are not being saved, and why. */
export function StorageAlert({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div role="alert" data-testid="storage-error" className="flex items-start gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      <span className="flex-1">{message}</span>
      <button type="button" onClick={onDismiss} className="rounded-md px-2 py-0.5 font-medium underline-offset-2 hover:underline">
        Dismiss
      </button>
    </div>
  );
}
