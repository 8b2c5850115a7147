import type { BatchRow } from '@/lib/batch/batch-queries';
import type { ProviderLineResult } from '@/lib/batch/provider-results';
import type { UsageRow } from '@/lib/usage/usage-row';

/** The ledger row of one line Groq's Batch API ran: the owner's key, surface `batch`, the line's cost at the batch price. */
export function providerLineUsage(batch: Pick<BatchRow, 'owner'>, line: ProviderLineResult): UsageRow {
  const body = (line.result.response?.body ?? {}) as { model?: unknown; usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } };
  return {
    keyId: batch.owner,
    surface: 'batch',
    provider: 'groq',
    model: typeof body.model === 'string' ? body.model : null,
    inputTokens: Number(body.usage?.prompt_tokens) || 0,
    outputTokens: Number(body.usage?.completion_tokens) || 0,
    costUsd: line.costUsd,
    durationMs: 0,
    status: line.ok ? 'ok' : `error:${line.result.response?.status_code ?? 0}`,
  };
}
