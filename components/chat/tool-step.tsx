import { cn } from '@/components/ui/cn';
import { shortOutputChars, type ToolStep as Step } from '@/lib/chat/tool-step';

const statusText = { running: 'Running…', done: 'Done', error: 'Failed' } as const;

function isShort(text: string) {
  return text.length <= shortOutputChars && !text.includes('\n');
}

/** A wrench, or a globe for a tool the provider ran on the web. */
function StepIcon({ web }: { web: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" className="shrink-0">
      {web ? (
        <>
          <circle cx="12" cy="12" r="9" />
          <path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" />
        </>
      ) : (
        <path d="M14.7 6.3a4 4 0 0 0-5.4 5.1L3 17.7 6.3 21l6.3-6.3a4 4 0 0 0 5.1-5.4l-2.6 2.6-2.5-.6-.6-2.5Z" />
      )}
    </svg>
  );
}

/** A disclosure for long text: closed by default, a real button for keyboards and screen readers. */
function LongText({ label, text, tone }: { label: string; text: string; tone: 'plain' | 'error' }) {
  return (
    <details data-testid="tool-step-more" className="group/more mt-1">
      <summary className="inline-flex cursor-pointer select-none list-none items-center gap-1 rounded text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 dark:text-zinc-400 dark:hover:text-zinc-100 [&::-webkit-details-marker]:hidden">
        <svg width="10" height="10" viewBox="0 0 12 12" aria-hidden="true" className="transition-transform group-open/more:rotate-90">
          <path d="M4 2l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
        {label}
      </summary>
      <pre
        className={cn(
          'mt-1 max-h-72 overflow-auto whitespace-pre-wrap break-words rounded-md px-2 py-1.5 font-mono text-xs',
          tone === 'error' ? 'bg-red-50 text-red-800 dark:bg-red-950/50 dark:text-red-200' : 'bg-zinc-100 text-zinc-800 dark:bg-zinc-800/70 dark:text-zinc-200',
        )}
      >
        {text}
      </pre>
    </details>
  );
}

/**
 * One tool call where it happened in the answer: its name, its input, "Running…" while it runs
 * (the step is aria-busy and its status is a polite live region), then its output, collapsed when
 * long, or its error. Groq's built-in tools say they ran at Groq and list their web sources.
 */
export function ToolStep({ step }: { step: Step }) {
  const running = step.status === 'running';
  const label = `Tool ${step.name}`;
  return (
    <div
      role="group"
      aria-label={label}
      aria-busy={running || undefined}
      data-testid="tool-step"
      data-tool={step.name}
      data-state={step.status}
      className={cn(
        'mb-3 max-w-full rounded-lg border px-3 py-2 text-sm',
        step.status === 'error'
          ? 'border-red-200 bg-red-50/60 dark:border-red-900 dark:bg-red-950/30'
          : 'border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900',
      )}
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-zinc-700 dark:text-zinc-300">
        <StepIcon web={step.name === 'browser_search'} />
        <span className="font-mono font-medium break-all">{step.name}</span>
        {step.byProvider && <span className="text-xs text-zinc-600 dark:text-zinc-400">run by Groq</span>}
        <span
          role="status"
          data-testid="tool-step-status"
          className={cn(
            'ml-auto text-xs',
            running && 'motion-safe:animate-pulse text-zinc-600 dark:text-zinc-400',
            step.status === 'done' && 'text-emerald-700 dark:text-emerald-400',
            step.status === 'error' && 'font-medium text-red-700 dark:text-red-300',
          )}
        >
          <span className="sr-only">{step.name}: </span>
          {statusText[step.status]}
        </span>
      </div>
      {step.input !== undefined &&
        (isShort(step.input) ? (
          <p className="mt-1 break-words text-zinc-600 dark:text-zinc-400">
            <span className="sr-only">Input: </span>
            <code data-testid="tool-step-input" className="rounded bg-zinc-200/70 px-1 py-0.5 font-mono text-xs text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
              {step.input}
            </code>
          </p>
        ) : (
          <LongText label="Input" text={step.input} tone="plain" />
        ))}
      {step.output !== undefined &&
        (isShort(step.output) ? (
          <p data-testid="tool-step-output" className="mt-1 break-words text-zinc-800 dark:text-zinc-200">
            <span className="text-zinc-600 dark:text-zinc-400">Result: </span>
            <span className="font-mono">{step.output}</span>
          </p>
        ) : (
          <LongText label={`Output (${step.output.split('\n').length} lines)`} text={step.output} tone="plain" />
        ))}
      {step.error !== undefined &&
        (isShort(step.error) ? (
          <p data-testid="tool-step-error" className="mt-1 break-words text-red-800 dark:text-red-200">
            <span className="font-medium">Error: </span>
            {step.error}
          </p>
        ) : (
          <LongText label="Error details" text={step.error} tone="error" />
        ))}
      {step.sources.length > 0 && (
        <ul aria-label="Sources" className="mt-1 space-y-0.5">
          {step.sources.map((source) => (
            <li key={source.url} className="truncate">
              <a href={source.url} target="_blank" rel="noopener noreferrer nofollow" className="text-blue-700 underline underline-offset-2 hover:text-blue-900 dark:text-blue-400 dark:hover:text-blue-300">
                {source.title}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
