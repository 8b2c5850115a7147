import { z } from 'zod';
import type { gatewayKeys } from '../db/schema.ts';
import type { BudgetPeriod } from './budget-period.ts';

/** A key's stored row. */
export type GatewayKeyRow = typeof gatewayKeys.$inferSelect;

/** What `keys create` and the admin API accept. */
export const newKeySchema = z.object({
  name: z.string().trim().min(1).max(100),
  budgetUsd: z.number().positive().optional(),
  period: z.enum(['day', 'month', 'total']).default('month'),
  rpm: z.number().int().positive().optional(),
  tpm: z.number().int().positive().optional(),
  models: z.array(z.string().trim().min(1)).min(1).optional(),
  allowServerFallback: z.boolean().default(false),
});

/** A key to create, parsed. */
export type NewKey = z.infer<typeof newKeySchema>;

/** A key as lists show it (never the secret or its hash). */
export interface KeySummary {
  name: string;
  prefix: string;
  spend_usd: number;
  budget_usd: number | null;
  period: BudgetPeriod;
  rpm: number | null;
  tpm: number | null;
  models: string[] | null;
  created_at: string;
  last_used_at: string | null;
  revoked: boolean;
}

/** The list form of a stored key. */
export function summarizeKey(row: GatewayKeyRow): KeySummary {
  return {
    name: row.name,
    prefix: row.prefix,
    spend_usd: row.spendUsd,
    budget_usd: row.budgetUsd,
    period: row.period as BudgetPeriod,
    rpm: row.rpm,
    tpm: row.tpm,
    models: row.models,
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked: row.revokedAt !== null,
  };
}
