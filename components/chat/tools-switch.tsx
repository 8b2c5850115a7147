import { cn } from '@/components/ui/cn';

type ToolsSwitchProps = { on: boolean; disabled?: boolean; onChange: (on: boolean) => void };

/** The composer's switch that lets the model call tools in this chat (on by default). */
export function ToolsSwitch({ on, disabled, onChange }: ToolsSwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-label="Tools"
      title={on ? 'Tools on: the model may use the calculator, the clock and MCP tools' : 'Tools off for this chat'}
      disabled={disabled}
      onClick={() => onChange(!on)}
      data-testid="tools-switch"
      className="inline-flex min-h-8 shrink-0 items-center gap-1.5 rounded-md px-1.5 text-xs text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-500 disabled:opacity-50 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      <span
        aria-hidden="true"
        className={cn(
          'relative inline-block h-4 w-7 rounded-full transition-colors',
          on ? 'bg-zinc-800 dark:bg-zinc-200' : 'bg-zinc-300 dark:bg-zinc-700',
        )}
      >
        <span
          className={cn(
            'absolute top-0.5 left-0.5 h-3 w-3 rounded-full bg-white transition-transform dark:bg-zinc-900',
            on && 'translate-x-3',
          )}
        />
      </span>
      Tools
    </button>
  );
}
