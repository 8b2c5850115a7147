import { tiers, type Tier } from '@/lib/chat/tiers';
import { cn } from '@/components/ui/cn';

const tierLabels: Record<Tier, { label: string; hint: string }> = {
  auto: { label: 'Auto', hint: 'Flint picks a model for each question' },
  speed: { label: 'Speed', hint: 'The fastest model' },
  quality: { label: 'Quality', hint: 'The strongest model, a little slower' },
};

/** Auto / Speed / Quality as a segmented radio group: arrow keys move between them. */
export function TierSelect({ tier, onChange, disabled }: { tier: Tier; onChange: (tier: Tier) => void; disabled: boolean }) {
  return (
    <fieldset className="flex rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-800" disabled={disabled} data-testid="tier-select">
      <legend className="sr-only">Model tier</legend>
      {tiers.map((value) => (
        <label
          key={value}
          title={tierLabels[value].hint}
          className={cn(
            'cursor-pointer rounded-md px-2.5 py-1 text-xs font-medium transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-orange-500',
            tier === value
              ? 'bg-white text-zinc-900 shadow-sm dark:bg-zinc-950 dark:text-zinc-100'
              : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
          )}
        >
          <input
            type="radio"
            name="tier"
            value={value}
            checked={tier === value}
            onChange={() => onChange(value)}
            className="sr-only"
          />
          {tierLabels[value].label}
        </label>
      ))}
    </fieldset>
  );
}
