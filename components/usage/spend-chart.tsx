'use client';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { pivotByDay } from './pivot-by-day';

// Distinguishable in light and dark mode alike.
const palette = ['#f97316', '#3b82f6', '#10b981', '#a855f7', '#eab308', '#ef4444', '#14b8a6', '#64748b'];

const usd = (value: number) => (value >= 0.01 ? `$${value.toFixed(2)}` : `$${value.toPrecision(2)}`);

/** A stacked bar chart of spend per day, one colour per model or key. */
export function SpendChart({ title, rows }: { title: string; rows: ReadonlyArray<{ day: string; name: string; costUsd: number }> }) {
  const { data, names } = pivotByDay(rows);
  return (
    <section className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" aria-label={title}>
      <h2 className="mb-3 text-sm font-semibold">{title}</h2>
      {data.length === 0 ? (
        <p className="text-sm text-zinc-500">No requests yet.</p>
      ) : (
        <div className="h-64 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} vertical={false} />
              <XAxis dataKey="day" tick={{ fontSize: 11, fill: 'currentColor' }} stroke="currentColor" strokeOpacity={0.4} />
              <YAxis tickFormatter={usd} width={56} tick={{ fontSize: 11, fill: 'currentColor' }} stroke="currentColor" strokeOpacity={0.4} />
              <Tooltip formatter={(value) => usd(Number(value))} contentStyle={{ background: 'var(--background)', borderColor: 'var(--border)', color: 'var(--foreground)', fontSize: 12 }} />
              <Legend wrapperStyle={{ fontSize: 11 }} />
              {names.map((name, index) => (
                <Bar key={name} dataKey={name} stackId="spend" fill={palette[index % palette.length]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}
