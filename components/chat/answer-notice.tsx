type AnswerNoticeProps = { reason: 'interrupted' | 'stopped'; onContinue: (() => void) | undefined };

const explanations = {
  interrupted: 'This answer was cut off before it was finished: the connection dropped or the page closed.',
  stopped: 'You stopped this answer.',
} as const;

/** Says why an answer ends early, and offers Continue when it is the latest answer. */
export function AnswerNotice({ reason, onContinue }: AnswerNoticeProps) {
  return (
    <div
      data-testid={`answer-${reason}`}
      className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300"
    >
      <span>{explanations[reason]}</span>
      {onContinue && (
        <button
          type="button"
          onClick={onContinue}
          className="rounded-md border border-zinc-300 px-2.5 py-0.5 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Continue
        </button>
      )}
    </div>
  );
}
