import 'server-only';
import type { ModelEntry } from '@/lib/ai/catalog/model-entry';
import { sharedDatabase } from '@/lib/db/shared-database';
import { FlintError } from '@/lib/errors';
import { budgetsOf } from '@/lib/gateway/budgets-of';
import { secondsUntilReset, type BudgetPeriod } from '@/lib/gateway/budget-period';
import type { GatewayKeyRow } from '@/lib/gateway/gateway-key';
import type { KeyRateLimits } from '@/lib/gateway/key-rate-limits';
import { currentPeriodStart } from '@/lib/gateway/key-store';
import { reservationUsd } from '@/lib/gateway/reservation';
import { trackWrite } from '@/lib/usage/pending-writes';
import type { TraceUsage } from '@/lib/usage/usage-of-trace';

/** A chat admitted on a key: the models it may use, and how to settle what it really cost. */
export interface ChatKeyCharge {
  candidates: ModelEntry[];
  /** Releases the budget hold and the tpm estimate for the real usage; once, however the chat ended. */
  settle(usage: TraceUsage): void;
}

/**
 * Admits a chat-page request on the gateway key its session is charged to, as /v1 does
 * (lib/services/gateway-chat.ts): the key's allowed models filter the router's chain (403
 * `forbidden:key`), its rpm/tpm go through the shared key rate limits (429 `rate_limit:key`), and
 * the budget is held before any model is called (429 `quota:key` with the wait until the period
 * resets). `calls` is how many model calls the answer may make (tool steps), so the hold covers them.
 * `limits` is the runtime's (one Store per process, shared by instances on Redis).
 */
export async function chargeChatKey(
  key: GatewayKeyRow,
  routed: readonly ModelEntry[],
  estimatedPromptTokens: number,
  calls: number,
  limits: KeyRateLimits,
): Promise<ChatKeyCharge> {
  const candidates = key.models === null ? [...routed] : routed.filter((entry) => key.models!.includes(entry.id));
  if (candidates.length === 0) throw new FlintError('forbidden:key', { retryable: false });

  const admission = key.rpm === null && key.tpm === null ? undefined : await limits.admit(key, estimatedPromptTokens + (candidates[0]!.maxOutput || 4096));
  if (admission?.ok === false) {
    const what = admission.limit === 'rpm' ? `${key.rpm} requests` : `${key.tpm} tokens`;
    throw new FlintError('rate_limit:key', {
      message: `Your key is limited to ${what} per minute. Try again shortly.`,
      retryAfterSeconds: Math.max(1, Math.ceil(admission.retryAfterMs / 1000)),
    });
  }

  const budgets = budgetsOf(await sharedDatabase());
  const holdUsd = reservationUsd(candidates, estimatedPromptTokens, undefined) * calls;
  if (!(await budgets.reserve(key.id, holdUsd, currentPeriodStart(key)))) {
    // No model was called: the tokens charged at admission are given back.
    if (admission?.ok === true) trackWrite(admission.settleTokens(0));
    const wait = secondsUntilReset(key.period as BudgetPeriod, new Date());
    throw new FlintError('quota:key', { retryable: false, ...(wait === undefined ? {} : { retryAfterSeconds: wait }) });
  }

  let settled = false;
  return {
    candidates,
    settle(usage) {
      if (settled) return;
      settled = true;
      budgets.settle(key.id, holdUsd, usage.costUsd);
      if (admission?.ok === true) trackWrite(admission.settleTokens(usage.inputTokens + usage.outputTokens));
    },
  };
}
