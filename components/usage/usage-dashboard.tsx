import type { UsageReport } from '@/lib/usage/usage-report';
import { SpendChart } from './spend-chart';

const usd = (value: number) => `$${value < 1 ? value.toFixed(4) : value.toFixed(2)}`;
const ms = (value: number | null) => (value === null ? '–' : `${Math.round(value)} ms`);

function Tile({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="text-xs text-zinc-600 dark:text-zinc-400">{label}</div>
      <div className="mt-1 text-lg font-semibold tabular-nums">{value}</div>
    </div>
  );
}

/** The /usage dashboard: totals, spend per day by model and by key, and each key against its budget. */
export function UsageDashboard({ report }: { report: UsageReport }) {
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-4 p-4 sm:p-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">Usage</h1>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">Last {report.days} days, from the cost ledger</span>
      </header>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        <Tile label="Spend" value={usd(report.costUsd)} />
        <Tile label="Requests" value={report.requests.toLocaleString('en')} />
        <Tile label="Fallback rate" value={`${(report.fallbackRate * 100).toFixed(1)} %`} />
        <Tile label="TTFT p50" value={ms(report.ttftP50Ms)} />
        <Tile label="TTFT p95" value={ms(report.ttftP95Ms)} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <SpendChart title="Spend per day by model" rows={report.byModel} />
        <SpendChart title="Spend per day by key" rows={report.byKey} />
      </div>
      <section className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" aria-label="Keys">
        <h2 className="mb-3 text-sm font-semibold">Keys and budgets</h2>
        {report.keys.length === 0 ? (
          <p className="text-sm text-zinc-500">No keys yet: npm run keys -- create --name NAME</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {report.keys.map((key) => {
              const share = key.budgetUsd ? Math.min(1, key.spendUsd / key.budgetUsd) : 0;
              return (
                <li key={key.prefix} className="flex flex-col gap-1">
                  <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                    <span className="font-medium">
                      {key.name} <span className="font-mono text-xs text-zinc-500">{key.prefix}</span>
                      {key.revoked ? <span className="ml-2 text-xs text-red-600 dark:text-red-400">revoked</span> : null}
                    </span>
                    <span className="tabular-nums text-zinc-600 dark:text-zinc-400">
                      {usd(key.spendUsd)} {key.budgetUsd === null ? 'no budget' : `of ${usd(key.budgetUsd)} per ${key.period === 'total' ? 'lifetime' : key.period}`}
                    </span>
                  </div>
                  {key.budgetUsd === null ? null : (
                    <div className="h-2 w-full overflow-hidden rounded bg-zinc-100 dark:bg-zinc-800" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)} aria-label={`${key.name} budget used`}>
                      <div className={`h-full ${share >= 0.9 ? 'bg-red-500' : 'bg-orange-500'}`} style={{ width: `${share * 100}%` }} />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </main>
  );
}
