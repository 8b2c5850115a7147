import { FlintLogo } from '@/components/ui/flint-logo';

const examples = [
  'Explain how ocean tides work, simply',
  'Write a TypeScript function that checks for palindromes',
  'Plan a relaxed three-day trip to Lisbon',
  'What are the trade-offs of server-side rendering?',
];

/** The first screen: what Flint is, and a few prompts to start from. */
export function EmptyState({ onPick, disabled }: { onPick: (prompt: string) => void; disabled: boolean }) {
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col items-center px-4 pt-[12vh] text-center" data-testid="empty-state">
      <FlintLogo className="size-12" />
      <h2 className="mt-3 text-xl font-semibold">What can I help with?</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Fast answers from open models on Groq, with the model that answered shown on every reply.</p>
      <ul className="mt-8 grid w-full gap-2 sm:grid-cols-2" aria-label="Example prompts">
        {examples.map((example) => (
          <li key={example}>
            <button
              type="button"
              data-testid="example-prompt"
              disabled={disabled}
              onClick={() => onPick(example)}
              className="h-full w-full rounded-xl border border-zinc-200 px-4 py-3 text-left text-sm text-zinc-700 hover:border-zinc-300 hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-800 dark:text-zinc-300 dark:hover:border-zinc-700 dark:hover:bg-zinc-900"
            >
              {example}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
